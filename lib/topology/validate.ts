/**
 * Validation of a topology declaration, before any construct is built. Pure functions: they read the
 * declaration and return problems; `validateTopology` throws one TopologyError listing all of them.
 *
 * Every problem names the field path, the value received and the fix, in one shape:
 *   units.sg.network.vpcCidr: "10.0.0.0/12" overlaps units.cn.network.vpcCidr "10.1.0.0/16"; give each unit its own range (for example 10.2.0.0/16)
 */
import { type Cidr, contains, isPrivate, overlaps, parseCidr } from './cidr';
import { checkName, type NameKind, orgDatabaseName, unitNames } from './naming';
import { isRegionId, REGION_IDS, REGIONS } from './regions';
import { validateAccess } from './validate-access';
import { validateStateBackend } from './validate-backend';
import { validateLink } from './validate-link';
import { validateUnitSettings } from './validate-unit';
import {
  APP_INSTANCE_TYPES,
  AUDIT_RETENTION_DAYS,
  CACHE_INSTANCE_CLASSES,
  DATA_CLASSES,
  DB_INSTANCE_CLASSES,
  DTS_INSTANCE_CLASSES,
  TIERS,
  type TopologyDeclaration,
  type UnitDeclaration,
} from './types';

export class TopologyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the topology declaration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TopologyError';
  }
}

