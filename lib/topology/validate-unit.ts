/**
 * Validation of each unit on its own: identity, region and zones, the IP plan, sizing, ingress certificate,
 * mastered tables, monitoring, replication, residency, encryption, and the names derived from the unit id. Returns the
 * parsed CIDRs for the cross-unit checks in validate.ts.
 */
import { type Cidr, contains, isPrivate, overlaps, parseCidr } from './cidr';
import { unitCertificateId, CERTIFICATE_ID } from './certificates';
import { checkBool, checkInt, checkKeys, checkLegalBasis, checkOneOf, checkString, isObj, type Obj, type Problems, show } from './checks';
import { checkName, type NameKind, orgDatabaseName, unitNames } from './naming';
import { isRegionId, REGION_IDS, REGIONS } from './regions';
import { validateAccountWideNames, validateUnitEncryption, validateUnitMonitoring } from './validate-ops';
import {
  APP_INSTANCE_TYPES,
  AUDIT_RETENTION_DAYS,
  CACHE_INSTANCE_CLASSES,
  DB_INSTANCE_CLASSES,
  DTS_INSTANCE_CLASSES,
  TIERS,
  type TopologyDeclaration,
  type UnitDeclaration,
} from './types';

function checkDerivedName(p: Problems, path: string, kind: NameKind, name: string, fix: string): void {
  const problem = checkName(kind, name);
  if (problem) p.add(path, name, problem, fix);
}

const UNIT_KEYS = [
  'id',
  'name',
  'country',
  'region',
  'zones',
  'network',
  'sizing',
  'ingress',
  'mastersTables',
  'monitoring',
  'replication',
  'residency',
  'encryption',
  'placeholders',
] as const;

/** Path of a unit in messages: by id when it has a usable one, else by position. */
export function unitPath(u: unknown, i: number): string {
  return isObj(u) && typeof u.id === 'string' && /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
}

export interface UnitCidrs {
  readonly path: string;
  readonly vpc?: Cidr;
  readonly subnets: { path: string; cidr: Cidr }[];
}

/** Checks one unit on its own; returns its parsed CIDRs for the cross-unit checks. */
export function validateUnit(p: Problems, t: TopologyDeclaration, u: unknown, path: string): UnitCidrs {
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

  validateUnitMonitoring(p, t, unit, path);
  validateUnitEncryption(p, unit, path);

  // org-structure replication
  if (unit.replication === undefined) {
    p.add(
      `${path}.replication`,
      undefined,
      'is missing',
      "declare { enabled: false } until the unit's org schema (cdktf.out/sql/org-schema-<unit>.sql) is applied, then { enabled: true } (docs/link.md)",
    );
  } else if (
    checkKeys(p, `${path}.replication`, unit.replication, ['enabled', 'instanceClass', 'structureInitialization', 'dataInitialization', 'delayAlertSeconds'])
  ) {
    const r = unit.replication as unknown as Obj;
    if (typeof r.enabled !== 'boolean') {
      p.add(
        `${path}.replication.enabled`,
        r.enabled,
        r.enabled === undefined ? 'is missing' : 'is not a boolean',
        "set false until the org schema is applied in the unit's org database, then true (DTS needs the tables, with primary keys, before its jobs start)",
      );
    }
    if (r.instanceClass !== undefined) checkOneOf(p, `${path}.replication.instanceClass`, r.instanceClass, DTS_INSTANCE_CLASSES);
    checkBool(p, `${path}.replication.structureInitialization`, r.structureInitialization);
    checkBool(p, `${path}.replication.dataInitialization`, r.dataInitialization);
    if (r.delayAlertSeconds !== undefined)
      checkInt(p, `${path}.replication.delayAlertSeconds`, r.delayAlertSeconds, 10, 86400, 'DTS alerts on delays of 10 seconds or more');
  }

  // residency: staff data kept outside its country needs a declared basis
  if (regionOk && typeof unit.country === 'string') {
    const regionCountry = REGIONS[unit.region as keyof typeof REGIONS].country;
    if (regionCountry !== unit.country && unit.residency === undefined) {
      p.add(
        `${path}.residency`,
        undefined,
        `is missing: the unit keeps staff data of ${unit.country} in ${unit.region}, which is in ${regionCountry}`,
        'declare residency: { legalBasis: { basis, reference } } naming the transfer instrument (e.g. a transfer impact assessment) and where its record is kept',
      );
    }
    if (unit.residency !== undefined && checkKeys(p, `${path}.residency`, unit.residency, ['legalBasis'])) {
      checkLegalBasis(p, `${path}.residency.legalBasis`, (unit.residency as unknown as Obj).legalBasis);
      if (regionCountry === unit.country) {
        p.add(
          `${path}.residency`,
          unit.residency,
          `is declared, but ${unit.region} is in ${unit.country}: the data does not leave its country`,
          'remove residency',
        );
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

/** Cross-unit checks of the unit settings: the account-wide CloudMonitor names (validate-ops.ts). */
export function validateUnitSettings(p: Problems, t: TopologyDeclaration): void {
  validateAccountWideNames(p, t);
}
