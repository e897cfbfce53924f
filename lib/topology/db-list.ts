/**
 * DTS `db_list` for org-structure replication, built from the replication allowlist and the catalog's column
 * classes only: pure functions, so the policy pack and the tests can rebuild what a job must copy.
 *
 * DTS reads `db_list` as JSON naming what a job copies ("objects of DTS tasks",
 * https://help.aliyun.com/en/dts/developer-reference/objects-of-dts-tasks). Column granularity: a database entry with
 * `"all": false` and a `Table` map, each table `"all": false` with a lower-case `column` map naming the columns to
 * copy. A column not named is never copied, and neither is a table or a database not named, so a personal column
 * added to the source later stays home. `name` is the object's name in the destination: the mirror keeps the source's
 * names, so `org_cn` in the hub arrives as `org_cn` in every other unit.
 *
 * The provider sends `db_list` verbatim and reads `DbObject` back verbatim (no diff suppression), so the JSON is
 * built deterministically: databases, tables and columns in catalog order.
 */

export interface DbListColumn {
  readonly name: string;
}

export interface DbListTable {
  readonly name: string;
  /** Always false: only the listed columns are copied, never the whole table. */
  readonly all: false;
  readonly column: Readonly<Record<string, DbListColumn>>;
}

export interface DbListDatabase {
  readonly name: string;
  /** Always false: only the listed tables are copied, never the whole database. */
  readonly all: false;
  readonly Table: Readonly<Record<string, DbListTable>>;
}

export type DbList = Readonly<Record<string, DbListDatabase>>;

/** One replicated table: its name and the columns that may leave the unit (org-structure ones, key first). */
export interface ReplicatedTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/** One database of a job: the source unit's org database (or a mirror of it, relayed through the hub). */
export interface ReplicatedDatabase {
  readonly database: string;
  readonly tables: readonly ReplicatedTable[];
}

/**
 * The tables a unit sends to the others: the replication allowlist ∩ the tables the unit masters, in allowlist
 * order (so reordering `mastersTables` does not change the synthesized job).
 */
export function replicatedTables(allowlist: readonly string[], mastersTables: readonly string[]): string[] {
  const mastered = new Set(mastersTables);
  return allowlist.filter((table) => mastered.has(table));
}

/** What a column of the catalog says of itself, as far as replication cares. */
export interface CatalogColumn {
  readonly class: 'org-structure' | 'personal';
  readonly primaryKey?: boolean;
}

/**
 * The columns of a table that may be replicated: its org-structure columns in catalog order. Throws when the table
 * declares no columns (validation requires them for every allowlisted table).
 */
export function replicatedColumns(table: string, columns: Readonly<Record<string, CatalogColumn>> | undefined): string[] {
  if (!columns) throw new Error(`db_list: table ${table} declares no columns; validation requires them for every replicated table`);
  return Object.entries(columns)
    .filter(([, c]) => c.class === 'org-structure')
    .map(([name]) => name);
}

/** The column-level `db_list` object of a job. Throws on an empty database or table list: DTS rejects it. */
export function dbList(databases: readonly ReplicatedDatabase[]): DbList {
  if (databases.length === 0) throw new Error('db_list names no database; a replication job needs at least one');
  const out: Record<string, DbListDatabase> = {};
  for (const { database, tables } of databases) {
    if (tables.length === 0) throw new Error(`db_list for database ${database} names no table; a replication job needs at least one allowlisted table`);
    const Table: Record<string, DbListTable> = {};
    for (const table of tables) {
      if (table.columns.length === 0) throw new Error(`db_list for table ${database}.${table.name} names no column`);
      Table[table.name] = { name: table.name, all: false, column: Object.fromEntries(table.columns.map((c) => [c, { name: c }])) };
    }
    out[database] = { name: database, all: false, Table };
  }
  return out;
}

/** `dbList` serialized as the provider's `db_list` string. */
export function dbListJson(databases: readonly ReplicatedDatabase[]): string {
  return JSON.stringify(dbList(databases));
}