/** Collects problems; `at(path)` scopes the helpers to a field. */
export class Problems {
  readonly list: string[] = [];
  add(path: string, value: unknown, problem: string, fix?: string): void {
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    this.list.push(`${path}: ${shown} ${problem}${fix ? `; ${fix}` : ''}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (xs: readonly unknown[]) => xs.map((x) => String(x)).join(', ');

/** Reports keys of `value` not in `allowed` (typos would otherwise be silently ignored). */
export function checkKeys(p: Problems, path: string, value: unknown, allowed: readonly string[]): value is Obj {
  if (!isObj(value)) {
    p.add(path, value, 'is not an object', 'declare it as an object literal');
    return false;
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) p.add(`${path}.${k}`, value[k], 'is not a known field', `use one of ${show(allowed)} (check the spelling)`);
  }
  return true;
}

export function checkString(p: Problems, path: string, v: unknown, pattern: RegExp, fix: string): v is string {
  if (typeof v !== 'string' || !pattern.test(v)) {
    p.add(path, v, typeof v === 'string' ? 'is not valid' : 'is not a string', fix);
    return false;
  }
  return true;
}

export function checkInt(p: Problems, path: string, v: unknown, min: number, max: number, fix?: string): v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    p.add(path, v, `is not a whole number from ${min} to ${max}`, fix);
    return false;
  }
  return true;
}

export function checkOneOf<T extends string>(p: Problems, path: string, v: unknown, allowed: readonly T[]): v is T {
  if (!allowed.includes(v as T)) {
    p.add(path, v, 'is not allowed', `use one of ${show(allowed)}`);
    return false;
  }
  return true;
}

function checkBool(p: Problems, path: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') p.add(path, v, 'is not a boolean', 'use true or false');
}

function checkDerivedName(p: Problems, path: string, kind: NameKind, name: string, fix: string): void {
  const problem = checkName(kind, name);
  if (problem) p.add(path, name, problem, fix);
}

const CERTIFICATE_ID = /^[0-9]+-[a-z0-9-]+$/;

/** The certificate a unit's HTTPS listener uses: its own, else the platform's for its site. */
export function unitCertificateId(t: TopologyDeclaration, unit: UnitDeclaration): string | undefined {
  const own = unit.ingress?.certificateId;
  if (own) return own;
  if (!isRegionId(unit.region) || !isObj(t.platform) || !isObj(t.platform.certificates)) return undefined;
  const site = REGIONS[unit.region].mainland ? t.platform.certificates.mainland : t.platform.certificates.international;
  return typeof site === 'string' && site.length > 0 ? site : undefined;
}

const UNIT_KEYS = ['id', 'name', 'country', 'region', 'zones', 'network', 'sizing', 'ingress', 'mastersTables', 'monitoring', 'link', 'encryption'] as const;

/** Path of a unit in messages: by id when it has a usable one, else by position. */
function unitPath(u: unknown, i: number): string {
  return isObj(u) && typeof u.id === 'string' && /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
}

interface UnitCidrs {
  readonly path: string;
  readonly vpc?: Cidr;
  readonly subnets: { path: string; cidr: Cidr }[];
}

/** Checks one unit on its own; returns its parsed CIDRs for the cross-unit checks. */
function validateUnit(p: Problems, t: TopologyDeclaration, u: unknown, path: string, isHub: boolean): UnitCidrs {
  const cidrs: UnitCidrs = { path, subnets: [] };
  if (!checkKeys(p, path, u, UNIT_KEYS)) return cidrs;
  const unit = u as Partial<UnitDeclaration> & Obj;

  checkString(p, `${path}.id`, unit.id, /^[a-z][a-z0-9]{1,5}$/, 'use 2-6 lower-case letters or digits starting with a letter, e.g. "th"');
  checkString(p, `${path}.name`, unit.name, /\S/, 'give the unit a human-readable name');
  checkString(p, `${path}.country`, unit.country, /^[A-Z]{2}$/, 'use the ISO 3166-1 alpha-2 code of the country whose staff data the unit keeps, e.g. "VN"');

  const regionOk = isRegionId(unit.region);
  if (!regionOk) {
    p.add(
      `${path}.region`,
      unit.region,
      'is not a known Alibaba Cloud region id',
      `use one of ${show(REGION_IDS)} (lib/topology/regions.ts; add a region there with its zones if it is new)`,
    );
  }

  // zones
  const zones = Array.isArray(unit.zones) ? (unit.zones as unknown[]) : [];
  if (!Array.isArray(unit.zones) || zones.length < 2) {
    const known = regionOk ? REGIONS[unit.region as keyof typeof REGIONS].zones : [];
    p.add(
      `${path}.zones`,
      unit.zones,
      'has fewer than two zones',
      `declare at least two zones so RDS, Redis and the ALB survive a zone outage${known.length ? ` (${unit.region} has ${show(known)})` : ''}`,
    );
  }
  const seenZones = new Set<unknown>();
  zones.forEach((z, i) => {
    if (seenZones.has(z)) p.add(`${path}.zones[${i}]`, z, 'is listed twice', 'list each zone once');
    seenZones.add(z);
    if (regionOk) {
      const known: readonly string[] = REGIONS[unit.region as keyof typeof REGIONS].zones;
      if (!known.includes(z as string)) p.add(`${path}.zones[${i}]`, z, `is not a zone of ${unit.region}`, `use zones of ${unit.region}: ${show(known)}`);
    }
  });

  // network
  if (checkKeys(p, `${path}.network`, unit.network, ['vpcCidr', 'subnets'])) {
    const net = unit.network as Obj;
    const vpc = parseCidr(net.vpcCidr);
    if (typeof vpc === 'string') {
      p.add(`${path}.network.vpcCidr`, net.vpcCidr, vpc, 'write the VPC range like 10.1.0.0/16');
    } else if (!isPrivate(vpc) || vpc.prefix < 8 || vpc.prefix > 24) {
      p.add(
        `${path}.network.vpcCidr`,
        net.vpcCidr,
        'is not a private /8../24 range',
        'use a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.2.0.0/16',
      );
    } else {
      (cidrs as { vpc?: Cidr }).vpc = vpc;
    }
    if (checkKeys(p, `${path}.network.subnets`, net.subnets, TIERS)) {
      const subnets = net.subnets as Obj;
      for (const tier of TIERS) {
        const tierPath = `${path}.network.subnets.${tier}`;
        if (!isObj(subnets[tier])) {
          p.add(tierPath, subnets[tier], 'is missing', `declare one ${tier} CIDR per zone, keyed by zone id`);
          continue;
        }
        const byZone = subnets[tier] as Obj;
        for (const z of zones) {
          if (typeof z === 'string' && !(z in byZone))
            p.add(`${tierPath}["${z}"]`, undefined, `has no ${tier} CIDR for zone ${z}`, 'declare one CIDR for every zone of the unit');
        }
        for (const [z, c] of Object.entries(byZone)) {
          const cpath = `${tierPath}["${z}"]`;
          if (!zones.includes(z)) p.add(cpath, c, `is for zone ${z}, which is not in ${path}.zones`, `remove it or add ${z} to the unit's zones`);
          const parsed = parseCidr(c);
          if (typeof parsed === 'string') {
            p.add(cpath, c, parsed, 'write the vSwitch range like 10.1.0.0/24');
            continue;
          }
          if (parsed.prefix < 16 || parsed.prefix > 29) {
            p.add(cpath, c, 'is not a /16../29 range', 'vSwitches take /16 to /29; use e.g. a /24');
            continue;
          }
          if (cidrs.vpc && !contains(cidrs.vpc, parsed)) {
            p.add(cpath, c, `is outside ${path}.network.vpcCidr ${cidrs.vpc.text}`, `choose a range inside ${cidrs.vpc.text}`);
          }
          cidrs.subnets.push({ path: cpath, cidr: parsed });
        }
      }
      for (let i = 0; i < cidrs.subnets.length; i++) {
        for (let j = i + 1; j < cidrs.subnets.length; j++) {
          const a = cidrs.subnets[i],
            b = cidrs.subnets[j];
          if (overlaps(a.cidr, b.cidr)) p.add(b.path, b.cidr.text, `overlaps ${a.path} ${a.cidr.text}`, 'give every vSwitch its own range');
        }
      }
    }
  }

  // sizing
  if (checkKeys(p, `${path}.sizing`, unit.sizing, ['app', 'database', 'cache'])) {
    const s = unit.sizing as Obj;
    const sp = `${path}.sizing`;
    if (checkKeys(p, `${sp}.app`, s.app, ['imageId', 'instanceType', 'minInstances', 'maxInstances', 'systemDiskGb', 'dataDiskGb'])) {
      const a = s.app as Obj;
      if (a.imageId !== undefined)
        checkString(
          p,
          `${sp}.app.imageId`,
          a.imageId,
          /^m-[a-z0-9]+$/,
          'use the ECS image id of the app image in this region (m-...), or leave it out to use platform.appImageName',
        );
      checkOneOf(p, `${sp}.app.instanceType`, a.instanceType, APP_INSTANCE_TYPES);
      const minOk = checkInt(p, `${sp}.app.minInstances`, a.minInstances, 2, 100, 'keep at least 2 so both zones serve');
      if (checkInt(p, `${sp}.app.maxInstances`, a.maxInstances, 2, 100) && minOk && (a.maxInstances as number) < (a.minInstances as number)) {
        p.add(`${sp}.app.maxInstances`, a.maxInstances, `is below minInstances ${a.minInstances}`, 'raise maxInstances or lower minInstances');
      }
      if (a.systemDiskGb !== undefined) checkInt(p, `${sp}.app.systemDiskGb`, a.systemDiskGb, 20, 2048);
      if (a.dataDiskGb !== undefined) checkInt(p, `${sp}.app.dataDiskGb`, a.dataDiskGb, 20, 32768);
    }
    if (checkKeys(p, `${sp}.database`, s.database, ['instanceClass', 'storageGb', 'backupRetentionDays', 'logBackupRetentionDays', 'auditRetentionDays'])) {
      const d = s.database as Obj;
      checkOneOf(p, `${sp}.database.instanceClass`, d.instanceClass, DB_INSTANCE_CLASSES);
      checkInt(p, `${sp}.database.storageGb`, d.storageGb, 20, 64000);
      const data = d.backupRetentionDays ?? 7;
      const dataOk = checkInt(p, `${sp}.database.backupRetentionDays`, data, 7, 730, 'RDS keeps backups 7 to 730 days; keep at least 7');
      const log = d.logBackupRetentionDays ?? 7;
      if (
        checkInt(p, `${sp}.database.logBackupRetentionDays`, log, 7, 730, 'keep log backups at least 7 days') &&
        dataOk &&
        (log as number) > (data as number)
      ) {
        p.add(
          `${sp}.database.logBackupRetentionDays`,
          log,
          `is longer than backupRetentionDays ${data}`,
          'RDS keeps log backups at most as long as data backups',
        );
      }
      // RDS offers fixed SQL-audit retention periods; the ones of at least 180 days (CKV_ALI_25) are allowed.
      const audit = d.auditRetentionDays ?? 180;
      if (!AUDIT_RETENTION_DAYS.includes(audit as never)) {
        p.add(
          `${sp}.database.auditRetentionDays`,
          audit,
          'is not an RDS SQL-audit retention period of at least 180 days',
          `use one of ${show(AUDIT_RETENTION_DAYS)}`,
        );
      }
    }
    if (checkKeys(p, `${sp}.cache`, s.cache, ['instanceClass'])) {
      checkOneOf(p, `${sp}.cache.instanceClass`, (s.cache as Obj).instanceClass, CACHE_INSTANCE_CLASSES);
    }
  }

  if (unit.ingress !== undefined && checkKeys(p, `${path}.ingress`, unit.ingress, ['certificateId'])) {
    const cert = (unit.ingress as Obj).certificateId;
    if (cert !== undefined)
      checkString(
        p,
        `${path}.ingress.certificateId`,
        cert,
        CERTIFICATE_ID,
        'give the Certificate Management Service id (<number>-<region>), or leave it out to use the platform certificate',
      );
  }
  if (regionOk && unitCertificateId(t, unit as UnitDeclaration) === undefined) {
    const site = REGIONS[unit.region as keyof typeof REGIONS].mainland ? 'mainland' : 'international';
    p.add(
      `${path}.ingress.certificateId`,
      undefined,
      `is missing and platform.certificates.${site} is not set`,
      `upload the HTTPS certificate to Certificate Management Service and give its id (<number>-<region>) in platform.certificates.${site} or in this unit's ingress.certificateId`,
    );
  }

  // tables this unit masters
  const allowlist: readonly unknown[] = Array.isArray(t.replication?.allowlist) ? t.replication.allowlist : [];
  if (!Array.isArray(unit.mastersTables)) {
    p.add(`${path}.mastersTables`, unit.mastersTables, 'is not a list', 'list the org-structure tables whose rows this unit masters');
  } else {
    unit.mastersTables.forEach((tbl, i) => {
      if (!allowlist.includes(tbl)) {
        p.add(
          `${path}.mastersTables[${i}]`,
          tbl,
          'is not in replication.allowlist',
          `only allowlisted org-structure tables cross units (${show(allowlist)}); keep other tables out of mastersTables`,
        );
      }
    });
  }

  if (checkKeys(p, `${path}.monitoring`, unit.monitoring, ['contactGroup', 'contacts'])) {
    const m = unit.monitoring as Obj;
    checkString(
      p,
      `${path}.monitoring.contactGroup`,
      m.contactGroup,
      /^[A-Za-z0-9_-]{2,40}$/,
      'name the CloudMonitor contact group (letters, digits, _ and -)',
    );
    if (!Array.isArray(m.contacts) || m.contacts.length === 0) {
      p.add(`${path}.monitoring.contacts`, m.contacts, 'has no contacts', 'list at least one team mailbox to receive alarms');
    } else {
      m.contacts.forEach((c, i) => {
        const cp = `${path}.monitoring.contacts[${i}]`;
        if (checkKeys(p, cp, c, ['name', 'email'])) {
          checkString(p, `${cp}.name`, (c as Obj).name, /^[A-Za-z0-9_-]{2,40}$/, 'use a role name such as platform-oncall');
          checkString(p, `${cp}.email`, (c as Obj).email, /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, 'use a team mailbox such as oncall@example.com');
        }
      });
    }
  }

  // link to the hub
  if (isHub && unit.link !== undefined) {
    p.add(
      `${path}.link`,
      unit.link,
      'is declared on the hub unit, which would link the hub to itself',
      'remove link from the hub; declare it on each unit that connects to the hub',
    );
  } else if (!isHub) {
    if (unit.link === undefined) {
      p.add(`${path}.link`, undefined, 'is missing', `declare how this unit connects to hub "${t.hub}" (bandwidthMbps and billing)`);
    } else if (checkKeys(p, `${path}.link`, unit.link, ['bandwidthMbps', 'billing', 'replication'])) {
      const l = unit.link as Obj;
      checkInt(
        p,
        `${path}.link.bandwidthMbps`,
        l.bandwidthMbps,
        2,
        10000,
        'give the CEN connection real bandwidth (without it CEN allows only 1 Kbit/s test traffic)',
      );
      checkOneOf(p, `${path}.link.billing`, l.billing, ['bandwidth-package', 'data-transfer'] as const);
      if (
        l.replication !== undefined &&
        checkKeys(p, `${path}.link.replication`, l.replication, ['instanceClass', 'structureInitialization', 'dataInitialization', 'delayAlertSeconds'])
      ) {
        const r = l.replication as Obj;
        if (r.instanceClass !== undefined) checkOneOf(p, `${path}.link.replication.instanceClass`, r.instanceClass, DTS_INSTANCE_CLASSES);
        checkBool(p, `${path}.link.replication.structureInitialization`, r.structureInitialization);
        checkBool(p, `${path}.link.replication.dataInitialization`, r.dataInitialization);
        if (r.delayAlertSeconds !== undefined) checkInt(p, `${path}.link.replication.delayAlertSeconds`, r.delayAlertSeconds, 1, 86400);
      }
    }
  }

  // derived names must fit the provider's limits
  if (typeof t.org?.prefix === 'string' && typeof unit.id === 'string') {
    for (const [role, { kind, name }] of Object.entries(unitNames(t.org.prefix, unit.id))) {
      checkDerivedName(p, `${path}.id`, kind, name, `the derived ${role} name is too long or malformed; shorten org.prefix or the unit id`);
    }
    if (typeof t.catalog?.orgDatabase === 'string') {
      checkDerivedName(
        p,
        `${path}.id`,
        'dbName',
        orgDatabaseName(t.catalog.orgDatabase, unit.id),
        'the derived org database name is malformed; shorten catalog.orgDatabase or the unit id',
      );
    }
  }
  return cidrs;
}

