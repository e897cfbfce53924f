/**
 * The data-flow register (lib/register) is a function of the model: every expectation here is derived from the model
 * (its flows, jobs, access routes, units), on the shipped declaration and on the four-unit fixture, so a unit or flow
 * added to either is covered without editing this file. No synthesis: the analysis tests check the register against
 * synthesized output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeArtifacts } from '../lib/app/artifacts';
import { dataFlowRegister, entriesWithoutBasis, type RegisterEntry } from '../lib/register/register';
import { registerJson, registerMarkdown } from '../lib/register/render';
import type { TopologyModel } from '../lib/topology/model';
import { resolveTopology } from '../lib/topology/resolve';
import type { TopologyDeclaration } from '../lib/topology/types';
import { topologyProblems, validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';
import { FIXTURE_UNIT_IDS, fixtureTopology, type Mutable } from './fixtures/topology';
import { tempDir } from './helpers/synth';

const country = (m: TopologyModel, unitId: string) => m.unitsById[unitId].regionInfo.country;

describe.each([
  ['the shipped declaration', () => loadTopology()],
  ['the four-unit fixture', () => fixtureTopology([...FIXTURE_UNIT_IDS])],
])('register of %s', (_label, declaration) => {
  const model = resolveTopology(validateTopology(declaration()));
  const register = dataFlowRegister(model);
  const byId = new Map(register.entries.map((e) => [e.id, e]));
  const entry = (id: string): RegisterEntry => {
    const e = byId.get(id);
    if (!e) throw new Error(`no register entry ${id}`);
    return e;
  };

  it('lists every DTS job and database with the org-structure columns it copies, relayed or not', () => {
    for (const job of model.replication.jobs) {
      for (const db of job.databases) {
        const e = entry(`replication/${job.key}/${db.database}`);
        expect(e).toMatchObject({ dataClass: 'org-structure', source: { unitId: job.source.unitId }, destination: { unitId: job.destination.unitId } });
        expect(e.crossesBorder).toBe(country(model, job.source.unitId) !== country(model, job.destination.unitId));
        expect(e.details).toMatchObject({ kind: 'replication', jobName: job.name, masterUnitId: db.masterUnitId, relayed: db.relayed });
        expect(e.details.kind === 'replication' && e.details.tables).toEqual(db.tables.map((t) => ({ name: t.name, columns: t.columns })));
        for (const t of db.tables) for (const c of t.columns) expect(model.catalog.tables[t.name].columns[c].class).toBe('org-structure');
      }
    }
  });

  it('lists every declared flow with what it carries and its legal basis', () => {
    for (const f of model.flows) {
      const e = entry(`flow/${f.key}`);
      expect(e).toMatchObject({ dataClass: f.carries, crossesBorder: f.crossesBorder, source: { unitId: f.from }, destination: { unitId: f.to } });
      expect(e.legalBasis).toEqual(f.legalBasis);
      expect(e.resources.filter((r) => r.type === 'alicloud_security_group_rule').map((r) => r.match.cidr_ip)).toEqual(Object.values(f.sourceCidrs));
    }
  });

  it("lists every site's route that leaves its unit or its country as personal data, with the route's basis", () => {
    const site = (id: string) => model.sites.find((s) => s.id === id)!;
    const leaving = model.access.routes.filter((r) => r.crossesBorder || r.unitId !== site(r.siteId).unitId);
    expect(leaving.some((r) => r.crossesBorder)).toBe(true);
    for (const r of leaving) {
      const e = entry(`access/${r.label}/${r.siteId}`);
      expect(e).toMatchObject({ dataClass: 'personal', crossesBorder: r.crossesBorder, source: { unitId: site(r.siteId).unitId, country: r.siteCountry } });
      expect(e.destination).toMatchObject({ unitId: r.unitId, region: r.servedIn.region });
      expect(e.details).toMatchObject({ kind: 'access', line: r.line, siteId: r.siteId });
      expect(e.legalBasis).toEqual(r.legalBasis);
    }
    // A site opening its own unit's hostname at home is the unit's own business, not a register entry.
    for (const r of model.access.routes.filter((x) => !leaving.includes(x))) expect(byId.get(`access/${r.label}/${r.siteId}`)).toBeUndefined();
  });

  it("lists each unit's DTS password read by the link stack, with a scope that opens org-structure data only", () => {
    const replicating = new Set(model.replication.jobs.flatMap((j) => [j.source.unitId, j.destination.unitId]));
    for (const u of model.units.filter((x) => replicating.has(x.id))) {
      const e = entry(`credential/${u.id}/${u.dts.accountName}`);
      expect(e.details).toEqual({
        kind: 'credential',
        account: u.dts.accountName,
        parameter: u.dts.passwordParameter,
        readBy: 'link',
        scope: [
          { privilege: 'ReadOnly', databases: [u.orgDatabase], dataClass: 'org-structure' },
          { privilege: 'ReadWrite', databases: u.dts.mirrors.map((x) => x.database), dataClass: 'org-structure' },
        ],
      });
      expect(JSON.stringify(e.details)).not.toContain(`"${u.appDatabase}"`);
    }
  });

  it('lists the residency of every unit that keeps its staff data outside their country, with its basis', () => {
    for (const u of model.units) {
      const e = byId.get(`residency/${u.id}`);
      if (u.country === u.regionInfo.country) expect(e).toBeUndefined();
      else expect(e).toMatchObject({ dataClass: 'personal', crossesBorder: true, legalBasis: u.residency });
    }
  });

  it('lists what the link and accel states hold of each unit, and no entry the model does not imply', () => {
    const withRouter = new Set(model.interconnect.routers.map((r) => r.unitId));
    const replicating = new Set(model.replication.jobs.flatMap((j) => [j.source.unitId, j.destination.unitId]));
    const linkUnits = model.units.filter((u) => withRouter.has(u.id) || replicating.has(u.id)).map((u) => u.id);
    for (const id of linkUnits) expect(entry(`state/link/${id}`).dataClass).toBe(replicating.has(id) ? 'credential' : 'configuration');
    for (const u of model.units) expect(entry(`state/accel/${u.id}`).dataClass).toBe('configuration');
    const expected =
      model.replication.jobs.reduce((n, j) => n + j.databases.length, 0) +
      model.flows.length +
      model.access.routes.filter((r) => r.crossesBorder || r.unitId !== model.sites.find((s) => s.id === r.siteId)!.unitId).length +
      linkUnits.length +
      model.units.length +
      model.units.filter((u) => model.state.locations[u.stackName].kind === 'local').length +
      replicating.size +
      model.units.filter((u) => u.country !== u.regionInfo.country).length;
    expect(register.entries).toHaveLength(expected);
  });

  it('gives every path that carries personal data across a border a legal basis', () => {
    expect(entriesWithoutBasis(register)).toEqual([]);
    for (const e of register.entries.filter((x) => x.dataClass === 'personal' && x.crossesBorder)) expect(e.basisField).toBeDefined();
  });

  it('is sorted by kind, then id, with unique ids, and the same every time', () => {
    const ids = register.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(registerJson(dataFlowRegister(resolveTopology(validateTopology(declaration()))))).toBe(registerJson(register));
    expect(JSON.parse(registerJson(register))).toEqual({ '//': expect.any(String), format: 1, ...JSON.parse(JSON.stringify(register)) });
  });

  it('shows every entry in data-flows.md with its data class and legal basis', () => {
    const md = registerMarkdown(register);
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(register.entries.length);
    for (const e of register.entries) {
      const row = rows.find((l) => l.startsWith(`| \`${e.id}\` | ${e.dataClass} |`));
      expect(row).toBeDefined();
      if (e.legalBasis) expect(row).toContain(`${e.legalBasis.basis} (${e.legalBasis.reference})`);
      expect(row).toContain(e.crossesBorder === true ? '| **yes** |' : e.crossesBorder === false ? '| no |' : '| unknown |');
    }
  });
});

describe('validation names the field of every missing basis of the shipped declaration', () => {
  const declared = loadTopology();
  const register = dataFlowRegister(resolveTopology(validateTopology(declared)));
  const needing = register.entries.filter((e) => e.dataClass === 'personal' && e.crossesBorder === true);

  it.each(needing.map((e) => [e.id, e.basisField!]))('%s: removing %s fails validation naming it', (_id, field) => {
    const t: Mutable = JSON.parse(JSON.stringify(declared));
    // flows.<key>.legalBasis goes itself; units.<id>.residency.legalBasis goes with its field, and so does
    // access.hostnames.<label>.crossBorderUse: each is what validation then names as missing.
    const parts = field.split('.');
    const [head, key, name] = parts[0] === 'access' ? [`access.hostnames`, parts[2], parts[3]] : parts;
    const owner = head === 'units' ? t.units.find((u: Mutable) => u.id === key) : head === 'access.hostnames' ? t.access.hostnames[key] : t[head][key];
    delete owner[name];
    const problems = topologyProblems(t as TopologyDeclaration);
    expect(problems.filter((p) => p.startsWith(`${head}.${key}.${name}: `))).toHaveLength(1);
  });
});

describe('state with the oss backend', () => {
  const model = resolveTopology(validateTopology(fixtureTopology([...FIXTURE_UNIT_IDS])), { stateBackend: 'oss' });
  const register = dataFlowRegister(model);

  it("puts the link and accel states, and every credential they read, in the hub's region; unit states stay home and are not listed", () => {
    const states = register.entries.filter((e) => e.kind === 'state' || e.kind === 'credential');
    expect(states.length).toBeGreaterThan(0);
    for (const e of states) {
      expect(e.destination).toMatchObject({ region: model.hub.region, country: model.hub.regionInfo.country });
      expect(e.crossesBorder).toBe(model.unitsById[e.source.unitId!].regionInfo.country !== model.hub.regionInfo.country);
      expect(e.id).toMatch(/^(state\/(link|accel)|credential)\//);
    }
  });
});

it('npm run synth writes data-flows.json and data-flows.md next to the stacks', () => {
  const model = resolveTopology(validateTopology(fixtureTopology(['t1', 't2'])));
  const dir = tempDir('register-');
  const written = writeArtifacts(dir, model);
  expect(written).toEqual(expect.arrayContaining(['data-flows.json', 'data-flows.md']));
  expect(fs.readFileSync(path.join(dir, 'data-flows.json'), 'utf8')).toBe(registerJson(dataFlowRegister(model)));
  expect(fs.readFileSync(path.join(dir, 'data-flows.md'), 'utf8')).toBe(registerMarkdown(dataFlowRegister(model)));
});
