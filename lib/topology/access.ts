/**
 * The access declaration with every default applied, so that validation and the accel constructs read the same
 * values (a default that only one of them knew would let validation pass what is then synthesized differently).
 */
import { DEFAULT_ACCESS_POINT_REGION, gaRegion } from './ga-regions';
import type { Location } from './locations';
import { type DnsRecordModel, hostnameDeclaration, resolveRouting, type RoutingModel, type SiteRouteModel } from './sites';
import type { CrossBorderDeclaration, LegalBasis, TopologyDeclaration } from './types';
import type { WithoutAccessPoint } from './types-sites';

export { DEFAULT_ACCESS_POINT_REGION } from './ga-regions';
export const DEFAULT_DNS_TTL_SECONDS = 600;
/** Alibaba Cloud DNS and the design cap: a failover must reach users within an hour. */
export const MAX_DNS_TTL_SECONDS = 3600;
export const DEFAULT_HTTPS_PORT = 443;
export const DEFAULT_REDIRECT_PORT = 80;
export const DEFAULT_PACKAGE_MONTHS = 1;

export interface ResolvedAccessPoint {
  readonly name: string;
  readonly region: string;
  /** Human-readable location of the region. */
  readonly regionName: string;
  readonly bandwidthMbps: number;
  /** Where the acceleration region is (lib/topology/ga-regions.ts). */
  readonly location: Location;
  /** Inside mainland China: the access point serves the `default` population. */
  readonly mainland: boolean;
  /** Whether a GA source confirms the region id (ga-regions.ts); an unconfirmed id may be refused by GA. */
  readonly regionIdConfirmed: boolean;
}

export type ResolvedListener =
  | { readonly protocol: 'https'; readonly certificateId: string; readonly port: number; readonly redirectPort: number }
  | { readonly protocol: 'tcp'; readonly port: number };

/** A pay-as-you-go accelerator has no spec (it is billed by usage); a subscription buys one. */
export type ResolvedPayment =
  { readonly type: 'PayAsYouGo' } | { readonly type: 'Subscription'; readonly spec: string; readonly months: number; readonly autoRenew: boolean };

export type ResolvedCrossBorder =
  | { readonly billing: 'none' }
  | { readonly billing: 'cdt'; readonly mode?: 'bgpPro' | 'private' }
  | { readonly billing: 'bandwidth-package'; readonly bandwidthMbps: number; readonly basicBandwidthMbps: number; readonly subscriptionMonths: number };

export interface ResolvedHostname {
  /** Host label within the domain, e.g. `oa`. */
  readonly label: string;
  /** `<label>.<domain>`. */
  readonly fqdn: string;
  readonly unitId: string;
  /** What users on the far side of the mainland border get when no access point is on their side. */
  readonly withoutAccessPoint?: WithoutAccessPoint;
  /** The legal basis under which users of other jurisdictions use the hostname. */
  readonly crossBorderUse?: LegalBasis;
}

export interface ResolvedAccess {
  readonly domain: string;
  readonly dnsTtlSeconds: number;
  readonly payment: ResolvedPayment;
  readonly crossBorder: ResolvedCrossBorder;
  /** Sorted by name, so output order never depends on declaration order. */
  readonly accessPoints: readonly ResolvedAccessPoint[];
  readonly listener: ResolvedListener;
  readonly healthCheck: { readonly path: string; readonly intervalSeconds: number };
  /** Sorted by label. */
  readonly hostnames: readonly ResolvedHostname[];
  /** Ids of the units some hostname routes to, sorted: exactly these get an endpoint group. */
  readonly routedUnitIds: readonly string[];
  /** Every DNS record of every hostname, derived from the sites and access points (sites.ts). */
  readonly dnsRecords: readonly DnsRecordModel[];
  /** Ids of the units some record points at by CNAME, sorted: the accel stack reads exactly these ALB DNS names. */
  readonly cnameUnitIds: readonly string[];
  /** For every hostname and site: the DNS line that answers the site, where its users enter, where they are served, the border they cross. */
  readonly routes: readonly SiteRouteModel[];
}

function resolveCrossBorder(cb: CrossBorderDeclaration | undefined): ResolvedCrossBorder {
  if (cb === undefined) return { billing: 'none' };
  if (cb.billing === 'cdt') return cb.mode ? { billing: 'cdt', mode: cb.mode } : { billing: 'cdt' };
  return {
    billing: 'bandwidth-package',
    bandwidthMbps: cb.bandwidthMbps,
    basicBandwidthMbps: cb.basicBandwidthMbps,
    subscriptionMonths: cb.subscriptionMonths ?? DEFAULT_PACKAGE_MONTHS,
  };
}

/** Applies the defaults of a (validated) access declaration; `routing` is its routing, when already derived. */
export function resolveAccess(t: TopologyDeclaration, routing: RoutingModel = resolveRouting(t)): ResolvedAccess {
  const a = t.access;
  const byName = <T>(entries: [string, T][]) => entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const hostnames = byName(Object.entries(a.hostnames)).map(([label, entry]): ResolvedHostname => {
    const h = hostnameDeclaration(entry);
    return {
      label,
      fqdn: `${label}.${a.domain}`,
      unitId: h.unit,
      ...(h.withoutAccessPoint ? { withoutAccessPoint: h.withoutAccessPoint } : {}),
      ...(h.crossBorderUse ? { crossBorderUse: h.crossBorderUse } : {}),
    };
  });
  const payment: ResolvedPayment =
    a.payment?.type === 'Subscription'
      ? { type: 'Subscription', spec: a.payment.spec, months: a.payment.months, autoRenew: a.payment.autoRenew ?? true }
      : { type: 'PayAsYouGo' };
  const listener: ResolvedListener =
    a.listener.protocol === 'https'
      ? {
          protocol: 'https',
          certificateId: a.listener.certificateId,
          port: a.listener.port ?? DEFAULT_HTTPS_PORT,
          redirectPort: a.listener.redirectPort ?? DEFAULT_REDIRECT_PORT,
        }
      : { protocol: 'tcp', port: a.listener.port ?? DEFAULT_HTTPS_PORT };
  return {
    domain: a.domain,
    dnsTtlSeconds: a.dnsTtlSeconds ?? DEFAULT_DNS_TTL_SECONDS,
    payment,
    crossBorder: resolveCrossBorder(a.crossBorder),
    accessPoints: byName(Object.entries(a.accessPoints)).map(([name, ap]) => {
      const region = ap.region ?? DEFAULT_ACCESS_POINT_REGION;
      const ga = gaRegion(region);
      if (!ga) throw new Error(`resolveAccess: access point ${name} is in ${region}, which is no GA acceleration region; validateTopology reports this first`);
      return {
        name,
        region,
        regionName: ga.name,
        bandwidthMbps: ap.bandwidthMbps,
        location: ga.location,
        mainland: ga.mainland,
        regionIdConfirmed: ga.idConfirmed,
      };
    }),
    listener,
    healthCheck: a.healthCheck,
    hostnames,
    routedUnitIds: [...new Set(hostnames.map((h) => h.unitId))].sort(),
    dnsRecords: routing.dnsRecords,
    cnameUnitIds: [...new Set(routing.dnsRecords.flatMap((r) => (r.target.kind === 'alb' ? [r.target.unitId] : [])))].sort(),
    routes: routing.routes,
  };
}
