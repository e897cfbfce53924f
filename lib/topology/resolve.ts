/**
 * The one step from a declaration to the model everything reads (model.ts): defaults applied, derived names,
 * certificates, peer ranges, replication jobs, access routes and state locations computed here and nowhere else.
 *
 * `resolveTopology` expects a declaration that `validateTopology` accepted: it does not repeat the checks, and
 * throws a plain Error (a bug, not a user mistake) when a fact it needs is missing.
 */
import { resolveAccess } from './access';
import { unitCertificateId } from './certificates';
import { replicatedColumns, replicatedTables } from './db-list';
import { flowAdmissions, resolveFlows, resolveInterconnect } from './flows';
import type { CatalogModel, TopologyModel, UnitModel, UnitNamesModel } from './model';
import { orgDatabaseName, unitNames } from './naming';
import { sharedAlarms, unitOperations } from './operations';
import { REGIONS, isRegionId } from './regions';
import { REPLICATION_DEFAULTS, replicationJobs } from './replication';
import { resolveRouting } from './sites';
import { effectiveStateBackend, stateLocation, stateStore } from './state';
import { TIERS, type StateBackendKind, type TierName, type TopologyDeclaration, type UnitDeclaration } from './types';

/** Defaults of the declaration's optional sizing fields (the declaration types document the same values). */
export const APP_DISK_DEFAULTS = { systemDiskGb: 40, dataDiskGb: 100 } as const;
export const DATABASE_DEFAULTS = { backupRetentionDays: 7, logBackupRetentionDays: 7, auditRetentionDays: 180 } as const;
/** Storage auto-scaling ceiling: four times the declared size, so growth never stops writes before someone looks. */
export const STORAGE_UPPER_BOUND_FACTOR = 4;

export const LINK_STACK_NAME = 'link';
export const ACCEL_STACK_NAME = 'accel';

export function unitStackName(unitId: string): string {
  return `unit-${unitId}`;
}

export interface ResolveOptions {
  /**
   * Backend kind for this run, whatever `stateBackend` declares (the entry point takes it from `STATE_BACKEND`).
   * @default - the declared `stateBackend`
   */
  readonly stateBackend?: StateBackendKind;
}

function namesOf(orgPrefix: string, unitId: string): UnitNamesModel {
  return Object.fromEntries(Object.entries(unitNames(orgPrefix, unitId)).map(([role, n]) => [role, n.name])) as UnitNamesModel;
}

/**
 * Where a unit publishes what other stacks read from it: OOS parameters in its own region, `<org>/<unit>/<value>`
 * (docs/operations.md, "Cross-stack values"). The DTS password is a KMS-encrypted secret parameter.
 */
export function unitParameterNames(orgPrefix: string, unitId: string, zones: readonly string[]) {
  const n = (value: string) => `${orgPrefix}/${unitId}/${value}`;
  return {
    exports: {
      vpcId: n('vpc-id'),
      routeTableId: n('route-table-id'),
      linkVswitchIds: Object.fromEntries(zones.map((z) => [z, n(`link-vswitch-${z}`)])),
      albId: n('alb-id'),
      albDnsName: n('alb-dns-name'),
      rdsInstanceId: n('rds-instance-id'),
    },
    dtsPassword: n('dts-password'),
    appDatabasePassword: n('app-db-password'),
    redisPassword: n('redis-password'),
  };
}

function resolveUnit(t: TopologyDeclaration, u: UnitDeclaration, stateOf: (stack: string, region: string) => UnitModel['state']): UnitModel {
  if (!isRegionId(u.region)) throw new Error(`resolveTopology: unit ${u.id} has region ${u.region}, which lib/topology/regions.ts does not know`);
  const certificateId = unitCertificateId(t, u);
  if (!certificateId) throw new Error(`resolveTopology: unit ${u.id} has no certificate; validateTopology reports this first`);
  const [primaryZone, secondaryZone] = u.zones;
  const tierCidrs = Object.fromEntries(TIERS.map((tier) => [tier, u.zones.map((z) => u.network.subnets[tier][z])])) as Record<TierName, string[]>;
  const database = { ...DATABASE_DEFAULTS, ...u.sizing.database };
  const stackName = unitStackName(u.id);
  const names = namesOf(t.org.prefix, u.id);
  const operations = unitOperations(t, u, names.alarmPrefix, REGIONS[u.region].mainland);
  return {
    id: u.id,
    name: u.name,
    country: u.country,
    region: u.region,
    regionInfo: REGIONS[u.region],
    zones: u.zones,
    primaryZone,
    secondaryZone,
    isHub: u.id === t.hub,
    stackName,
    network: { vpcCidr: u.network.vpcCidr, subnets: u.network.subnets, tierCidrs },
    sizing: {
      app: { ...APP_DISK_DEFAULTS, ...u.sizing.app },
      database: {
        instanceClass: database.instanceClass,
        storageGb: database.storageGb,
        storageUpperBoundGb: database.storageGb * STORAGE_UPPER_BOUND_FACTOR,
        backupRetentionDays: database.backupRetentionDays,
        logBackupRetentionDays: database.logBackupRetentionDays,
        auditRetentionDays: database.auditRetentionDays,
      },
      cache: { instanceClass: u.sizing.cache.instanceClass },
    },
    certificateId,
    names,
    orgDatabase: orgDatabaseName(t.catalog.orgDatabase, u.id),
    appDatabase: t.catalog.appDatabase,
    mastersTables: u.mastersTables,
    replicatedTables: replicatedTables(t.replication.allowlist, u.mastersTables).map((table) => ({
      name: table,
      columns: replicatedColumns(table, t.catalog.tables[table]?.columns),
    })),
    monitoring: operations.monitoring,
    replication: { ...REPLICATION_DEFAULTS, ...u.replication },
    dts: {
      accountName: unitNames(t.org.prefix, u.id).dtsAccount.name,
      passwordParameter: unitParameterNames(t.org.prefix, u.id, u.zones).dtsPassword,
      // Every unit hosts every other unit's org database: the hub receives each spoke's, and relays them with its own.
      mirrors: t.units.filter((o) => o.id !== u.id).map((o) => ({ masterUnitId: o.id, database: orgDatabaseName(t.catalog.orgDatabase, o.id) })),
    },
    exports: unitParameterNames(t.org.prefix, u.id, u.zones).exports,
    appSecrets: {
      databasePassword: unitParameterNames(t.org.prefix, u.id, u.zones).appDatabasePassword,
      redisPassword: unitParameterNames(t.org.prefix, u.id, u.zones).redisPassword,
    },
    inboundFlows: [],
    ...(u.residency ? { residency: u.residency.legalBasis } : {}),
    encryption: operations.encryption,
    fields: operations.fields,
    state: stateOf(stackName, u.region),
  };
}

