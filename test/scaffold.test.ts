/**
 * New-country scaffold: runs it in a temporary copy of stacks/ and checks the result validates, synthesizes
 * and passes the schema check; and that every refusal names field, value and fix and writes nothing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSchemas, checkOutdir } from '../lib/schema-check/check';
import { deriveUnit, type NewUnitRequest, renderUnitFile, ScaffoldError, scaffoldUnit } from '../lib/scaffold/new-unit';
import { TIERS } from '../lib/topology/types';
import { topologyProblems } from '../lib/topology/validate';
import { loadTopology, loadUnits, shared } from '../stacks/topology';
import { resourcesOf, synthTopology } from './helpers/synth';

const ROOT = path.resolve(__dirname, '..');
const THAILAND: NewUnitRequest = { id: 'th', country: 'TH', region: 'ap-southeast-7', cidr: '10.3.0.0/16' };

/** A throwaway copy of the project's stacks/ folder. */
function stacksCopy(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-')), 'stacks');
  fs.cpSync(path.join(ROOT, 'stacks'), dir, { recursive: true });
  return dir;
}

/** Every file below `dir`, relative, sorted: to prove a refusal wrote nothing. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe('scaffolding Thailand in a copy of stacks/', () => {
  const stacksDir = stacksCopy();
  const result = scaffoldUnit(stacksDir, shared, loadUnits(stacksDir), THAILAND);
  const topology = loadTopology(stacksDir);
  const synth = synthTopology(topology);

  it('writes stacks/unit-th/unit.ts declaring exactly the derived unit', () => {
    expect(result.file).toBe(path.join(stacksDir, 'unit-th', 'unit.ts'));
    expect(fs.readdirSync(path.join(stacksDir, 'unit-th'))).toEqual(['unit.ts']);
    expect(topology.units.map((u) => u.id)).toEqual(['cn', 'sg', 'th']);
    expect(topology.units[2]).toEqual(result.unit);
  });

  it('derives zones, the tier plan, smallest sizing, allowlisted tables and a hub link', () => {
    const th = result.unit;
    expect(th.zones).toEqual(['ap-southeast-7a', 'ap-southeast-7b']);
    expect(th.network.subnets).toEqual({
      ingress: { 'ap-southeast-7a': '10.3.0.0/24', 'ap-southeast-7b': '10.3.1.0/24' },
      app: { 'ap-southeast-7a': '10.3.10.0/24', 'ap-southeast-7b': '10.3.11.0/24' },
      data: { 'ap-southeast-7a': '10.3.20.0/24', 'ap-southeast-7b': '10.3.21.0/24' },
      link: { 'ap-southeast-7a': '10.3.30.0/28', 'ap-southeast-7b': '10.3.30.16/28' },
    });
    expect(th.sizing).toEqual({
      app: { instanceType: 'ecs.g7.large', minInstances: 2, maxInstances: 4 },
      database: { instanceClass: 'mysql.n2.medium.2c', storageGb: 100, backupRetentionDays: 14, logBackupRetentionDays: 14 },
      cache: { instanceClass: 'redis.shard.small.2.ce' },
    });
    expect(th.mastersTables).toEqual(shared.replication.allowlist);
    // Bangkok ↔ Hangzhou crosses the mainland border.
    expect(th.link).toMatchObject({ bandwidthMbps: 10, billing: 'bandwidth-package' });
    // Platform image and certificates apply: the scaffold pins neither.
    expect(th.sizing.app.imageId).toBeUndefined();
    expect(th.ingress).toBeUndefined();
    expect(th.monitoring).toEqual({ contactGroup: 'collab-th-oncall', contacts: [{ name: 'platform-oncall-th', email: 'platform-oncall-th@example.com' }] });
  });

  it('pays a mainland-to-mainland link by traffic', () => {
    const sh = deriveUnit({ id: 'sh', country: 'CN', region: 'cn-shanghai', cidr: '10.4.0.0/16' }, topology);
    expect(Array.isArray(sh) ? sh : sh.link).toMatchObject({ bandwidthMbps: 10, billing: 'data-transfer' });
  });

  it('follows the same IP plan as the hand-written units', () => {
    const sg = loadUnits().find((u) => u.id === 'sg')!;
    const derived = deriveUnit({ id: 'sg', country: 'VN', region: 'ap-southeast-1', cidr: sg.network.vpcCidr }, { ...shared, units: [] });
    if (Array.isArray(derived)) throw new Error(derived.join('\n'));
    for (const tier of TIERS) expect(Object.values(derived.network.subnets[tier])).toEqual(Object.values(sg.network.subnets[tier]));
  });

  it('gives a topology that validates', () => {
    expect(topologyProblems(topology)).toEqual([]);
  });

  it('synthesizes unit-th, and the link stack attaches it with no other edit', () => {
    expect(Object.keys(synth.stacks)).toEqual(expect.arrayContaining(['unit-th', 'link', 'accel']));
    expect(synth.stacks['unit-th'].provider.alicloud).toEqual([{ region: 'ap-southeast-7' }]);
    const routers = Object.values(resourcesOf(synth.stacks.link, 'alicloud_cen_transit_router'));
    expect(routers.map((r) => r.transit_router_name)).toContain('acme-th-tr');
    const attachments = Object.values(resourcesOf(synth.stacks.link, 'alicloud_cen_transit_router_vpc_attachment'));
    expect(
      attachments.find((a) => a.transit_router_vpc_attachment_name === 'acme-th-vpc-attachment')?.zone_mappings.map((z: { zone_id: string }) => z.zone_id),
    ).toEqual(['ap-southeast-7a', 'ap-southeast-7b']);
  });

  it('passes the schema check', () => {
    expect(checkOutdir(synth.outdir, loadSchemas()).problems).toEqual([]);
  });

  it('renders a file that reads back to the same declaration', () => {
    expect(fs.readFileSync(result.file, 'utf8')).toBe(renderUnitFile(result.unit));
  });
});

describe('refusals name the field, value and fix, and write nothing', () => {
  const stacksDir = stacksCopy();
  const before = tree(stacksDir);

  it.each<[string, Partial<NewUnitRequest>, string]>([
    [
      'unknown region',
      { region: 'ap-southeast-9' },
      'units.th.region: "ap-southeast-9" is not a known Alibaba Cloud region id; use one of cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-hangzhou, cn-shanghai, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-hongkong, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-3, ap-southeast-5, ap-southeast-6, ap-southeast-7, us-east-1, us-west-1, eu-west-1, eu-central-1 (lib/topology/regions.ts; add a region there with its zones if it is new) [--region]',
    ],
    [
      'overlapping CIDR',
      { cidr: '10.2.0.0/16' },
      'units.th.network.vpcCidr: "10.2.0.0/16" overlaps units.sg.network.vpcCidr 10.2.0.0/16; give each unit its own range (for example 10.0.0.0/16) [--cidr]',
    ],
    [
      'existing id',
      { id: 'sg', region: 'ap-southeast-5' },
      'units.sg.id: "sg" is already declared in stacks/unit-sg/unit.ts; choose an id no unit uses (taken: cn, sg) [--id]',
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
      'units.th.country: "THA" is not valid; use the ISO 3166-1 alpha-2 code of the country whose staff data the unit keeps, e.g. "VN" [--country]',
    ],
    [
      'region taken by another unit',
      { region: 'ap-southeast-1' },
      'units.th.region: "ap-southeast-1" is already the region of units.sg; one unit per region: serve both countries from one unit, or place the new unit in a region of its own (its data must stay in its own region) [--region]',
    ],
    [
      'CIDR with host bits',
      { cidr: '10.3.0.1/16' },
      'units.th.network.vpcCidr: "10.3.0.1/16" has host bits set; the network address is 10.3.0.0/16; write the VPC range like 10.3.0.0/16 [--cidr]',
    ],
    [
      'CIDR too small for the plan',
      { cidr: '10.3.0.0/24' },
      'units.th.network.vpcCidr: "10.3.0.0/24" is too small for the unit IP plan (ingress, app and data /24s and link /28s up to x.y.30.31); use a /16 to /19, e.g. 10.3.0.0/16 [--cidr]',
    ],
  ])('%s', (_label, change, message) => {
    const req = { ...THAILAND, ...change };
    let error: unknown;
    try {
      scaffoldUnit(stacksDir, shared, loadUnits(stacksDir), req);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScaffoldError);
    expect((error as ScaffoldError).problems).toContain(message);
    expect(tree(stacksDir)).toEqual(before);
  });

  it('refuses a folder that exists without a declaration, and leaves it alone', () => {
    const dir = stacksCopy();
    fs.mkdirSync(path.join(dir, 'unit-th'));
    fs.writeFileSync(path.join(dir, 'unit-th', 'notes.md'), 'draft');
    expect(() => scaffoldUnit(dir, shared, loadUnits(dir), THAILAND)).toThrow(
      /units\.th\.id: "th" already has a folder stacks\/unit-th; choose another id or remove the folder \[--id\]/,
    );
    expect(fs.readdirSync(path.join(dir, 'unit-th'))).toEqual(['notes.md']);
  });

  it('the CLI exits 1, prints the problem and leaves stacks/ as it was', () => {
    const real = tree(path.join(ROOT, 'stacks'));
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['-r', 'ts-node/register', 'scripts/new-unit.ts', '--id', 'sg', '--country', 'VN', '--region', 'ap-southeast-5', '--cidr', '10.9.0.0/16'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain('new-unit refused, nothing was written');
    expect(stderr).toContain('units.sg.id: "sg" is already declared');
    expect(tree(path.join(ROOT, 'stacks'))).toEqual(real);
  });
});
