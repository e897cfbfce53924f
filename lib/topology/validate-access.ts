/**
 * Validation of the access declaration (`access` in stacks/topology.ts): the Global Accelerator, its access
 * points, listeners, hostname routing, cross-border billing and DNS. Same shape as every other problem:
 *   access.listener.redirectPort: 443 clashes with access.listener.port 443; give the redirect listener its own port (default 80)
 */
import { DEFAULT_ACCESS_POINT_REGION, DEFAULT_HTTPS_PORT, DEFAULT_REDIRECT_PORT, MAX_DNS_TTL_SECONDS } from './access';
import { accessEndpointGroupName, accessNames, accessRuleName, checkName, type NameKind } from './naming';
import { GA_REGION_IDS, gaRegion } from './ga-regions';
import { isRegionId, REGIONS } from './regions';
import { hostnameUnit } from './sites';
import type { TopologyDeclaration } from './types';
import { checkInt, checkKeys, checkOneOf, checkString, type Problems } from './checks';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (xs: readonly unknown[]) => xs.map((x) => String(x)).join(', ');

const ACCESS_KEYS = ['domain', 'dnsTtlSeconds', 'payment', 'crossBorder', 'accessPoints', 'listener', 'healthCheck', 'hostnames'] as const;
const SPECS = ['1', '2', '3', '5', '8', '10'] as const;
/** GA listeners accept ports 1-65499 (65500 and up are reserved by GA). */
const MAX_LISTENER_PORT = 65499;
/** GA host-based forwarding conditions take host names of at most 128 characters. */
const MAX_HOST_LENGTH = 128;
const CROSS_BORDER_OPTIONS =
  'choose { billing: "cdt" } (China-site account: pay-by-data-transfer with cross-border status on) or { billing: "bandwidth-package", bandwidthMbps, basicBandwidthMbps } (international-site account: CrossDomain bandwidth package China-mainland <-> Global plus a Basic package); both need enterprise real-name verification';

/** Checks `access`; called once from `topologyProblems`. */
export function validateAccess(p: Problems, t: TopologyDeclaration): void {
  const a = t.access;
  // The spec moved to the subscription: a pay-as-you-go accelerator takes none (the provider reads `spec` back, so a
  // spec on one would be sent through UpdateAccelerator on a later change, alicloud/resource_alicloud_ga_accelerator.go:290-293).
  if (isObj(a) && 'acceleratorSpec' in a) {
    p.add(
      'access.acceleratorSpec',
      a.acceleratorSpec,
      'is no longer a field: a pay-as-you-go accelerator has no spec',
      'remove it; with a subscription give the spec as access.payment.spec',
    );
  }
  // Checked for the other keys without it, so the moved field gets the message above and not "not a known field".
  const withoutMovedSpec = isObj(a) ? Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'acceleratorSpec')) : a;
  if (!checkKeys(p, 'access', withoutMovedSpec, ACCESS_KEYS)) return;
  const unitIds = (Array.isArray(t.units) ? t.units : []).map((u) => (isObj(u) ? u.id : undefined)).filter((id): id is string => typeof id === 'string');

  checkString(
    p,
    'access.domain',
    a.domain,
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'use a lower-case DNS domain hosted in Alibaba Cloud DNS, e.g. collab.example.com',
  );
  if (a.dnsTtlSeconds !== undefined) {
    checkInt(
      p,
      'access.dnsTtlSeconds',
      a.dnsTtlSeconds,
      1,
      MAX_DNS_TTL_SECONDS,
      `use at most ${MAX_DNS_TTL_SECONDS} seconds so a failover reaches users within an hour (default 600)`,
    );
  }
  validatePayment(p, a.payment);
  const bandwidths = validateAccessPoints(p, a.accessPoints);
  const routed = validateHostnames(p, a.hostnames, typeof a.domain === 'string' ? a.domain : '', unitIds);
  if (checkKeys(p, 'access.healthCheck', a.healthCheck, ['path', 'intervalSeconds'])) {
    checkString(p, 'access.healthCheck.path', a.healthCheck.path, /^\/[\x21-\x7e]{0,79}$/, 'use an absolute URL path such as /healthz');
    checkInt(p, 'access.healthCheck.intervalSeconds', a.healthCheck.intervalSeconds, 1, 50, 'GA checks every 1-50 seconds');
  }
  validateListener(p, a.listener, routed);
  validateCrossBorder(p, t, routed, bandwidths);

  if (typeof t.org?.prefix === 'string') {
    const names: { kind: NameKind; name: string }[] = [
      ...Object.values(accessNames(t.org.prefix)),
      ...routed.map((id) => ({ kind: 'generic' as const, name: accessEndpointGroupName(t.org.prefix, id) })),
      ...Object.keys(isObj(a.hostnames) ? a.hostnames : {}).map((label) => ({ kind: 'generic' as const, name: accessRuleName(t.org.prefix, label) })),
    ];
    for (const { kind, name } of names) {
      const problem = checkName(kind, name);
      if (problem) p.add('org.prefix', name, problem, 'the derived Global Accelerator name is too long or malformed; shorten org.prefix or the host label');
    }
  }
}

