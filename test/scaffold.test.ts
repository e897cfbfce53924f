/**
 * New-country scaffold: runs it in a temporary stacks folder holding the fixture units (never in the checkout),
 * and checks the result validates, synthesizes and passes the schema check; that every refusal names field,
 * value and fix and writes nothing; and that the command regenerates the diagram after writing a unit.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { topologyDoc } from '../scripts/diagram';
import { loadSchemas, checkOutdir } from '../lib/schema-check/check';
import { deriveSite, deriveUnit, type NewUnitRequest, planSubnets, renderUnitFile, ScaffoldError, scaffoldUnit } from '../lib/scaffold/new-unit';
import { type Cidr, parseCidr } from '../lib/topology/cidr';
import { topologyProblems } from '../lib/topology/validate';
import { newUnit } from '../scripts/new-unit';
import { loadTopology, loadUnitSites, loadUnits } from '../stacks/topology';
import { resourcesOf, synthTopology } from './helpers/synth';
import { fixtureShared, writeFixtureStacks } from './fixtures/topology';

const ROOT = path.resolve(__dirname, '..');
/**
 * A new unit for the fixture: Bangkok, across the mainland border from the hub t1 (cn-shanghai). Its staff reach the
 * fixture's hostnames through the Singapore access point, under the bases those hostnames declare (crossBorderUse).
 */
const T5: NewUnitRequest = { id: 't5', country: 'TH', region: 'ap-southeast-7', cidr: '10.15.0.0/16' };

/** Every file below `dir`, relative, sorted: to prove a refusal wrote nothing. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

// The checkout as it was before any test here ran: the last test checks nothing here touched it.
const checkoutStacks = tree(path.join(ROOT, 'stacks'));
const checkoutDoc = fs.readFileSync(path.join(ROOT, 'docs', 'topology.md'), 'utf8');

/** The units of the temporary stacks folders, and what is shared by them. */
const STACKED = ['t1', 't2'] as const;
const shared = () => fixtureShared(STACKED);

