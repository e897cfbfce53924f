import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

type DbEntry = { name?: unknown; all?: unknown; Table?: Record<string, { name?: unknown; all?: unknown }> };

export const DTSReplicatesOnlyAllowlistedTables: PolicyRule = {
  id: 'ALI-DTS-1',
  name: 'DTSReplicatesOnlyAllowlistedTables',
  level: 'error',
  resourceTypes: ['alicloud_dts_synchronization_job'],
  info: 'The DTS job replicates more than the allowlisted org-structure tables',
  explanation:
    'Only organisation-structure tables may leave their unit; a whole-database entry or an unlisted table would copy personal data across the border.',
  fix: 'build db_list from replication.allowlist: the org databases only, "all": false, one Table entry per allowlisted table',
  equivalents: [],
  evaluate(job, context) {
    const raw = job.config.db_list;
    if (typeof raw !== 'string') return nonCompliant(`db_list is ${shown(raw)}`);
    if (isReference(raw)) return unknown('db_list contains Terraform expressions; build it as literal JSON from the allowlist');
    if (!context.model) return unknown('no topology model given to the policy pack, so the allowlist is unknown');
    const { catalog, units } = context.model;
    const allowedDbs = new Set([catalog.orgDatabase, ...units.map((u) => u.orgDatabase)]);
    const allowedTables = new Set(catalog.allowlist.filter((t) => catalog.tables[t] === 'org-structure'));
    let list: Record<string, DbEntry>;
    try {
      list = JSON.parse(raw);
    } catch {
      return nonCompliant('db_list is not valid JSON');
    }
    const problems: string[] = [];
    for (const [db, entry] of Object.entries(list)) {
      for (const name of new Set([db, entry?.name ?? db])) {
        if (typeof name !== 'string' || !allowedDbs.has(name)) problems.push(`database ${shown(name)} is not an org database`);
      }
      if (entry?.all !== false) problems.push(`database ${db} has "all": ${shown(entry?.all)}`);
      const tables = Object.entries(entry?.Table ?? {});
      if (tables.length === 0) problems.push(`database ${db} lists no tables`);
      for (const [table, t] of tables) {
        for (const name of new Set([table, t?.name ?? table])) {
          if (typeof name !== 'string' || !allowedTables.has(name)) problems.push(`table ${db}.${shown(name)} is not an allowlisted org-structure table`);
        }
      }
    }
    return problems.length ? nonCompliant(problems.join('; ')) : COMPLIANT;
  },
};
