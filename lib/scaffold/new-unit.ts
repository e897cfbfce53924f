/**
 * The new-country scaffold: derives a complete unit declaration from four facts (id, country, region, VPC
 * range), checks the whole topology with it exactly as synth would, and only then writes
 * stacks/unit-<id>/unit.ts. Nothing is written when anything is refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type Cidr, parseCidr, subnet } from '../topology/cidr';
import { REGION_LOCATIONS } from '../topology/locations';
import { isRegionId, REGION_IDS, regionInfo, type RegionId } from '../topology/regions';
import { populationOfCountry } from '../topology/sites';
import type { SiteDeclaration } from '../topology/types-sites';
import {
  APP_INSTANCE_TYPES,
  CACHE_INSTANCE_CLASSES,
  DB_INSTANCE_CLASSES,
  TIERS,
  type TierName,
  type TopologyDeclaration,
  type UnitDeclaration,
} from '../topology/types';
import { Problems, topologyProblems } from '../topology/validate';

export interface NewUnitRequest {
  /** Stable unit id, e.g. `th`: folder `stacks/unit-<id>`, stack `unit-<id>`. */
  readonly id: string;
  /** ISO 3166-1 alpha-2 code of the country whose staff data the unit keeps. */
  readonly country: string;
  /** Region id from lib/topology/regions.ts. */
  readonly region: string;
  /** The unit VPC range, /16 to /19 (the tier plan needs the first 32 /24s). */
  readonly cidr: string;
  /** @default - derived from the country and region */
  readonly name?: string;
  /**
   * The legal basis for keeping the staff data of `country` in a region of another country (required exactly then).
   * @default - none: the region is in the staff's country
   */
  readonly residency?: { readonly basis: string; readonly reference: string };
}

/**
 * The IP plan every unit follows (see stacks/unit-cn and stacks/unit-sg): per zone one /24 for ingress, app
 * and data, at fixed offsets inside the VPC so a range tells its tier, and one /28 per zone for the CEN
 * attachment vSwitches (transit routers need only a few addresses).
 */
export const TIER_PLAN: Readonly<Record<TierName, { readonly prefix: number; readonly firstIndex: number }>> = {
  ingress: { prefix: 24, firstIndex: 0 },
  app: { prefix: 24, firstIndex: 10 },
  data: { prefix: 24, firstIndex: 20 },
  // x.y.30.0/28, x.y.30.16/28: the first /28s of the 31st /24.
  link: { prefix: 28, firstIndex: 30 * 16 },
};

/** Smallest VPC the tier plan fits in (x.y.0.0 .. x.y.30.31). */
export const SMALLEST_VPC_PREFIX = 19;

/** The tier CIDRs of the IP plan every unit follows, one per tier and zone (zones in order). */
export function planSubnets(vpc: Cidr, zones: readonly string[]): Record<TierName, Record<string, string>> {
  return Object.fromEntries(
    TIERS.map((tier) => [tier, Object.fromEntries(zones.map((z, i) => [z, subnet(vpc, TIER_PLAN[tier].prefix, TIER_PLAN[tier].firstIndex + i)]))]),
  ) as Record<TierName, Record<string, string>>;
}

