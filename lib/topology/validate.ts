/**
 * Validation of a topology declaration, before any construct is built. Pure functions: they read the
 * declaration and return problems; `validateTopology` throws one TopologyError listing all of them.
 *
 * Every problem names the field path, the value received and the fix, in one shape:
 *   units.sg.network.vpcCidr: "10.0.0.0/12" overlaps units.cn.network.vpcCidr "10.1.0.0/16"; give each unit its own range (for example 10.2.0.0/16)
 *
 * The field checks live in checks.ts and each area's validator in its own validate-*.ts; this module composes them.
 */
import { CERTIFICATE_ID } from './certificates';
import { type Cidr, overlaps, parseCidr } from './cidr';
import { checkKeys, checkString, isObj, Problems, show, TopologyError } from './checks';
import { validateAccess } from './validate-access';
import { validateStateBackend } from './validate-backend';
import { validateCatalogAndReplication } from './validate-catalog';
import { validateFlows, validateInterconnect } from './validate-flows';
import { validateLink } from './validate-link';
import { validateSites } from './validate-sites';
import { validatePlaceholderLists } from './validate-ops';
import { type UnitCidrs, unitPath, validateUnit, validateUnitSettings } from './validate-unit';
import type { TopologyDeclaration } from './types';

export { Problems, TopologyError } from './checks';

export function topologyProblems(t: TopologyDeclaration): string[] {
  const p = new Problems();
  if (
    !checkKeys(p, 'topology', t, [
      'org',
      'platform',
      'hub',
      'units',
      'catalog',
      'replication',
      'interconnect',
      'flows',
      'access',
      'sites',
      'stateBackend',
      'tags',
      'placeholders',
    ])
  )
    return p.list;
  if (checkKeys(p, 'platform', t.platform, ['appImageName', 'certificates'])) {
    checkString(
      p,
      'platform.appImageName',
      t.platform.appImageName,
      /^[A-Za-z][A-Za-z0-9_.:-]{1,127}$/,
      'name the app image as the image pipeline publishes it in every unit region',
    );
    if (checkKeys(p, 'platform.certificates', t.platform.certificates, ['mainland', 'international'])) {
      for (const site of ['mainland', 'international'] as const) {
        const c = t.platform.certificates[site];
        if (c !== undefined)
          checkString(
            p,
            `platform.certificates.${site}`,
            c,
            CERTIFICATE_ID,
            'give the Certificate Management Service id of the wildcard certificate (<number>-<region>)',
          );
      }
    }
  }
  if (checkKeys(p, 'org', t.org, ['prefix', 'name'])) {
    checkString(p, 'org.prefix', t.org.prefix, /^[a-z][a-z0-9]{1,23}$/, 'use 2-24 lower-case letters or digits starting with a letter, e.g. "acme"');
    checkString(p, 'org.name', t.org.name, /\S/, 'name the organisation');
  }
  if (t.tags !== undefined && isObj(t.tags)) {
    for (const [k, v] of Object.entries(t.tags)) {
      if (!/^[A-Za-z0-9_.:/=+@-]{1,64}$/.test(k) || k.startsWith('aliyun') || k.startsWith('acs:'))
        p.add(`tags.${k}`, k, 'is not a valid tag key', 'use 1-64 characters, not starting with aliyun or acs:');
      if (typeof v !== 'string' || v.length > 128) p.add(`tags.${k}`, v, 'is not a valid tag value', 'use a string of at most 128 characters');
    }
  }
  validateCatalogAndReplication(p, t);

  const units: unknown[] = Array.isArray(t.units) ? [...t.units] : [];
  if (!Array.isArray(t.units) || units.length === 0) p.add('units', t.units, 'has no units', 'declare at least the hub unit');
  const ids = new Set<string>();
  const regions = new Map<string, string>();
  const all: UnitCidrs[] = [];
  units.forEach((u, i) => {
    const path = unitPath(u, i);
    const id = isObj(u) ? u.id : undefined;
    if (typeof id === 'string') {
      if (ids.has(id)) p.add(`units[${i}].id`, id, 'is declared twice', 'give each unit its own id');
      ids.add(id);
    }
    all.push(validateUnit(p, t, u, path));
    const region = isObj(u) ? u.region : undefined;
    if (typeof region === 'string') {
      const other = regions.get(region);
      if (other !== undefined) {
        p.add(
          `${path}.region`,
          region,
          `is already the region of ${other}`,
          'one unit per region: serve both countries from one unit, or place the new unit in a region of its own (its data must stay in its own region)',
        );
      } else regions.set(region, path);
    }
  });
  if (typeof t.hub !== 'string' || !ids.has(t.hub)) {
    p.add('hub', t.hub, 'is not a declared unit', `name one of the declared units: ${show([...ids])}`);
  }
  // VPC ranges must not overlap across units: CEN routes between them.
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i],
        b = all[j];
      if (a.vpc && b.vpc && overlaps(a.vpc, b.vpc)) {
        p.add(
          `${b.path}.network.vpcCidr`,
          b.vpc.text,
          `overlaps ${a.path}.network.vpcCidr ${a.vpc.text}`,
          `give each unit its own range (for example ${suggestFreeRange(
            all.map((x) => x.vpc).filter((x): x is Cidr => !!x),
            b.vpc.prefix,
          )})`,
        );
      }
    }
  }
  validateLink(p, t);
  validateInterconnect(p, t);
  validateFlows(p, t);
  validateAccess(p, t);
  validateSites(p, t);
  validateStateBackend(p, t);
  validateUnitSettings(p, t);
  validatePlaceholderLists(p, t);
  return p.list;
}

/** First free 10.x.0.0/<prefix> range that overlaps none of `used`, for the fix text of overlap errors. */
export function suggestFreeRange(used: readonly Cidr[], prefix: number): string {
  const p = Math.max(prefix, 16);
  for (let second = 0; second < 256; second++) {
    const candidate = parseCidr(`10.${second}.0.0/${p}`);
    if (typeof candidate !== 'string' && !used.some((u) => overlaps(u, candidate))) return candidate.text;
  }
  return `a free /${p} range`;
}

/** Throws a TopologyError listing every problem; returns the declaration unchanged when it is valid. */
export function validateTopology(t: TopologyDeclaration): TopologyDeclaration {
  const problems = topologyProblems(t);
  if (problems.length) throw new TopologyError(problems);
  return t;
}
