/**
 * Checks of what the link stack derives from a declaration: every unit sends DTS at least one allowlisted
 * table, the names of the CEN and DTS parts fit the provider's limits, and the mirror databases do not collide
 * with the collaboration database. The per-field checks of `units.<id>.replication` live with the unit checks
 * (validate-unit.ts), those of the flows in validate-flows.ts.
 *
 * Runs on declarations that may be malformed: it skips what the other checks already report.
 */
import { checkName, orgDatabaseName, orgReplicationJobName, transitRouterNames } from './naming';
import type { TopologyDeclaration, UnitDeclaration } from './types';
import type { Problems } from './checks';

const isUnit = (u: unknown): u is UnitDeclaration => typeof u === 'object' && u !== null && typeof (u as UnitDeclaration).id === 'string';

export function validateLink(p: Problems, t: TopologyDeclaration): void {
  const units = Array.isArray(t.units) ? t.units.filter(isUnit) : [];
  // A lone unit links to nothing and replicates nothing.
  if (units.length < 2 || !units.some((u) => u.id === t.hub)) return;
  const allowlist: readonly unknown[] = Array.isArray(t.replication?.allowlist) ? t.replication.allowlist : [];

  for (const unit of units) {
    const path = `units.${unit.id}`;
    // Each unit is the source of one DTS job per link; a job with an empty db_list is rejected by DTS.
    if (Array.isArray(unit.mastersTables) && !unit.mastersTables.some((tbl) => allowlist.includes(tbl))) {
      p.add(
        `${path}.mastersTables`,
        unit.mastersTables,
        'names no table of replication.allowlist, so its DTS job would have nothing to copy',
        `list the org-structure tables whose rows unit ${unit.id} masters (from ${allowlist.map(String).join(', ') || 'the allowlist'})`,
      );
    }
    if (typeof t.catalog?.orgDatabase === 'string' && orgDatabaseName(t.catalog.orgDatabase, unit.id) === t.catalog.appDatabase) {
      p.add(
        'catalog.appDatabase',
        t.catalog.appDatabase,
        `is also the org database of unit ${unit.id}, which DTS mirrors into the other units`,
        'give the collaboration database a name that does not start with catalog.orgDatabase followed by a unit id',
      );
    }
    if (typeof t.org?.prefix !== 'string') continue;
    const names = [
      ...Object.entries(transitRouterNames(t.org.prefix, unit.id)),
      ...(unit.id === t.hub
        ? []
        : [
            ['hubToUnitJob', { kind: 'generic' as const, name: orgReplicationJobName(t.org.prefix, t.hub, unit.id) }] as const,
            ['unitToHubJob', { kind: 'generic' as const, name: orgReplicationJobName(t.org.prefix, unit.id, t.hub) }] as const,
          ]),
    ];
    for (const [role, { kind, name }] of names) {
      const problem = checkName(kind, name);
      if (problem) p.add(`${path}.id`, name, problem, `the derived ${role} name is too long or malformed; shorten org.prefix or the unit id`);
    }
  }
}