export class ScaffoldError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`new-unit refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScaffoldError';
  }
}

/** Which command-line flag sets each declaration field, so a refusal names what to change. */
const FLAG_OF: readonly [RegExp, string][] = [
  [/^units\.[^.:]+\.network\.vpcCidr\b/, '--cidr'],
  [/^units\.[^.:]+\.network\./, '--cidr'],
  [/^units\.[^.:]+\.(region|zones)\b/, '--region'],
  [/^units\.[^.:]+\.country\b/, '--country'],
  [/^units\.[^.:]+\.residency\b/, '--residency-basis and --residency-reference'],
  [/^units\.[^.:]+\.id\b|^units\[\d+\]\.id\b/, '--id'],
];

function withFlag(problem: string, id: string): string {
  if (!problem.startsWith(`units.${id}.`) && !/^units\[\d+\]\.id/.test(problem)) return problem;
  const flag = FLAG_OF.find(([re]) => re.test(problem))?.[1];
  return flag ? `${problem} [${flag}]` : problem;
}

/** The declaration the scaffold would write, or the problems that stop it (before any validation of the topology). */
export function deriveUnit(
  req: NewUnitRequest,
  topology: Omit<TopologyDeclaration, 'units'> & { readonly units: readonly UnitDeclaration[] },
): UnitDeclaration | string[] {
  const p = new Problems();
  const at = `units.${req.id}`;
  if (!/^[a-z][a-z0-9]*$/.test(req.id)) {
    p.add('units[new].id', req.id, 'is not valid', 'use 2-6 lower-case letters or digits starting with a letter, e.g. "th" [--id]');
    return p.list;
  }
  if (topology.units.some((u) => u.id === req.id)) {
    p.add(
      `${at}.id`,
      req.id,
      `is already declared in stacks/unit-${req.id}/unit.ts`,
      `choose an id no unit uses (taken: ${topology.units.map((u) => u.id).join(', ')}) [--id]`,
    );
  }
  if (!isRegionId(req.region)) {
    p.add(
      `${at}.region`,
      req.region,
      'is not a known Alibaba Cloud region id',
      `use one of ${REGION_IDS.join(', ')} (lib/topology/regions.ts; add a region there with its zones if it is new) [--region]`,
    );
  }
  const vpc = parseCidr(req.cidr);
  if (typeof vpc === 'string') {
    p.add(`${at}.network.vpcCidr`, req.cidr, vpc, 'write the VPC range like 10.3.0.0/16 [--cidr]');
  } else if (vpc.prefix > SMALLEST_VPC_PREFIX) {
    p.add(
      `${at}.network.vpcCidr`,
      req.cidr,
      `is too small for the unit IP plan (ingress, app and data /24s and link /28s up to x.y.30.31)`,
      `use a /16 to /${SMALLEST_VPC_PREFIX}, e.g. ${vpc.text.split('.').slice(0, 2).join('.')}.0.0/16 [--cidr]`,
    );
  }
  if (p.list.length || typeof vpc === 'string') return p.list;

  const region = req.region as RegionId;
  const info = regionInfo(region);
  const zones = info.zones.slice(0, 2);
  const subnets = planSubnets(vpc, zones);
  const hub = topology.units.find((u) => u.id === topology.hub);
  return {
    id: req.id,
    name: req.name ?? `Unit ${req.id}: staff in ${req.country}, served from ${info.name}`,
    country: req.country,
    region,
    zones,
    network: { vpcCidr: vpc.text, subnets },
    sizing: {
      app: { instanceType: APP_INSTANCE_TYPES[0], minInstances: 2, maxInstances: 4 },
      database: { instanceClass: DB_INSTANCE_CLASSES[0], storageGb: 100, backupRetentionDays: 14, logBackupRetentionDays: 14 },
      cache: { instanceClass: CACHE_INSTANCE_CLASSES[0] },
    },
    mastersTables: [...topology.replication.allowlist],
    monitoring: monitoringFor(req.id, hub),
    // Off until the org schema is applied in the new unit's org database (docs/new-country.md, step 7).
    replication: { enabled: false, instanceClass: 'small', structureInitialization: true, dataInitialization: true, delayAlertSeconds: 60 },
    ...(req.residency ? { residency: { legalBasis: { basis: req.residency.basis, reference: req.residency.reference } } } : {}),
    // A default key needs nothing bought in the new region; TDE as the hub has it. Both are reviewed before the first
    // deploy (a key cannot move into a KMS instance later, TDE cannot be turned off).
    encryption: { keyStore: 'default-key', tde: hub?.encryption?.tde ?? 'unit-key' },
  };
}

/**
 * The first site of a new unit: a placeholder at the city of its region (lib/topology/locations.ts), in the region's
 * country and DNS population, with no staff count and no budget. Every unit needs a site; the architect moves it
 * to where the staff really are (docs/new-country.md, step 3).
 */
export function deriveSite(unit: Pick<UnitDeclaration, 'id' | 'region'>): SiteDeclaration {
  const info = regionInfo(unit.region);
  const at = REGION_LOCATIONS[unit.region];
  return {
    id: unit.id,
    name: `Staff of unit ${unit.id} near ${at.place}`,
    country: info.country,
    latitude: at.latitude,
    longitude: at.longitude,
    unit: unit.id,
    population: populationOfCountry(info.country),
  };
}

/**
 * The hub's alarm contacts with the hub id swapped for the new unit's in their mailboxes: same roles and channels.
 * CloudMonitor names (contacts, group) are derived per unit, so nothing is copied that two units could share.
 */
function monitoringFor(id: string, hub: UnitDeclaration | undefined): UnitDeclaration['monitoring'] {
  const swap = (s: string) => (hub ? s.replace(new RegExp(`(^|[-_.])${hub.id}(?=$|[-_.@])`, 'g'), `$1${id}`) : s);
  const contacts = hub
    ? hub.monitoring.contacts.map((c) => ({ role: c.role, ...(c.email ? { email: swap(c.email) } : {}), ...(c.dingTalk ? { dingTalk: true } : {}) }))
    : [];
  return { contacts };
}

/** One contact as the unit file writes it. */
function contactSource(c: UnitDeclaration['monitoring']['contacts'][number]): string {
  const fields = [`role: ${q(c.role)}`, ...(c.email ? [`email: ${q(c.email)}`] : []), ...(c.dingTalk ? ['dingTalk: true'] : [])];
  return `{ ${fields.join(', ')} }`;
}

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const zoneMap = (m: Readonly<Record<string, string>>) =>
  `{ ${Object.entries(m)
    .map(([z, c]) => `${q(z)}: ${q(c)}`)
    .join(', ')} }`;

const num = (n: number) => String(n);

function renderSite(site: SiteDeclaration): string[] {
  const budget =
    site.latencyBudgetMs === undefined
      ? []
      : [
          `    latencyBudgetMs: ${
            typeof site.latencyBudgetMs === 'number'
              ? num(site.latencyBudgetMs)
              : `{ ${Object.entries(site.latencyBudgetMs)
                  .map(([l, ms]) => `${l}: ${num(ms)}`)
                  .join(', ')} }`
          },`,
        ];
  return [
    '  {',
    `    id: ${q(site.id)},`,
    `    name: ${q(site.name)},`,
    `    country: ${q(site.country)},`,
    `    latitude: ${num(site.latitude)},`,
    `    longitude: ${num(site.longitude)},`,
    `    unit: ${q(site.unit)},`,
    `    population: ${q(site.population)},`,
    ...(site.staff !== undefined ? [`    staff: ${num(site.staff)},`] : []),
    ...budget,
    '  },',
  ];
}

/** The unit.ts source, in the style of the hand-written units, with the sites of the unit after it. */
export function renderUnitFile(unit: UnitDeclaration, sites: readonly SiteDeclaration[] = []): string {
  const info = regionInfo(unit.region);
  const { app, database, cache } = unit.sizing;
  const lines = [
    '/**',
    ` * Unit ${unit.id}: keeps the data of staff in ${unit.country} in ${unit.region} (${info.name}).`,
    ' * Scaffolded by `npm run new-unit`; before merging, review residency, sizing, the tables it masters and the',
    ' * link to the hub (docs/new-country.md).',
    ' */',
    "import type { UnitDeclaration } from '../../lib/topology/types';",
    ...(sites.length ? ["import type { SiteDeclaration } from '../../lib/topology/types-sites';"] : []),
    '',
    'export const unit: UnitDeclaration = {',
    `  id: ${q(unit.id)},`,
    `  name: ${q(unit.name)},`,
    `  country: ${q(unit.country)},`,
    `  region: ${q(unit.region)},`,
    `  zones: [${unit.zones.map(q).join(', ')}],`,
    '  network: {',
    `    vpcCidr: ${q(unit.network.vpcCidr)},`,
    '    subnets: {',
    ...TIERS.map((t) => `      ${t}: ${zoneMap(unit.network.subnets[t])},`),
    '    },',
    '  },',
    '  sizing: {',
    '    // The smallest sizing the platform offers: size it up for the site before go-live.',
    `    app: { instanceType: ${q(app.instanceType)}, minInstances: ${app.minInstances}, maxInstances: ${app.maxInstances} },`,
    `    database: { instanceClass: ${q(database.instanceClass)}, storageGb: ${database.storageGb}, backupRetentionDays: ${database.backupRetentionDays}, logBackupRetentionDays: ${database.logBackupRetentionDays} },`,
    `    cache: { instanceClass: ${q(cache.instanceClass)} },`,
    '  },',
    `  mastersTables: [${unit.mastersTables.map(q).join(', ')}],`,
    '  monitoring: {',
    "    // CloudMonitor names are derived (<org>_<unit>_<role>); a DingTalk robot's webhook is supplied at deploy (TF_VAR_dingtalk_webhook_<unit>_<role>).",
    `    contacts: [${unit.monitoring.contacts.map(contactSource).join(', ')}],`,
    '  },',
  ];
  const r = unit.replication;
  lines.push(
    '  replication: {',
    "    // Off until cdktf.out/sql/org-schema-<unit>.sql is applied in the unit's org database: DTS needs the tables first.",
    `    enabled: ${r.enabled},`,
    `    instanceClass: ${q(r.instanceClass ?? 'small')},`,
    `    structureInitialization: ${r.structureInitialization ?? true},`,
    `    dataInitialization: ${r.dataInitialization ?? true},`,
    `    delayAlertSeconds: ${r.delayAlertSeconds ?? 60},`,
    '  },',
  );
  if (unit.residency) {
    lines.push(`  residency: { legalBasis: { basis: ${q(unit.residency.legalBasis.basis)}, reference: ${q(unit.residency.legalBasis.reference)} } },`);
  }
  const e = unit.encryption;
  lines.push(
    '  // Decide before the first deploy: a key cannot move into a KMS instance later, and TDE cannot be turned off (docs/unit.md).',
    `  encryption: { keyStore: ${q(e.keyStore)}, ${e.kmsInstanceId ? `kmsInstanceId: ${q(e.kmsInstanceId)}, ` : ''}tde: ${q(e.tde)} },`,
  );
  lines.push('};', '');
  if (sites.length) {
    lines.push(
      '/**',
      " * Where the unit's staff work. The scaffold puts a placeholder at the region's city: set the real city, its",
      ' * coordinates, the staff count and a latency budget if the site has one (docs/new-country.md, step 3).',
      ' */',
      'export const sites: readonly SiteDeclaration[] = [',
      ...sites.flatMap(renderSite),
      '];',
      '',
    );
  }
  return lines.join('\n');
}

export interface ScaffoldResult {
  /** The written file. */
  readonly file: string;
  readonly unit: UnitDeclaration;
  /** The unit's first site, written in the same file. */
  readonly site: SiteDeclaration;
}

/**
 * Derives, validates and writes stacks/unit-<id>/unit.ts below `stacksDir`, with the unit's first site. `shared` is
 * everything of the topology but the units (its `sites` those declared now, the unit files' included); `units` the
 * units declared now (`loadUnits(stacksDir)`). Throws ScaffoldError listing every problem, having written nothing.
 */
export function scaffoldUnit(
  stacksDir: string,
  shared: Omit<TopologyDeclaration, 'units'>,
  units: readonly UnitDeclaration[],
  req: NewUnitRequest,
): ScaffoldResult {
  const derived = deriveUnit(req, { ...shared, units });
  if (Array.isArray(derived)) throw new ScaffoldError(derived);
  const site = deriveSite(derived);
  const problems = topologyProblems({ ...shared, units: [...units, derived], sites: [...shared.sites, site] }).map((pr) => withFlag(pr, req.id));
  if (problems.length) throw new ScaffoldError(problems);

  const dir = path.join(stacksDir, `unit-${req.id}`);
  const file = path.join(dir, 'unit.ts');
  if (fs.existsSync(dir))
    throw new ScaffoldError([
      `units.${req.id}.id: ${JSON.stringify(req.id)} already has a folder stacks/unit-${req.id}; choose another id or remove the folder [--id]`,
    ]);
  fs.mkdirSync(dir);
  // Written whole to a temporary name and renamed: an interrupted run leaves no half-written declaration.
  const tmp = path.join(dir, '.unit.ts.tmp');
  try {
    fs.writeFileSync(tmp, renderUnitFile(derived, [site]), { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { file, unit: derived, site };
}
