/**
 * Which org-structure data flows where: the DTS jobs of the model, derived once by `resolveTopology` and read by
 * the link constructs, the diagram, the docs and the tests.
 *
 * Every unit masters its own org rows in `<orgDatabase>_<unit>`. For each unit other than the hub there are two
 * one-way jobs: hub → unit (the hub's mastered tables) and unit → hub (the unit's). The destination keeps a
 * mirror under the source's database name.
 */
import { dbListJson } from './db-list';
import { linkNames } from './naming';
import type { RegionId } from './regions';
import type { DtsInstanceClass, ReplicationSettings } from './types';

/** Settings a link's replication uses when its declaration leaves them out. */
export const REPLICATION_DEFAULTS: Required<ReplicationSettings> = {
  instanceClass: 'small',
  structureInitialization: true,
  dataInitialization: true,
  delayAlertSeconds: 60,
};

export interface ReplicationEndpointRef {
  readonly unitId: string;
  readonly region: RegionId;
}

export interface ReplicationJobModel {
  /** Stable key, `<source>-to-<destination>`: construct ids derive from it. */
  readonly key: string;
  /** DTS instance and job name. */
  readonly name: string;
  readonly source: ReplicationEndpointRef;
  readonly destination: ReplicationEndpointRef;
  /** The source unit's org database; the destination mirrors it under the same name. */
  readonly database: string;
  /** Allowlisted tables the source masters, in allowlist order. */
  readonly tables: readonly string[];
  /** The job's `db_list`, built from `database` and `tables` only (db-list.ts). */
  readonly dbList: string;
  /** The spoke unit whose link declaration carries the settings. */
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
  readonly replicatedTables: readonly string[];
  readonly link?: {
    readonly replication: Omit<ReplicationJobModel, 'key' | 'name' | 'source' | 'destination' | 'database' | 'tables' | 'dbList' | 'linkUnitId'>;
  };
}

/** Every replication job: hub → spoke and spoke → hub for each spoke, in declaration order. */
export function replicationJobs(orgPrefix: string, hub: ReplicatingUnit, spokes: readonly ReplicatingUnit[]): ReplicationJobModel[] {
  const jobs: ReplicationJobModel[] = [];
  for (const spoke of spokes) {
    const settings = spoke.link?.replication ?? REPLICATION_DEFAULTS;
    const names = linkNames(orgPrefix, hub.id, spoke.id);
    for (const [source, destination, name] of [
      [hub, spoke, names.hubToUnitJob.name],
      [spoke, hub, names.unitToHubJob.name],
    ] as const) {
      jobs.push({
        key: `${source.id}-to-${destination.id}`,
        name,
        source: { unitId: source.id, region: source.region },
        destination: { unitId: destination.id, region: destination.region },
        database: source.orgDatabase,
        tables: source.replicatedTables,
        dbList: dbListJson(source.orgDatabase, source.replicatedTables),
        linkUnitId: spoke.id,
        instanceClass: settings.instanceClass,
        structureInitialization: settings.structureInitialization,
        dataInitialization: settings.dataInitialization,
        delayAlertSeconds: settings.delayAlertSeconds,
      });
    }
  }
  return jobs;
}