const temporary: string[] = [];
/** A throwaway stacks/ folder holding the fixture units t1 (hub) and t2, as stacks/ holds real ones. */
function tempStacks(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-'));
  temporary.push(root);
  return writeFixtureStacks(path.join(root, 'stacks'), STACKED);
}
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('scaffolding t5 in a temporary stacks folder', () => {
  const stacksDir = tempStacks();
  const result = scaffoldUnit(stacksDir, shared(), loadUnits(stacksDir), T5);
  const topology = loadTopology(stacksDir, shared());
  const synth = synthTopology(topology);

  it('writes unit-t5/unit.ts declaring exactly the derived unit', () => {
    expect(result.file).toBe(path.join(stacksDir, 'unit-t5', 'unit.ts'));
    expect(fs.readdirSync(path.join(stacksDir, 'unit-t5'))).toEqual(['unit.ts']);
    expect(topology.units.map((u) => u.id)).toEqual(['t1', 't2', 't5']);
    expect(topology.units[2]).toEqual(result.unit);
  });

  it('derives zones, the tier plan, smallest sizing, allowlisted tables and a hub link', () => {
    const t5 = result.unit;
    expect(t5.zones).toEqual(['ap-southeast-7a', 'ap-southeast-7b']);
    expect(t5.network.subnets).toEqual({
      ingress: { 'ap-southeast-7a': '10.15.0.0/24', 'ap-southeast-7b': '10.15.1.0/24' },
      app: { 'ap-southeast-7a': '10.15.10.0/24', 'ap-southeast-7b': '10.15.11.0/24' },
      data: { 'ap-southeast-7a': '10.15.20.0/24', 'ap-southeast-7b': '10.15.21.0/24' },
      link: { 'ap-southeast-7a': '10.15.30.0/28', 'ap-southeast-7b': '10.15.30.16/28' },
    });
    expect(t5.sizing).toEqual({
      app: { instanceType: 'ecs.g7.large', minInstances: 2, maxInstances: 4 },
      database: { instanceClass: 'mysql.n2.medium.2c', storageGb: 100, backupRetentionDays: 14, logBackupRetentionDays: 14 },
      cache: { instanceClass: 'redis.shard.small.2.ce' },
    });
    expect(t5.mastersTables).toEqual(shared().replication.allowlist);
    // Replication stays off until the new unit's org schema is applied.
    expect(t5.replication).toEqual({ enabled: false, instanceClass: 'small', structureInitialization: true, dataInitialization: true, delayAlertSeconds: 60 });
    // Bangkok holds Thai staff data in Thailand: no residency basis needed.
    expect(t5.residency).toBeUndefined();
    // Platform image and certificates apply: the scaffold pins neither.
    expect(t5.sizing.app.imageId).toBeUndefined();
    expect(t5.ingress).toBeUndefined();
    // The hub's contacts (roles and channels), with the hub id swapped for the new unit's in the mailboxes; the
    // CloudMonitor names are derived per unit, so none is written.
    expect(t5.monitoring).toEqual({ contacts: [{ role: 'oncall', email: 'oncall-t5@fixture.example.net', dingTalk: true }] });
    expect(t5.encryption).toEqual({ keyStore: 'default-key', tde: 'unit-key' });
  });

  it("places the unit's first site at its region's city, in its DNS population, without a budget, in the unit file", () => {
    expect(result.site).toEqual({
      id: 't5',
      name: 'Staff of unit t5 near Bangkok',
      country: 'TH',
      latitude: 13.76,
      longitude: 100.5,
      unit: 't5',
      population: 'oversea',
    });
    expect(loadUnitSites(stacksDir)).toEqual([result.site]);
    expect(topology.sites.map((s) => s.id)).toEqual([...shared().sites.map((s) => s.id), 't5']);
    // A unit in a mainland region gets a site in the default population.
    const t6 = deriveUnit({ id: 't6', country: 'CN', region: 'cn-beijing', cidr: '10.16.0.0/16' }, topology);
    if (Array.isArray(t6)) throw new Error(t6.join('\n'));
    expect(deriveSite(t6)).toMatchObject({ country: 'CN', latitude: 39.9, longitude: 116.41, population: 'default' });
  });

  it('writes the residency basis it is given for staff data kept outside their country', () => {
    const t6 = deriveUnit(
      { id: 't6', country: 'VN', region: 'ap-southeast-3', cidr: '10.16.0.0/16', residency: { basis: 'Decree 13/2023 TIA', reference: 'tia-42' } },
      topology,
    );
    expect(Array.isArray(t6) ? t6 : t6.residency).toEqual({ legalBasis: { basis: 'Decree 13/2023 TIA', reference: 'tia-42' } });
  });

  it('gives a topology that validates', () => {
    expect(topologyProblems(topology)).toEqual([]);
  });

  it('synthesizes unit-t5 with mirrors for the other units, and nothing crosses to it yet', () => {
    expect(Object.keys(synth.stacks)).toEqual(['accel', 'link', 'unit-t1', 'unit-t2', 'unit-t5']);
    expect(synth.stacks['unit-t5'].provider.alicloud).toEqual([{ region: 'ap-southeast-7' }]);
    const databases = (stack: string) => Object.values(resourcesOf(synth.stacks[stack], 'alicloud_db_database')).map((d) => d.data_base_name);
    expect(databases('unit-t5')).toEqual(expect.arrayContaining(['org_t5', 'org_t1', 'org_t2']));
    // The hub already hosts the mirror the new unit's org data will arrive in.
    expect(databases('unit-t1')).toContain('org_t5');
    // No flow is declared for it and its replication is off: no transit router, no route, no DTS job.
    const link = JSON.stringify(synth.stacks.link);
    expect(link).not.toContain('fx-t5-tr');
    expect(link).not.toContain('ap-southeast-7');
  });

  it('passes the schema check', () => {
    expect(checkOutdir(synth.outdir, loadSchemas()).problems).toEqual([]);
  });

  it('renders a file that reads back to the same declaration', () => {
    expect(fs.readFileSync(result.file, 'utf8')).toBe(renderUnitFile(result.unit, [result.site]));
  });
});