function validatePayment(p: Problems, payment: unknown): void {
  if (payment === undefined) return;
  if (!isObj(payment) || (payment.type !== 'PayAsYouGo' && payment.type !== 'Subscription')) {
    p.add(
      'access.payment.type',
      isObj(payment) ? payment.type : payment,
      'is not allowed',
      'use { type: "PayAsYouGo" } or { type: "Subscription", spec, months }',
    );
    return;
  }
  if (payment.type === 'PayAsYouGo') {
    checkKeys(p, 'access.payment', payment, ['type']);
    return;
  }
  checkKeys(p, 'access.payment', payment, ['type', 'spec', 'months', 'autoRenew']);
  checkOneOf(p, 'access.payment.spec', payment.spec, SPECS);
  checkInt(p, 'access.payment.months', payment.months, 1, 9, 'GA sells accelerator subscriptions of 1 to 9 months');
  if (payment.autoRenew !== undefined && typeof payment.autoRenew !== 'boolean')
    p.add('access.payment.autoRenew', payment.autoRenew, 'is not a boolean', 'use true or false');
}

/** Returns each access point's bandwidth, for the bandwidth-package check. */
function validateAccessPoints(p: Problems, points: unknown): number[] {
  const bandwidths: number[] = [];
  if (!isObj(points)) {
    p.add('access.accessPoints', points, 'is not a map', 'declare access points keyed by name, e.g. { sg: { region: "ap-southeast-1", bandwidthMbps: 20 } }');
    return bandwidths;
  }
  if (Object.keys(points).length === 0)
    p.add('access.accessPoints', points, 'is empty', 'declare at least one access point, e.g. { sg: { region: "ap-southeast-1", bandwidthMbps: 20 } }');
  const regions = new Map<string, string>();
  for (const [name, ap] of Object.entries(points)) {
    const path = `access.accessPoints.${name}`;
    checkString(p, path, name, /^[a-z][a-z0-9]{0,15}$/, 'name access points with 1-16 lower-case letters or digits, e.g. "sg" or "kl"');
    if (!checkKeys(p, path, ap, ['region', 'bandwidthMbps'])) continue;
    const region = ap.region ?? DEFAULT_ACCESS_POINT_REGION;
    if (typeof region !== 'string' || !gaRegion(region)) {
      p.add(
        `${path}.region`,
        ap.region,
        'is not a known acceleration region',
        `use one of ${show(GA_REGION_IDS)} (lib/topology/ga-regions.ts; add the region there once GA confirms its id)`,
      );
    } else {
      const other = regions.get(region);
      if (other !== undefined) {
        p.add(
          `${path}.region`,
          region,
          `is already the region of access point ${other}`,
          `GA takes one IP set per acceleration region: raise access point ${other}'s bandwidthMbps instead`,
        );
      } else regions.set(region, name);
    }
    if (checkInt(p, `${path}.bandwidthMbps`, ap.bandwidthMbps, 2, 10000, 'give each access point at least 2 Mbit/s'))
      bandwidths.push(ap.bandwidthMbps as number);
  }
  return bandwidths;
}