function validateCatalogAndReplication(p: Problems, t: TopologyDeclaration): void {
  if (checkKeys(p, 'catalog', t.catalog, ['orgDatabase', 'appDatabase', 'tables'])) {
    checkString(p, 'catalog.orgDatabase', t.catalog.orgDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "org"');
    checkString(p, 'catalog.appDatabase', t.catalog.appDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "collab"');
    if (checkKeys(p, 'catalog.tables', t.catalog.tables, Object.keys(isObj(t.catalog.tables) ? t.catalog.tables : {}))) {
      for (const [name, cls] of Object.entries(t.catalog.tables)) {
        checkString(p, `catalog.tables.${name}`, name, /^[a-z][a-z0-9_]{0,63}$/, 'table names are lower-case letters, digits and underscores');
        checkOneOf(p, `catalog.tables.${name}`, cls, DATA_CLASSES);
      }
    }
  }
  if (!checkKeys(p, 'replication', t.replication, ['allowlist'])) return;
  if (!Array.isArray(t.replication.allowlist)) {
    p.add('replication.allowlist', t.replication.allowlist, 'is not a list', 'list the org-structure tables that may be replicated between units');
    return;
  }
  const tables: Obj = isObj(t.catalog?.tables) ? t.catalog.tables : {};
  const seen = new Set<unknown>();
  t.replication.allowlist.forEach((tbl, i) => {
    const path = `replication.allowlist[${i}]`;
    if (seen.has(tbl)) p.add(path, tbl, 'is listed twice', 'list each table once');
    seen.add(tbl);
    if (typeof tbl !== 'string' || !(tbl in tables)) {
      p.add(path, tbl, 'is not in catalog.tables', 'classify the table in catalog.tables first; only org-structure tables may be replicated');
    } else if (tables[tbl] === 'personal') {
      p.add(
        path,
        tbl,
        'is classed as personal data in catalog.tables',
        'personal data stays in its unit: remove it from the allowlist (only org-structure tables may be replicated)',
      );
    }
  });
}

/** All problems of a declaration, in a stable order. Empty when it is valid. */
export function topologyProblems(t: TopologyDeclaration): string[] {
  const p = new Problems();
  if (!checkKeys(p, 'topology', t, ['org', 'platform', 'hub', 'units', 'catalog', 'replication', 'access', 'stateBackend', 'tags'])) return p.list;
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
    all.push(validateUnit(p, t, u, path, id === t.hub));
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
  validateAccess(p, t);
  validateStateBackend(p, t);
  validateUnitSettings(p, t);
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
