/**
 * The org schema is the package's: the DDL of every unit's org tables comes from the catalog, and with the units an
 * architect adds every unit's DTS jobs reach every other unit's org structure.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeArtifacts } from '../lib/app/artifacts';
import { orgSchemaSql } from '../lib/ddl/org-schema';
import { scaffoldUnit } from '../lib/scaffold/new-unit';
import { loadTopology, loadUnitSites, loadUnits, shared } from '../stacks/topology';
import { fixtureTopology } from './fixtures/topology';
import { modelOf, tempDir } from './helpers/synth';

const declared = modelOf(loadTopology());

describe.each(declared.units.map((u) => [u.id, u] as const))('the org schema of declared unit %s', (_id, unit) => {
  const sql = orgSchemaSql(declared.catalog, unit);
  const statements = sql.split(/;\n/).filter((s) => s.includes('CREATE TABLE'));

  it("uses the unit's own org database", () => {
    expect(sql).toContain(`USE \`${unit.orgDatabase}\`;`);
  });

  it('creates exactly the org tables the unit masters', () => {
    const tables = statements.map((s) => /CREATE TABLE IF NOT EXISTS `([^`]+)`/.exec(s)![1]);
    expect(tables.sort()).toEqual(unit.mastersTables.filter((t) => declared.catalog.tables[t]?.class === 'org-structure').sort());
  });

  it.each(unit.mastersTables.map((t) => [t]))('declares every column of %s as the catalog does, with its primary key', (table) => {
    const statement = statements.find((s) => s.includes(`CREATE TABLE IF NOT EXISTS \`${table}\``))!;
    const columns = declared.catalog.tables[table].columns;
    for (const [name, c] of Object.entries(columns)) {
      expect(statement).toContain(`\`${name}\` ${c.type} ${c.nullable && !c.primaryKey ? 'NULL' : 'NOT NULL'} COMMENT '${c.class}`);
    }
    const keys = Object.entries(columns)
      .filter(([, c]) => c.primaryKey)
      .map(([n]) => `\`${n}\``);
    expect(keys.length).toBeGreaterThan(0);
    expect(statement).toContain(`PRIMARY KEY (${keys.join(', ')})`);
  });
});

describe('the org schema files', () => {
  it('are written by synth for every unit, deterministically', () => {
    const a = tempDir();
    const b = tempDir();
    expect(writeArtifacts(a, declared)).toEqual(expect.arrayContaining(declared.units.map((u) => path.join('sql', `org-schema-${u.id}.sql`))));
    writeArtifacts(b, declared);
    for (const u of declared.units) {
      const file = path.join('sql', `org-schema-${u.id}.sql`);
      expect(fs.readFileSync(path.join(a, file), 'utf8')).toBe(fs.readFileSync(path.join(b, file), 'utf8'));
      expect(fs.readFileSync(path.join(a, file), 'utf8')).toBe(orgSchemaSql(declared.catalog, u));
    }
  });

  it('follow the catalog: a column added there appears in the DDL', () => {
    const model = modelOf(
      fixtureTopology(['t1', 't2'], (t) => (t.catalog.tables.positions.columns.level = { type: 'SMALLINT UNSIGNED', class: 'org-structure' })),
    );
    expect(orgSchemaSql(model.catalog, model.unitsById.t1)).toContain("`level` SMALLINT UNSIGNED NOT NULL COMMENT 'org-structure'");
  });
});

describe('four units: the declared ones and two an architect adds with the scaffold', () => {
  const stacksDir = tempDir('stacks-');
  for (const unit of loadTopology().units) {
    fs.mkdirSync(path.join(stacksDir, `unit-${unit.id}`));
    fs.writeFileSync(path.join(stacksDir, `unit-${unit.id}`, 'unit.ts'), `export const unit = ${JSON.stringify(unit)};\n`);
  }
  // Region-free second octets and regions of the shipped declaration's neighbours.
  const used = new Set(loadTopology().units.map((u) => u.region));
  const requests = [
    { id: 'xa', country: 'TH', region: 'ap-southeast-7', cidr: '10.201.0.0/16' },
    { id: 'xb', country: 'PH', region: 'ap-southeast-6', cidr: '10.202.0.0/16' },
  ].filter((r) => !used.has(r.region as never));
  // As npm run new-unit does: the sites of the units added before are part of what the next one is checked against.
  for (const r of requests) scaffoldUnit(stacksDir, { ...shared, sites: [...shared.sites, ...loadUnitSites(stacksDir)] }, loadUnits(stacksDir), r);
  const scaffolded = loadTopology(stacksDir);
  const units = scaffolded.units.map((u) => (requests.some((r) => r.id === u.id) ? { ...u, replication: { ...u.replication, enabled: true } } : u));
  const model = modelOf({ ...scaffolded, units });

  it('starts new units with replication off, so no job waits for tables that do not exist', () => {
    const asWritten = modelOf(scaffolded);
    for (const r of requests) {
      expect(asWritten.unitsById[r.id].replication.enabled).toBe(false);
      expect(asWritten.replication.jobs.some((j) => j.source.unitId === r.id || j.destination.unitId === r.id)).toBe(false);
    }
  });

  it.each(units.map((u) => [u.id]))("lets unit %s receive every other unit's org structure once replication is on", (id) => {
    const received = model.replication.jobs.filter((j) => j.destination.unitId === id).flatMap((j) => j.databases.map((d) => d.masterUnitId));
    expect(received.sort()).toEqual(
      model.units
        .filter((u) => u.id !== id)
        .map((u) => u.id)
        .sort(),
    );
    for (const job of model.replication.jobs.filter((j) => j.destination.unitId === id)) {
      for (const [, db] of Object.entries<any>(JSON.parse(job.dbList))) {
        for (const [table, t] of Object.entries<any>(db.Table)) {
          for (const column of Object.keys(t.column)) expect(model.catalog.tables[table].columns[column].class).toBe('org-structure');
        }
      }
    }
  });
});