/** Returns the ids of the declared units that hostnames route to, sorted. */
function validateHostnames(p: Problems, hostnames: unknown, domain: string, unitIds: readonly string[]): string[] {
  if (!isObj(hostnames) || Object.keys(hostnames).length === 0) {
    p.add(
      'access.hostnames',
      hostnames,
      isObj(hostnames) ? 'is empty' : 'is not a map',
      'map each host label to the id of the unit that owns its data, e.g. { oa: "cn", vn: { unit: "sg", withoutAccessPoint: "direct" } }',
    );
    return [];
  }
  const routed = new Set<string>();
  for (const [label, entry] of Object.entries(hostnames)) {
    const unitId = hostnameUnit(entry);
    const path = `access.hostnames.${label}`;
    if (
      checkString(p, path, label, /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'host labels are lower-case letters, digits and hyphens') &&
      label.length + 1 + domain.length > MAX_HOST_LENGTH
    ) {
      p.add(path, `${label}.${domain}`, `is longer than the ${MAX_HOST_LENGTH} characters a GA host rule takes`, 'shorten the label or access.domain');
    }
    if (typeof unitId !== 'string' || !unitIds.includes(unitId)) {
      p.add(isObj(entry) ? `${path}.unit` : path, unitId, 'routes to a unit that is not declared', `route it to one of the declared units: ${show(unitIds)}`);
    } else routed.add(unitId);
  }
  return [...routed].sort();
}

function validateListener(p: Problems, listener: unknown, routed: readonly string[]): void {
  if (!isObj(listener)) {
    p.add('access.listener', listener, 'is not an object', 'declare { protocol: "https", certificateId } or { protocol: "tcp" }');
    return;
  }
  const portFix = `GA listeners take ports 1-${MAX_LISTENER_PORT}`;
  if (listener.protocol === 'https') {
    checkKeys(p, 'access.listener', listener, ['protocol', 'certificateId', 'port', 'redirectPort']);
    checkString(
      p,
      'access.listener.certificateId',
      listener.certificateId,
      /^[0-9]+-[a-z0-9-]+$/,
      'give the Certificate Management Service id (<number>-<region>) of the certificate for the hostnames',
    );
    const port = listener.port ?? DEFAULT_HTTPS_PORT;
    const redirect = listener.redirectPort ?? DEFAULT_REDIRECT_PORT;
    const portOk = checkInt(p, 'access.listener.port', port, 1, MAX_LISTENER_PORT, portFix);
    const redirectOk = checkInt(p, 'access.listener.redirectPort', redirect, 1, MAX_LISTENER_PORT, portFix);
    if (portOk && redirectOk && port === redirect) {
      p.add(
        'access.listener.redirectPort',
        redirect,
        `clashes with access.listener.port ${port}`,
        `give the HTTP redirect listener its own port (default ${DEFAULT_REDIRECT_PORT}; HTTPS default ${DEFAULT_HTTPS_PORT})`,
      );
    }
  } else if (listener.protocol === 'tcp') {
    checkKeys(p, 'access.listener', listener, ['protocol', 'port']);
    checkInt(p, 'access.listener.port', listener.port ?? DEFAULT_HTTPS_PORT, 1, MAX_LISTENER_PORT, portFix);
    if (routed.length > 1) {
      p.add(
        'access.listener.protocol',
        'tcp',
        `cannot route by hostname, but access.hostnames routes to units ${show(routed)}`,
        'use protocol "https" (GA terminates TLS and routes each hostname to its unit) or route every hostname to one unit',
      );
    }
  } else {
    p.add('access.listener.protocol', listener.protocol, 'is not allowed', 'use "https" (terminate at GA) or "tcp" (pass TLS through to the unit ALBs)');
  }
}

/**
 * GA cross-border carriage must be an explicit choice whenever an access point and a unit it reaches lie on
 * different sides of the mainland China border; the choice must also fit the accelerator's billing.
 */
