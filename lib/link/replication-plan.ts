/**
 * Which org-structure data flows where: a pure function of the topology, so tests and docs read the same plan
 * the constructs build.
 *
 * Every unit masters its own org rows in `<orgDatabase>_<unit>`. For each unit other than the hub there are two
 * one-way flows: hub → unit (the hub's mastered tables) and unit → hub (the unit's). The destination keeps a
 * read-only mirror under the source's database name.
 */
import { linkNames, orgDatabaseName } from '../topology/naming';
import type { RegionId } from '../topology/regions';
import type { DtsInstanceClass, ReplicationSettings, TopologyDeclaration, UnitDeclaration } from '../topology/types';
import { replicatedTables } from './db-list';

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

export interface ReplicationFlow {
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
  /** The spoke unit whose link declaration carries the settings. */
  readonly linkUnitId: string;
  readonly instanceClass: DtsInstanceClass;
  readonly structureInitialization: boolean;
  readonly dataInitialization: boolean;
  readonly delayAlertSeconds: number;
}

function hubOf(t: TopologyDeclaration): UnitDeclaration {
  const hub = t.units.find((u) => u.id === t.hub);
  if (!hub) throw new Error(`hub ${t.hub} is not a declared unit`);
  return hub;
}

/** The units that link to the hub (every unit but the hub), in declaration order. */
export function spokesOf(t: TopologyDeclaration): UnitDeclaration[] {
  return t.units.filter((u) => u.id !== t.hub);
}

/** Every replication flow of the topology: hub → spoke and spoke → hub for each spoke, in declaration order. */
export function replicationFlows(t: TopologyDeclaration): ReplicationFlow[] {
  const hub = hubOf(t);
  const flows: ReplicationFlow[] = [];
  for (const spoke of spokesOf(t)) {
    const settings = { ...REPLICATION_DEFAULTS, ...spoke.link?.replication };
    const names = linkNames(t.org.prefix, hub.id, spoke.id);
    for (const [source, destination, name] of [
      [hub, spoke, names.hubToUnitJob.name],
      [spoke, hub, names.unitToHubJob.name],
    ] as const) {
      flows.push({
        key: `${source.id}-to-${destination.id}`,
        name,
        source: { unitId: source.id, region: source.region },
        destination: { unitId: destination.id, region: destination.region },
        database: orgDatabaseName(t.catalog.orgDatabase, source.id),
        tables: replicatedTables(t.replication.allowlist, source.mastersTables),
        linkUnitId: spoke.id,
        ...settings,
      });
    }
  }
  return flows;
}
