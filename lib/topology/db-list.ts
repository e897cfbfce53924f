/**
 * DTS `db_list` for org-structure replication, built from the topology's replication allowlist only.
 *
 * DTS reads `db_list` as JSON naming what a job copies. The table-level form names each table, so a table added
 * to the source database later is NOT picked up (the database-level form, `"all": true`, would copy it,
 * personal data included). `name` is the database/table name in the destination: the mirror keeps the source's
 * names, so `org_cn` in the hub arrives as `org_cn` in every other unit.
 */

export interface DbListTable {
  readonly name: string;
  readonly all: true;
}

export interface DbListDatabase {
  readonly name: string;
  /** Always false: only the listed tables are copied, never the whole database. */
  readonly all: false;
  readonly Table: Readonly<Record<string, DbListTable>>;
}

export type DbList = Readonly<Record<string, DbListDatabase>>;

/**
 * The tables a unit sends to the others: the replication allowlist ∩ the tables the unit masters, in allowlist
 * order (so reordering `mastersTables` does not change the synthesized job).
 */
export function replicatedTables(allowlist: readonly string[], mastersTables: readonly string[]): string[] {
  const mastered = new Set(mastersTables);
  return allowlist.filter((table) => mastered.has(table));
}

/** The table-level `db_list` object for one database. Throws on an empty table list: DTS rejects it. */
export function dbList(database: string, tables: readonly string[]): DbList {
  if (tables.length === 0) throw new Error(`db_list for database ${database} names no table; a replication job needs at least one allowlisted table`);
  const Table: Record<string, DbListTable> = {};
  for (const table of tables) Table[table] = { name: table, all: true };
  return { [database]: { name: database, all: false, Table } };
}

/** `dbList` serialized as the provider's `db_list` string. */
export function dbListJson(database: string, tables: readonly string[]): string {
  return JSON.stringify(dbList(database, tables));
}