function validateCrossBorder(p: Problems, t: TopologyDeclaration, routed: readonly string[], bandwidths: readonly number[]): void {
  const a = t.access;
  const units = (Array.isArray(t.units) ? (t.units as unknown[]) : []).flatMap((u) =>
    isObj(u) && typeof u.id === 'string' && routed.includes(u.id) && isRegionId(u.region) ? [{ id: u.id, mainland: REGIONS[u.region].mainland }] : [],
  );
  const points = Object.entries(isObj(a.accessPoints) ? a.accessPoints : {}).flatMap(([name, ap]) => {
    const region = gaRegion(isObj(ap) ? (ap.region ?? DEFAULT_ACCESS_POINT_REGION) : undefined);
    return region ? [{ name, mainland: region.mainland }] : [];
  });
  const subscription = isObj(a.payment) && a.payment.type === 'Subscription';

  if (a.crossBorder === undefined) {
    const overseasPoints = points.filter((ap) => !ap.mainland).map((ap) => ap.name);
    const mainlandPoints = points.filter((ap) => ap.mainland).map((ap) => ap.name);
    const mainlandUnits = units.filter((u) => u.mainland).map((u) => u.id);
    const overseasUnits = units.filter((u) => !u.mainland).map((u) => u.id);
    if (overseasPoints.length && mainlandUnits.length) {
      p.add(
        'access.crossBorder',
        undefined,
        `is required: access point ${show(overseasPoints)} outside mainland China routes to mainland unit ${show(mainlandUnits)}`,
        CROSS_BORDER_OPTIONS,
      );
    } else if (mainlandPoints.length && overseasUnits.length) {
      p.add(
        'access.crossBorder',
        undefined,
        `is required: access point ${show(mainlandPoints)} inside mainland China routes to unit ${show(overseasUnits)} outside it`,
        CROSS_BORDER_OPTIONS,
      );
    } else if (subscription) {
      p.add(
        'access.payment.type',
        'Subscription',
        'needs bandwidth packages, and none are declared',
        'use { type: "PayAsYouGo" } (billed by data transfer), or declare crossBorder { billing: "bandwidth-package", ... }',
      );
    }
    return;
  }
  if (!isObj(a.crossBorder)) {
    p.add('access.crossBorder', a.crossBorder, 'is not an object', CROSS_BORDER_OPTIONS);
    return;
  }
  const cb: Obj = a.crossBorder;
  if (cb.billing === 'cdt') {
    checkKeys(p, 'access.crossBorder', cb, ['billing', 'mode']);
    if (cb.mode !== undefined) checkOneOf(p, 'access.crossBorder.mode', cb.mode, ['bgpPro', 'private'] as const);
    if (subscription) {
      p.add(
        'access.crossBorder.billing',
        'cdt',
        'needs a pay-as-you-go accelerator, but access.payment.type is "Subscription"',
        'set access.payment to { type: "PayAsYouGo" }, or use billing "bandwidth-package" with a subscription',
      );
    }
  } else if (cb.billing === 'bandwidth-package') {
    checkKeys(p, 'access.crossBorder', cb, ['billing', 'bandwidthMbps', 'basicBandwidthMbps', 'subscriptionMonths']);
    checkInt(p, 'access.crossBorder.bandwidthMbps', cb.bandwidthMbps, 2, 10000);
    if (cb.subscriptionMonths !== undefined)
      checkInt(p, 'access.crossBorder.subscriptionMonths', cb.subscriptionMonths, 1, 9, 'GA sells bandwidth packages of 1 to 9 months');
    if (checkInt(p, 'access.crossBorder.basicBandwidthMbps', cb.basicBandwidthMbps, 2, 10000)) {
      const needed = bandwidths.reduce((x, y) => x + y, 0);
      if (needed > (cb.basicBandwidthMbps as number)) {
        p.add(
          'access.crossBorder.basicBandwidthMbps',
          cb.basicBandwidthMbps,
          `is less than the ${needed} Mbit/s the access points take together`,
          `raise it to at least ${needed} or lower the access points' bandwidthMbps`,
        );
      }
    }
  } else {
    p.add('access.crossBorder.billing', cb.billing, 'is not allowed', 'use "cdt" (China-site account) or "bandwidth-package" (international-site account)');
  }
}
