/**
 * Validation of the data catalog and the replication allowlist: every table and every column classed, only
 * org-structure tables replicated, and every replicated table fit for DTS (declared columns, a primary key of
 * org-structure columns, at least one column that may leave the unit).
 */
import { checkKeys, checkOneOf, checkString, isObj, type Obj, type Problems } from './checks';
import { DATA_CLASSES, type TopologyDeclaration } from './types';

const TABLE_KEYS = ['class', 'columns', 'comment'] as const;
const COLUMN_KEYS = ['type', 'class', 'primaryKey', 'nullable', 'comment'] as const;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;
/**
 * MySQL column types the DDL writer knows, with an optional length/precision and UNSIGNED. Anything richer (ENUM,
 * SET, generated columns) belongs to the app's own migrations, not to the replicated org schema.
 */
export const COLUMN_TYPE =
  /^(TINYINT|SMALLINT|MEDIUMINT|INT|BIGINT)( UNSIGNED)?$|^(CHAR|VARCHAR|BINARY|VARBINARY)\([1-9][0-9]{0,4}\)$|^DECIMAL\([1-9][0-9]?,[0-9]{1,2}\)$|^(DATE|TIME|DATETIME|TIMESTAMP)(\([0-6]\))?$|^(TEXT|MEDIUMTEXT|JSON|BOOLEAN|DOUBLE|FLOAT)$/;
const COLUMN_TYPE_FIX = 'use a MySQL type such as BIGINT UNSIGNED, VARCHAR(128), CHAR(36), DECIMAL(10,2) or DATETIME(3)';

function checkBoolean(p: Problems, path: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') p.add(path, v, 'is not a boolean', 'use true or false');
}