describe.each(loadTopology().units.map((u) => [u.id, u] as const))('declared unit %s', (_id, unit) => {
  it("follows the scaffold's IP plan (the plan the hand-written units set)", () => {
    expect(unit.network.subnets).toEqual(planSubnets(parseCidr(unit.network.vpcCidr) as Cidr, unit.zones));
  });
});

describe('refusals name the field, value and fix, and write nothing', () => {
  const stacksDir = tempStacks();
  const before = tree(stacksDir);

  it.each<[string, Partial<NewUnitRequest>, string]>([
    [
      'unknown region',
      { region: 'ap-southeast-9' },
      'units.t5.region: "ap-southeast-9" is not a known Alibaba Cloud region id; use one of cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-hangzhou, cn-shanghai, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-hongkong, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-3, ap-southeast-5, ap-southeast-6, ap-southeast-7, us-east-1, us-west-1, eu-west-1, eu-central-1 (lib/topology/regions.ts; add a region there with its zones if it is new) [--region]',
    ],
    [
      'overlapping CIDR',
      { cidr: '10.12.0.0/16' },
      'units.t5.network.vpcCidr: "10.12.0.0/16" overlaps units.t2.network.vpcCidr 10.12.0.0/16; give each unit its own range (for example 10.0.0.0/16) [--cidr]',
    ],
    [
      'existing id',
      { id: 't2', region: 'ap-southeast-5' },
      'units.t2.id: "t2" is already declared in stacks/unit-t2/unit.ts; choose an id no unit uses (taken: t1, t2) [--id]',
    ],
    [
      'id that is no folder name',
      { id: '../x' },
      'units[new].id: "../x" is not valid; use 2-6 lower-case letters or digits starting with a letter, e.g. "th" [--id]',
    ],
    [
      'id too long',
      { id: 'thailand' },
      'units.thailand.id: "thailand" is not valid; use 2-6 lower-case letters or digits starting with a letter, e.g. "th" [--id]',
    ],
    [
      'country not ISO alpha-2',
      { country: 'THA' },
      'units.t5.country: "THA" is not valid; use the ISO 3166-1 alpha-2 code of the country whose staff data the unit keeps, e.g. "VN" [--country]',
    ],
    [
      'region taken by another unit',
      { region: 'ap-northeast-1' },
      'units.t5.region: "ap-northeast-1" is already the region of units.t2; one unit per region: serve both countries from one unit, or place the new unit in a region of its own (its data must stay in its own region) [--region]',
    ],
    [
      'CIDR with host bits',
      { cidr: '10.15.0.1/16' },
      'units.t5.network.vpcCidr: "10.15.0.1/16" has host bits set; the network address is 10.15.0.0/16; write the VPC range like 10.3.0.0/16 [--cidr]',
    ],
    [
      'CIDR too small for the plan',
      { cidr: '10.15.0.0/24' },
      'units.t5.network.vpcCidr: "10.15.0.0/24" is too small for the unit IP plan (ingress, app and data /24s and link /28s up to x.y.30.31); use a /16 to /19, e.g. 10.15.0.0/16 [--cidr]',
    ],
  ])('%s', (_label, change, message) => {
    const req = { ...T5, ...change };
    let error: unknown;
    try {
      scaffoldUnit(stacksDir, shared(), loadUnits(stacksDir), req);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScaffoldError);
    expect((error as ScaffoldError).problems).toContain(message);
    expect(tree(stacksDir)).toEqual(before);
  });

  it('refuses a folder that exists without a declaration, and leaves it alone', () => {
    const dir = tempStacks();
    fs.mkdirSync(path.join(dir, 'unit-t5'));
    fs.writeFileSync(path.join(dir, 'unit-t5', 'notes.md'), 'draft');
    expect(() => scaffoldUnit(dir, shared(), loadUnits(dir), T5)).toThrow(
      /units\.t5\.id: "t5" already has a folder stacks\/unit-t5; choose another id or remove the folder \[--id\]/,
    );
    expect(fs.readdirSync(path.join(dir, 'unit-t5'))).toEqual(['notes.md']);
  });
});

