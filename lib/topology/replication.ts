/**
 * Which org-structure data flows where: the DTS jobs of the model, derived once by `resolveTopology` and read by
 * the link constructs, the diagram, the data-flow register and the tests.
 *
 * Every unit masters its own org rows in `<orgDatabase>_<unit>`. Replication is hub-and-spoke with the hub as
 * relay: for each spoke there is one job spoke → hub (the spoke's org database) and one job hub → spoke (the hub's
 * org database, plus the hub's mirrors of every other spoke's). So with N units every unit sees every other unit's
 * org structure through 2(N-1) one-way jobs, where spoke ↔ spoke jobs would need N(N-1); each spoke's data crosses to
 * the hub once and from there to each other spoke, which is where the CEN hub already sits. A destination keeps a
 * mirror under the source's database name; a job runs only when both its units have replication enabled (their org
 * schema is in place).
 */
import { dbListJson, type ReplicatedDatabase } from './db-list';
import { orgReplicationJobName } from './naming';
import type { RegionId } from './regions';
import type { DtsInstanceClass } from './types';

/** Settings a unit's replication uses when its declaration leaves them out. */
export const REPLICATION_DEFAULTS = {
  instanceClass: 'small',
  structureInitialization: true,
  dataInitialization: true,
  delayAlertSeconds: 60,
} as const satisfies ReplicationSettingsModel;

export interface ReplicationSettingsModel {
  readonly instanceClass: DtsInstanceClass;
  readonly structureInitialization: boolean;
  readonly dataInitialization: boolean;
  readonly delayAlertSeconds: number;
}

export interface ReplicationEndpointRef {
  readonly unitId: string;
  readonly region: RegionId;
}

/** A database of a job, with the unit that masters its rows (the job's source, or another spoke relayed by the hub). */
export interface JobDatabase extends ReplicatedDatabase {
  readonly masterUnitId: string;
  /** True when the source hosts it as a mirror and relays it (hub → spoke jobs). */
  readonly relayed: boolean;
}

export interface ReplicationJobModel {
  /** Stable key, `<source>-to-<destination>`: construct ids derive from it. */
  readonly key: string;
  /** DTS instance and job name. */
  readonly name: string;
  readonly source: ReplicationEndpointRef;
  readonly destination: ReplicationEndpointRef;
  /** What the job copies: the source's own org database first, then relayed mirrors. */
  readonly databases: readonly JobDatabase[];
  /** The job's `db_list`, built from `databases` only (db-list.ts). */
  readonly dbList: string;
  /** The spoke whose replication settings the job uses. */
  readonly linkUnitId: string;
  readonly instanceClass: DtsInstanceClass;
  readonly structureInitialization: boolean;
  readonly dataInitialization: boolean;
  readonly delayAlertSeconds: number;
}

/** What the jobs need to know of a unit. */
export interface ReplicatingUnit {
  readonly id: string;
  readonly region: RegionId;
  readonly orgDatabase: string;
  /** The allowlisted tables it masters, with the columns that may leave it. */
  readonly replicatedTables: ReplicatedDatabase['tables'];
  readonly replication: ReplicationSettingsModel & { readonly enabled: boolean };
}

/** Every replication job, in unit order: for each spoke, hub → spoke then spoke → hub. */
export function replicationJobs(orgPrefix: string, hub: ReplicatingUnit, units: readonly ReplicatingUnit[]): ReplicationJobModel[] {
  const jobs: ReplicationJobModel[] = [];
  if (!hub.replication.enabled) return jobs;
  const spokes = units.filter((u) => u.id !== hub.id && u.replication.enabled);
  const own = (u: ReplicatingUnit): JobDatabase => ({ database: u.orgDatabase, tables: u.replicatedTables, masterUnitId: u.id, relayed: false });
  const job = (source: ReplicatingUnit, destination: ReplicatingUnit, spoke: ReplicatingUnit, databases: JobDatabase[]): ReplicationJobModel => ({
    key: `${source.id}-to-${destination.id}`,
    name: orgReplicationJobName(orgPrefix, source.id, destination.id),
    source: { unitId: source.id, region: source.region },
    destination: { unitId: destination.id, region: destination.region },
    databases,
    dbList: dbListJson(databases),
    linkUnitId: spoke.id,
    instanceClass: spoke.replication.instanceClass,
    structureInitialization: spoke.replication.structureInitialization,
    dataInitialization: spoke.replication.dataInitialization,
    delayAlertSeconds: spoke.replication.delayAlertSeconds,
  });
  for (const spoke of spokes) {
    const relayed = spokes.filter((x) => x.id !== spoke.id && x.replicatedTables.length > 0).map((x) => ({ ...own(x), relayed: true }));
    const databases = [...(hub.replicatedTables.length > 0 ? [own(hub)] : []), ...relayed];
    if (databases.length > 0) jobs.push(job(hub, spoke, spoke, databases));
    // A spoke that masters nothing allowlisted has nothing to send (validation refuses it; resolving stays safe).
    if (spoke.replicatedTables.length > 0) jobs.push(job(spoke, hub, spoke, [own(spoke)]));
  }
  return jobs;
}
