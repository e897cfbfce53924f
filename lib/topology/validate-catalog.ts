/** Validation of the data catalog and the replication allowlist: every table classed, only org-structure tables replicated. */
import { checkKeys, checkOneOf, checkString, isObj, type Obj, type Problems } from './checks';
import { DATA_CLASSES, type TopologyDeclaration } from './types';

export function validateCatalogAndReplication(p: Problems, t: TopologyDeclaration): void {
  if (checkKeys(p, 'catalog', t.catalog, ['orgDatabase', 'appDatabase', 'tables'])) {
    checkString(p, 'catalog.orgDatabase', t.catalog.orgDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "org"');
    checkString(p, 'catalog.appDatabase', t.catalog.appDatabase, /^[a-z][a-z0-9_]{1,40}$/, 'use a lower-case database name such as "collab"');
    if (checkKeys(p, 'catalog.tables', t.catalog.tables, Object.keys(isObj(t.catalog.tables) ? t.catalog.tables : {}))) {
      for (const [name, cls] of Object.entries(t.catalog.tables)) {
        checkString(p, `catalog.tables.${name}`, name, /^[a-z][a-z0-9_]{0,63}$/, 'table names are lower-case letters, digits and underscores');
        checkOneOf(p, `catalog.tables.${name}`, cls, DATA_CLASSES);
      }
    }
  }
  if (!checkKeys(p, 'replication', t.replication, ['allowlist'])) return;
  if (!Array.isArray(t.replication.allowlist)) {
    p.add('replication.allowlist', t.replication.allowlist, 'is not a list', 'list the org-structure tables that may be replicated between units');
    return;
  }
  const tables: Obj = isObj(t.catalog?.tables) ? t.catalog.tables : {};
  const seen = new Set<unknown>();
  t.replication.allowlist.forEach((tbl, i) => {
    const path = `replication.allowlist[${i}]`;
    if (seen.has(tbl)) p.add(path, tbl, 'is listed twice', 'list each table once');
    seen.add(tbl);
    if (typeof tbl !== 'string' || !(tbl in tables)) {
      p.add(path, tbl, 'is not in catalog.tables', 'classify the table in catalog.tables first; only org-structure tables may be replicated');
    } else if (tables[tbl] === 'personal') {
      p.add(
        path,
        tbl,
        'is classed as personal data in catalog.tables',
        'personal data stays in its unit: remove it from the allowlist (only org-structure tables may be replicated)',
      );
    }
  });
}

/** All problems of a declaration, in a stable order. Empty when it is valid. */
