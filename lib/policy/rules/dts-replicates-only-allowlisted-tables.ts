import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

type Entry = { name?: unknown; all?: unknown; Table?: unknown; column?: unknown };
const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

export const DTSReplicatesOnlyAllowlistedTables: PolicyRule = {
  id: 'ALI-DTS-1',
  name: 'DTSReplicatesOnlyAllowlistedTables',
  level: 'error',
  resourceTypes: ['alicloud_dts_synchronization_job'],
  info: 'The DTS job replicates more than the org-structure columns of allowlisted tables',
  explanation:
    'Only the org-structure columns of allowlisted tables may leave their unit; a whole database, a whole table, a table not on the allowlist or a column the catalog classes personal would copy personal data across the border.',
  fix: 'build db_list from replication.allowlist and the catalog (lib/topology/db-list.ts): org databases only, "all": false at every level, one explicit column map per table naming only org-structure columns',
  equivalents: [],
  evaluate(job, context) {
    const raw = job.config.db_list;
    if (typeof raw !== 'string') return nonCompliant(`db_list is ${shown(raw)}`);
    if (isReference(raw)) return unknown('db_list contains Terraform expressions; build it as literal JSON from the allowlist');
    if (!context.model) return unknown('no topology model given to the policy pack, so the allowlist and the catalog are unknown');
    const { catalog, units } = context.model;
    const allowedDbs = new Set(units.map((u) => u.orgDatabase));
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      return nonCompliant('db_list is not valid JSON');
    }
    if (!isEntry(list)) return nonCompliant('db_list is not a JSON object of databases');
    const problems: string[] = [];
    for (const [db, entry] of Object.entries(list)) {
      if (!isEntry(entry)) {
        problems.push(`database ${db} is not an object`);
        continue;
      }
      for (const name of new Set([db, entry.name ?? db])) {
        if (typeof name !== 'string' || !allowedDbs.has(name)) problems.push(`database ${shown(name)} is not an org database`);
      }
      if (entry.all !== false) problems.push(`database ${db} has "all": ${shown(entry.all)} (the whole database)`);
      const tables = isEntry(entry.Table) ? Object.entries(entry.Table) : [];
      if (tables.length === 0) problems.push(`database ${db} lists no tables`);
      for (const [table, t] of tables) {
        const declared = catalog.tables[table];
        const names = new Set([table, isEntry(t) ? (t.name ?? table) : table]);
        for (const name of names) {
          if (typeof name !== 'string' || !catalog.allowlist.includes(name) || catalog.tables[name]?.class !== 'org-structure') {
            problems.push(`table ${db}.${shown(name)} is not an allowlisted org-structure table`);
          }
        }
        if (!isEntry(t) || t.all !== false) {
          problems.push(`table ${db}.${table} has "all": ${shown(isEntry(t) ? t.all : t)} (the whole table, personal columns included)`);
          continue;
        }
        const columns = isEntry(t.column) ? Object.entries(t.column) : [];
        if (columns.length === 0) problems.push(`table ${db}.${table} has no column map`);
        for (const [column, c] of columns) {
          for (const name of new Set([column, isEntry(c) ? (c.name ?? column) : column])) {
            const cls = typeof name === 'string' ? declared?.columns[name]?.class : undefined;
            if (cls === 'personal') problems.push(`column ${db}.${table}.${shown(name)} is classed personal in catalog.tables`);
            else if (cls !== 'org-structure') problems.push(`column ${db}.${table}.${shown(name)} is not a column of catalog.tables.${table}`);
          }
        }
      }
    }
    return problems.length ? nonCompliant(problems.join('; ')) : COMPLIANT;
  },
};