function validateColumns(p: Problems, path: string, columns: unknown): void {
  if (!checkKeys(p, path, columns, Object.keys(isObj(columns) ? columns : {}))) return;
  for (const [name, column] of Object.entries(columns)) {
    const cp = `${path}.${name}`;
    checkString(p, cp, name, IDENTIFIER, 'column names are lower-case letters, digits and underscores, starting with a letter');
    if (!checkKeys(p, cp, column, COLUMN_KEYS)) continue;
    const c = column as Obj;
    checkString(p, `${cp}.type`, c.type, COLUMN_TYPE, COLUMN_TYPE_FIX);
    if (c.class === undefined) {
      p.add(
        `${cp}.class`,
        undefined,
        'is missing',
        'class every column: "org-structure" (the organisation\'s shape, may be replicated) or "personal" (identifies a person, never leaves its unit)',
      );
    } else checkOneOf(p, `${cp}.class`, c.class, DATA_CLASSES);
    checkBoolean(p, `${cp}.primaryKey`, c.primaryKey);
    checkBoolean(p, `${cp}.nullable`, c.nullable);
    if (c.primaryKey === true && c.nullable === true)
      p.add(`${cp}.nullable`, true, 'is set on a primary-key column', 'primary-key columns are never NULL: remove nullable');
    if (c.comment !== undefined)
      checkString(p, `${cp}.comment`, c.comment, /^[^'\\\n]{1,200}$/, 'write one line of up to 200 characters, without quotes or backslashes');
  }
}

/** What a replicated table must have for DTS to copy it at column granularity. */
function validateReplicated(p: Problems, path: string, name: string, table: Obj): void {
  const columns = isObj(table.columns) ? (table.columns as Record<string, Obj>) : undefined;
  if (!columns || Object.keys(columns).length === 0) {
    p.add(
      `${path}.columns`,
      table.columns,
      `is missing, and replication.allowlist names ${name}`,
      'declare the columns of every replicated table (name, type, class, primaryKey): only its org-structure columns are replicated',
    );
    return;
  }
  const keys = Object.entries(columns).filter(([, c]) => isObj(c) && c.primaryKey === true);
  if (keys.length === 0) {
    p.add(
      `${path}.columns`,
      Object.keys(columns),
      'has no primary-key column',
      'mark the key column(s) primaryKey: true; DTS incremental synchronization needs a primary key on every replicated table',
    );
  }
  for (const [key, c] of keys) {
    if (c.class === 'personal') {
      p.add(
        `${path}.columns.${key}.class`,
        'personal',
        'is the class of a primary-key column of a replicated table',
        'DTS copies the primary key with every row: key the table by an opaque org-structure id and keep the person-identifying value in a personal column',
      );
    }
  }
  const crossing = Object.values(columns).filter((c) => isObj(c) && c.class === 'org-structure');
  if (crossing.length === keys.length && keys.length > 0) {
    p.add(
      `${path}.columns`,
      Object.keys(columns),
      'has no org-structure column besides its key',
      'replicate only tables with org-structure data to copy, or remove the table from replication.allowlist',
    );
  }
}

export function validateCatalogAndReplication(p: Problems, t: TopologyDeclaration): void {
  const allowlist: readonly unknown[] = isObj(t.replication) && Array.isArray(t.replication.allowlist) ? t.replication.allowlist : [];
  if (checkKeys(p, 'catalog', t.catalog, ['orgDatabase', 'appDatabase', 'tables'])) {
    checkString(p, 'catalog.orgDatabase', t.catalog.orgDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "org"');
    checkString(p, 'catalog.appDatabase', t.catalog.appDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "collab"');
    if (checkKeys(p, 'catalog.tables', t.catalog.tables, Object.keys(isObj(t.catalog.tables) ? t.catalog.tables : {}))) {
      for (const [name, table] of Object.entries(t.catalog.tables)) {
        const path = `catalog.tables.${name}`;
        checkString(p, path, name, IDENTIFIER, 'table names are lower-case letters, digits and underscores');
        if (typeof table === 'string') {
          p.add(path, table, 'is a bare data class', `declare the table as { class: "${table}" } (and its columns, when it is replicated)`);
          continue;
        }
        if (!checkKeys(p, path, table, TABLE_KEYS)) continue;
        const tbl = table as unknown as Obj;
        if (tbl.class === undefined) p.add(`${path}.class`, undefined, 'is missing', 'class the table "org-structure" or "personal"');
        else checkOneOf(p, `${path}.class`, tbl.class, DATA_CLASSES);
        if (tbl.comment !== undefined)
          checkString(p, `${path}.comment`, tbl.comment, /^[^'\\\n]{1,200}$/, 'write one line of up to 200 characters, without quotes or backslashes');
        if (tbl.columns !== undefined) validateColumns(p, `${path}.columns`, tbl.columns);
        if (allowlist.includes(name) && tbl.class === 'org-structure') validateReplicated(p, path, name, tbl);
      }
    }
  }
  if (!checkKeys(p, 'replication', t.replication, ['allowlist'])) return;
  if (!Array.isArray(t.replication.allowlist)) {
    p.add('replication.allowlist', t.replication.allowlist, 'is not a list', 'list the org-structure tables that may be replicated between units');
    return;
  }
  const tables: Obj = isObj(t.catalog) && isObj(t.catalog.tables) ? t.catalog.tables : {};
  if (t.replication.allowlist.length === 0) {
    p.add(
      'replication.allowlist',
      [],
      'is empty',
      'list the org-structure tables the units share (for example departments and positions); personal tables never belong here',
    );
  }
  const seen = new Set<unknown>();
  t.replication.allowlist.forEach((tbl, i) => {
    const path = `replication.allowlist[${i}]`;
    if (seen.has(tbl)) p.add(path, tbl, 'is listed twice', 'list each table once');
    seen.add(tbl);
    const entry = typeof tbl === 'string' ? tables[tbl] : undefined;
    if (entry === undefined) {
      p.add(path, tbl, 'is not in catalog.tables', 'classify the table in catalog.tables first; only org-structure tables may be replicated');
    } else if (isObj(entry) && entry.class === 'personal') {
      p.add(
        path,
        tbl,
        'is classed as personal data in catalog.tables',
        'personal data stays in its unit: remove it from the allowlist (only org-structure tables may be replicated)',
      );
    }
  });
}