/** The model of a validated declaration. */
export function resolveTopology(declared: TopologyDeclaration, options: ResolveOptions = {}): TopologyModel {
  const backend = effectiveStateBackend(declared.stateBackend, options.stateBackend);
  const t: TopologyDeclaration = backend === declared.stateBackend ? declared : { ...declared, stateBackend: backend };
  const stateOf = (stack: string, region: string) => stateLocation(t, stack, region);

  const resolved = t.units.map((u) => resolveUnit(t, u, stateOf));
  const hubUnit = resolved.find((u) => u.isHub);
  if (!hubUnit) throw new Error(`resolveTopology: hub ${t.hub} is not a declared unit; validateTopology reports this first`);
  const jobs = replicationJobs(t.org.prefix, hubUnit, resolved);

  const flowUnits = Object.fromEntries(
    resolved.map((u) => [u.id, { id: u.id, region: u.region, regionInfo: u.regionInfo, zones: u.zones, appCidrs: u.network.subnets.app }]),
  );
  const flows = resolveFlows(t.flows, flowUnits);
  const admissions = flowAdmissions(flows);
  const units: UnitModel[] = resolved.map((u) => ({ ...u, inboundFlows: admissions[u.id] ?? [] }));
  const unitsById = Object.fromEntries(units.map((u) => [u.id, u]));
  const hub = unitsById[t.hub];
  const spokes = units.filter((u) => !u.isHub);

  const catalog: CatalogModel = {
    orgDatabase: t.catalog.orgDatabase,
    appDatabase: t.catalog.appDatabase,
    tables: Object.fromEntries(
      Object.entries(t.catalog.tables).map(([name, table]) => [
        name,
        { class: table.class, columns: table.columns ?? {}, ...(table.comment ? { comment: table.comment } : {}) },
      ]),
    ),
    allowlist: t.replication.allowlist,
  };
  const interconnect = resolveInterconnect(
    t.org.prefix,
    hub.id,
    units.map((u) => flowUnits[u.id]),
    flows,
    t.interconnect,
  );

  const locations: Record<string, UnitModel['state']> = Object.fromEntries(units.map((u) => [u.stackName, u.state]));
  // The link and accel stacks keep their state in the hub's region.
  locations[LINK_STACK_NAME] = stateOf(LINK_STACK_NAME, hub.region);
  locations[ACCEL_STACK_NAME] = stateOf(ACCEL_STACK_NAME, hub.region);
  const stores = Object.fromEntries([...new Set(units.map((u) => u.region))].sort().map((r) => [r, stateStore(t, r)]));
  const routing = resolveRouting(t);
  const access = resolveAccess(t, routing);
  const alarms = sharedAlarms({
    orgPrefix: t.org.prefix,
    units: units.map((u) => ({ id: u.id, region: u.region, cenGeographicRegion: u.regionInfo.cenGeographicRegion, contactGroup: u.monitoring.contactGroup })),
    jobs: jobs.map((j) => ({ key: j.key, destinationUnitId: j.destination.unitId, delayAlertSeconds: j.delayAlertSeconds })),
    peers: interconnect.peers.map((p) => ({ key: p.key, nearUnitId: p.near.unitId, farUnitId: p.far.unitId })),
    accessPoints: access.accessPoints.map((ap) => ({ name: ap.name, region: ap.region })),
  });

  return {
    org: { prefix: t.org.prefix, name: t.org.name },
    platform: { appImageName: t.platform.appImageName },
    tags: t.tags ?? {},
    units,
    unitsById,
    hub,
    spokes,
    catalog,
    replication: { jobs },
    flows,
    interconnect,
    access,
    sites: routing.sites,
    state: { backend, locations, stores },
    stackNames: { link: LINK_STACK_NAME, accel: ACCEL_STACK_NAME },
    alarms,
  };
}
