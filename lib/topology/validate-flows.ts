/**
 * Validation of the declared cross-unit flows and the interconnect's billing: each flow joins two declared units,
 * on a port the target's app tier can serve, with the data class it carries, and a legal basis wherever personal
 * data crosses a border. The flows are the only traffic CEN may carry, so a typo here must not pass silently.
 */
import { checkInt, checkKeys, checkLegalBasis, checkOneOf, checkString, isObj, type Obj, type Problems, show } from './checks';
import { checkName, peerNames } from './naming';
import { isRegionId, REGIONS } from './regions';
import { DATA_CLASSES, FLOW_PROTOCOLS, INTERCONNECT_BILLINGS, type TopologyDeclaration } from './types';

const FLOW_KEYS = ['from', 'to', 'service', 'port', 'protocol', 'carries', 'legalBasis', 'bandwidthMbps', 'description'] as const;
/** Ports the app tier already uses for its own listener (the ALB's backend port): a flow may not claim them. */
export const RESERVED_APP_PORTS: readonly number[] = [8080];

interface FlowUnit {
  readonly id: string;
  readonly region?: string;
}

export function validateInterconnect(p: Problems, t: TopologyDeclaration): void {
  if (!checkKeys(p, 'interconnect', t.interconnect, ['crossBorderBilling', 'sameSideBilling'])) return;
  const i = t.interconnect as unknown as Obj;
  checkOneOf(p, 'interconnect.crossBorderBilling', i.crossBorderBilling, INTERCONNECT_BILLINGS);
  if (i.sameSideBilling !== undefined) checkOneOf(p, 'interconnect.sameSideBilling', i.sameSideBilling, INTERCONNECT_BILLINGS);
}

export function validateFlows(p: Problems, t: TopologyDeclaration): void {
  if (t.flows === undefined) {
    p.add(
      'flows',
      undefined,
      'is missing',
      'declare the cross-unit service flows (or {} when units exchange nothing but replicated org data): CEN carries nothing else',
    );
    return;
  }
  if (!checkKeys(p, 'flows', t.flows, Object.keys(isObj(t.flows) ? t.flows : {}))) return;
  const units: FlowUnit[] = (Array.isArray(t.units) ? (t.units as unknown[]) : []).flatMap((u) =>
    isObj(u) && typeof u.id === 'string' ? [{ id: u.id, region: typeof u.region === 'string' ? u.region : undefined }] : [],
  );
  const ids = units.map((u) => u.id);
  const seen = new Map<string, string>();
  for (const [key, flow] of Object.entries(t.flows)) {
    const path = `flows.${key}`;
    checkString(p, path, key, /^[a-z][a-z0-9-]{1,47}$/, 'name flows with 2-48 lower-case letters, digits and hyphens, e.g. "reporting-aggregates"');
    if (!checkKeys(p, path, flow, FLOW_KEYS)) continue;
    const f = flow as unknown as Obj;
    const fromOk = typeof f.from === 'string' && ids.includes(f.from);
    const toOk = typeof f.to === 'string' && ids.includes(f.to);
    if (!fromOk)
      p.add(`${path}.from`, f.from, f.from === undefined ? 'is missing' : 'is not a declared unit', `name the unit whose app tier calls: one of ${show(ids)}`);
    if (!toOk)
      p.add(`${path}.to`, f.to, f.to === undefined ? 'is missing' : 'is not a declared unit', `name the unit whose app tier serves: one of ${show(ids)}`);
    if (fromOk && toOk && f.from === f.to)
      p.add(`${path}.to`, f.to, "is also the flow's from unit", 'a flow crosses units: traffic inside a unit needs no declaration');
    checkString(
      p,
      `${path}.service`,
      f.service,
      /^[a-z][a-z0-9-]{1,39}$/,
      'name the service with 2-40 lower-case letters, digits and hyphens, e.g. "reporting-api"',
    );
    if (checkInt(p, `${path}.port`, f.port, 1, 65535, 'use the TCP/UDP port the target service listens on') && RESERVED_APP_PORTS.includes(f.port as number)) {
      p.add(`${path}.port`, f.port, "is the app tier's ALB backend port", 'serve cross-unit flows on a port of their own');
    }
    checkOneOf(p, `${path}.protocol`, f.protocol, FLOW_PROTOCOLS);
    const carriesOk = checkOneOf(p, `${path}.carries`, f.carries, DATA_CLASSES);
    checkInt(
      p,
      `${path}.bandwidthMbps`,
      f.bandwidthMbps,
      1,
      10000,
      'give the peak bandwidth the flow needs; the CEN connection between the two units is sized to it',
    );
    checkString(
      p,
      `${path}.description`,
      f.description,
      /\S/,
      'say in one sentence what the flow is for: the data-flow register shows it to compliance reviewers',
    );

    if (fromOk && toOk && f.from !== f.to) {
      const from = units.find((u) => u.id === f.from)!;
      const to = units.find((u) => u.id === f.to)!;
      const countryOf = (u: FlowUnit) => (isRegionId(u.region) ? REGIONS[u.region].country : undefined);
      const [a, b] = [countryOf(from), countryOf(to)];
      const crosses = a !== undefined && b !== undefined && a !== b;
      if (carriesOk && f.carries === 'personal' && crosses && f.legalBasis === undefined) {
        p.add(
          `${path}.legalBasis`,
          undefined,
          `is missing: the flow carries personal data from ${from.region} (${a}) to ${to.region} (${b})`,
          'declare legalBasis: { basis, reference } (for example a PIPL standard contract and its filing number), or carry only org-structure data',
        );
      }
      if (f.legalBasis !== undefined) {
        checkLegalBasis(p, `${path}.legalBasis`, f.legalBasis);
        if (carriesOk && (f.carries !== 'personal' || !crosses)) {
          p.add(
            `${path}.legalBasis`,
            f.legalBasis,
            f.carries !== 'personal' ? 'is declared for a flow that carries no personal data' : 'is declared for a flow that crosses no border',
            'remove legalBasis, or correct carries',
          );
        }
      }
      const signature = `${f.from}>${f.to}:${String(f.protocol)}/${String(f.port)}`;
      const other = seen.get(signature);
      if (other !== undefined) {
        p.add(
          `${path}.port`,
          f.port,
          `is also the port of flow ${other} from ${f.from} to ${f.to}`,
          'declare one flow per service, or give this service its own port',
        );
      } else seen.set(signature, key);
      if (typeof t.org?.prefix === 'string') {
        const [near, far] = [f.from, f.to].includes(t.hub) ? [t.hub, f.from === t.hub ? f.to : f.from] : [f.from, f.to].sort();
        for (const [role, { kind, name }] of Object.entries(peerNames(t.org.prefix, near as string, far as string))) {
          const problem = checkName(kind, name);
          if (problem) p.add(`${path}.to`, name, problem, `the derived ${role} name is too long or malformed; shorten org.prefix or the unit ids`);
        }
      }
    }
  }
}