describe('the new-unit command', () => {
  const args = (r: NewUnitRequest) => ['--id', r.id, '--country', r.country, '--region', r.region, '--cidr', r.cidr];
  /** Runs the command in a temporary project (stacks/ with the fixture units, a stale docs/topology.md). */
  function run(argv: string[]) {
    const stacksDir = tempStacks();
    const doc = path.join(path.dirname(stacksDir), 'docs', 'topology.md');
    fs.mkdirSync(path.dirname(doc));
    const stale = topologyDoc(loadTopology(stacksDir, shared()));
    fs.writeFileSync(doc, stale);
    const before = tree(stacksDir);
    let stdout = '';
    let stderr = '';
    const status = newUnit(argv, {
      stacksDir,
      topologyDoc: doc,
      shared: shared(),
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    return { status, stdout, stderr, stacksDir, doc, stale, before };
  }

  it('writes the unit, regenerates docs/topology.md with it, and says both', () => {
    const r = run(args(T5));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(r.stacksDir, 'unit-t5', 'unit.ts'))).toBe(true);
    const doc = fs.readFileSync(r.doc, 'utf8');
    expect(doc).not.toBe(r.stale);
    // Exactly what the diagram test compares the committed file with: the declaration loaded from the folders.
    expect(doc).toBe(topologyDoc(loadTopology(r.stacksDir, shared())));
    expect(doc).toContain('subgraph unit_t5["unit-t5');
    expect(r.stdout).toMatch(/^wrote .*unit-t5\/unit\.ts: unit t5 in ap-southeast-7 \(zones ap-southeast-7a, ap-southeast-7b\), VPC 10\.15\.0\.0\/16$/m);
    expect(r.stdout).toMatch(/^regenerated .*docs\/topology\.md with unit t5/m);
    expect(r.stdout).toMatch(/^next: .*npm test/m);
  });

  it('refuses with exit code 1, writing neither the unit nor the diagram', () => {
    const r = run(args({ ...T5, region: 'ap-northeast-1' }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('new-unit refused, nothing was written');
    expect(r.stderr).toContain('units.t5.region: "ap-northeast-1" is already the region of units.t2');
    expect(r.stdout).toBe('');
    expect(tree(r.stacksDir)).toEqual(r.before);
    expect(fs.readFileSync(r.doc, 'utf8')).toBe(r.stale);
  });

  it('exits 2 with the usage when a flag is missing', () => {
    const r = run(['--id', 't5', '--country', 'TH']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^missing --region, --cidr\nusage: npm run new-unit -- /);
    expect(tree(r.stacksDir)).toEqual(r.before);
  });

  it('as a CLI on the checkout, refuses an id already declared with exit code 1 (writing nothing: see the last test)', () => {
    const [taken] = loadUnits();
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['-r', 'ts-node/register', 'scripts/new-unit.ts', '--id', taken.id, '--country', taken.country, '--region', taken.region, '--cidr', '10.250.0.0/16'],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain('new-unit refused, nothing was written');
    expect(stderr).toContain(`units.${taken.id}.id: "${taken.id}" is already declared`);
  });
});

describe('the checkout', () => {
  it('has the stacks/ and docs/topology.md it had before these tests ran', () => {
    expect(tree(path.join(ROOT, 'stacks'))).toEqual(checkoutStacks);
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'topology.md'), 'utf8')).toBe(checkoutDoc);
  });
});
