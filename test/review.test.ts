/**
 * Plan review: synthesizes the two-unit fixture once (hub t1, spoke t2), then changes copies of the JSON the way
 * a pull request would and checks what the review calls each change, its exit code and what it refuses to print.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSchemas } from '../lib/schema-check/check';
import { exitCodeOf, reviewOutputs, type SynthOutput } from '../lib/review/diff';
import { readSynthOutput } from '../lib/review/load';
import { renderReview } from '../lib/review/markdown';
import { isForceNew } from '../lib/review/schema';
import { clone, type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

const schema = loadSchemas();
const synth = synthTopology(fixtureTopology(['t1', 't2']));
const base: Record<string, StackJson> = synth.stacks;
const ROOT = path.resolve(__dirname, '..');

/** The single resource of `type` in `stack` of a mutable copy, with its address. */
function only(out: Record<string, StackJson>, stack: string, type: string): { name: string; body: Record<string, any> } {
  const names = Object.keys(out[stack].resource[type]);
  expect(names).toHaveLength(1);
  return { name: names[0], body: out[stack].resource[type][names[0]] };
}

function review(head: SynthOutput, from: SynthOutput = base) {
  const r = reviewOutputs(from, head, schema);
  return { review: r, markdown: renderReview(r), exit: exitCodeOf(r) };
}

/** Writes a synth output to a temporary cdktf.out-shaped directory. */
function writeOut(out: SynthOutput): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
  for (const [stack, doc] of Object.entries(out)) {
    fs.mkdirSync(path.join(dir, 'stacks', stack), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  }
  return dir;
}

/** Runs the CLI as CI does and returns its exit code and output. */
function cli(baseDir: string, headDir: string): { status: number; stdout: string } {
  try {
    const stdout = execFileSync(process.execPath, ['-r', 'ts-node/register', 'scripts/review.ts', baseDir, headDir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, stdout: err.stdout };
  }
}

describe('force-new facts from the provider schema', () => {
  it.each([
    ['alicloud_db_instance', 'engine', true],
    ['alicloud_db_instance', 'zone_id', true],
    ['alicloud_db_instance', 'instance_type', false],
    ['alicloud_vpc', 'tags.owner', false],
    // The billing block itself is force-new: any value inside it replaces the load balancer.
    ['alicloud_alb_load_balancer', 'load_balancer_billing_config.pay_type', true],
    ['alicloud_alb_load_balancer', 'load_balancer_name', false],
    ['random_password', 'length', true],
  ])('%s %s force-new: %s', (type, p, expected) => {
    expect(isForceNew(schema.resources.get(type)!, p.split('.'))).toBe(expected);
  });
});

/** One stack's section of a review, by name: the order of sections says nothing about what a test checks. */
const section = (r: { stacks: readonly { name: string; changes: readonly any[] }[] }, name: string) => r.stacks.find((st) => st.name === name)!;

describe('plan review', () => {
  it('an unchanged synth has no changes and exits 0', () => {
    const r = review(clone(base));
    expect(r.review.stacks).toEqual([]);
    expect(r.exit).toBe(0);
    expect(r.markdown).toContain('No resource changes.');
  });

  it('ignores cdktf metadata', () => {
    const head = clone(base);
    only(head, 'unit-t2', 'alicloud_vpc').body['//'].metadata.path = 'unit-t2/elsewhere';
    expect(review(head).review.stacks).toEqual([]);
  });

  it.each(['engine', 'zone_id'])('a changed RDS %s is a replacement with data-loss risk and exits 3', (attr) => {
    const head = clone(base);
    const db = only(head, 'unit-t2', 'alicloud_db_instance');
    const was = db.body[attr];
    db.body[attr] = attr === 'engine' ? 'PostgreSQL' : 'ap-northeast-1c';
    const { review: r, markdown, exit } = review(head);
    const address = `alicloud_db_instance.${db.name}`;
    expect(exit).toBe(3);
    expect(r.dataLoss).toContainEqual(expect.objectContaining({ stack: 'unit-t2', address, action: 'replace', preventDestroy: true }));
    const risk = r.dataLoss.find((d) => d.address === address)!;
    expect(risk.causes).toEqual([`${attr}: ${JSON.stringify(was)} → ${JSON.stringify(db.body[attr])}`]);
    // The databases and backup policy on it name the instance by id: they are replaced with it.
    expect(
      section(r, 'unit-t2')
        .changes.filter((c) => c.action === 'replace')
        .map((c) => c.address.split('.')[0]),
    ).toEqual(expect.arrayContaining(['alicloud_db_database', 'alicloud_db_backup_policy', 'alicloud_db_instance']));
    // Data-loss risks come first, before any per-stack section.
    expect(markdown.indexOf('Data-loss risk')).toBeLessThan(markdown.indexOf('### unit-t2'));
    expect(markdown).toContain(`\`${address}\``);
  });

  it('a tag change is an in-place update and exits 0', () => {
    const head = clone(base);
    only(head, 'unit-t2', 'alicloud_vpc').body.tags['cost-center'] = 'fixture-jp';
    const { review: r, markdown, exit } = review(head);
    expect(exit).toBe(0);
    expect(r.dataLoss).toEqual([]);
    expect(r.totals).toEqual({ add: 0, update: 1, replace: 0, move: 0, remove: 0 });
    expect(section(r, 'unit-t2').changes[0]).toMatchObject({
      action: 'update',
      changes: [{ path: 'tags.cost-center', before: '(none)', after: '"fixture-jp"', forceNew: false }],
    });
    expect(markdown).toContain('No data-loss risk');
    expect(markdown).toContain('**Total: 0 to add, 1 to change, 0 to replace, 0 to move, 0 to destroy.**');
  });

  it('a change inside a force-new nested block replaces a stateless resource, and exits 0', () => {
    const head = clone(base);
    const alb = only(head, 'unit-t2', 'alicloud_alb_load_balancer');
    alb.body.load_balancer_billing_config.pay_type = 'Subscription';
    const { review: r, exit } = review(head);
    expect(section(r, 'unit-t2').changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          address: `alicloud_alb_load_balancer.${alb.name}`,
          action: 'replace',
          causes: ['load_balancer_billing_config.pay_type: "PayAsYouGo" → "Subscription"'],
        }),
      ]),
    );
    // Its listeners name it by id and follow it; nothing stateful does, so there is no data-loss risk.
    expect(
      section(r, 'unit-t2')
        .changes.filter((c) => c.type === 'alicloud_alb_listener')
        .every((c) => c.action === 'replace'),
    ).toBe(true);
    expect(r.dataLoss).toEqual([]);
    expect(exit).toBe(0);
  });

  it('follows cross-stack outputs: a replaced unit VPC replaces the link attachment that names it', () => {
    const head = clone(base);
    const vpc = only(head, 'unit-t2', 'alicloud_vpc');
    // user_cidrs is force-new on a VPC (cidr_block is not: the provider resizes in place).
    vpc.body.user_cidrs = ['172.16.0.0/16'];
    const { review: r } = review(head);
    const link = r.stacks.find((s) => s.name === 'link')!;
    const attachment = link.changes.find((c) => /^alicloud_cen_transit_router_vpc_attachment\..*unit-t2_/.test(c.address))!;
    expect(attachment.action).toBe('replace');
    expect(attachment.causes).toContain(`vpc_id: refers to unit-t2/alicloud_vpc.${vpc.name} (published to this stack), which is replaced (known after apply)`);
    // In its own stack the database follows the VPC: its vpc_id is force-new.
    expect(r.dataLoss.map((d) => d.address)).toContain(`alicloud_db_instance.${only(head, 'unit-t2', 'alicloud_db_instance').name}`);
  });

  it('a resource bound to a provider of another region is replaced; renaming an alias of the same region is not', () => {
    const moved = clone(base);
    moved.link.provider.alicloud.push({ alias: 'elsewhere', region: 'ap-southeast-5' });
    moved.link.provider.alicloud.push({ alias: 'same_place', region: 'ap-northeast-1' });
    const trName = Object.keys(moved.link.resource.alicloud_cen_transit_router).find((n) => n.includes('unit-t2'))!;
    moved.link.resource.alicloud_cen_transit_router[trName].provider = 'alicloud.elsewhere';
    const { review: r } = review(moved);
    expect(section(r, 'link').changes.find((c) => c.address === `alicloud_cen_transit_router.${trName}`)).toMatchObject({
      action: 'replace',
      causes: [expect.stringMatching(/^provider: \{"region":"ap-northeast-1"\} → \{"region":"ap-southeast-5"\}/)],
    });
    const regionMoved = clone(base);
    const unitProvider = regionMoved['unit-t2'].provider.alicloud[0];
    unitProvider.region = 'ap-southeast-5';
    // Only the alicloud provider block changed: every alicloud resource of the stack now lives in another
    // region; random_password belongs to another provider and stays.
    const unitSg = review(regionMoved).review.stacks.find((st) => st.name === 'unit-t2')!;
    const alicloudResources = Object.entries(regionMoved['unit-t2'].resource).filter(([type]) => type.startsWith('alicloud_'));
    expect(unitSg.changes.filter((c) => c.action === 'replace').map((c) => c.type)).toEqual(
      alicloudResources.flatMap(([type, byName]) => Object.keys(byName as object).map(() => type)).sort(),
    );
    moved.link.resource.alicloud_cen_transit_router[trName].provider = 'alicloud.same_place';
    expect(section(review(moved).review, 'link').changes.find((c) => c.address === `alicloud_cen_transit_router.${trName}`)).toMatchObject({
      action: 'update',
    });
  });

  it('a removed bucket is a data-loss risk', () => {
    const fixture = path.join(__dirname, 'fixtures', 'review', 'bucket-removed');
    const r = review(readSynthOutput(path.join(fixture, 'head')), readSynthOutput(path.join(fixture, 'base')));
    expect(r.exit).toBe(3);
    expect(r.review.dataLoss).toEqual([
      expect.objectContaining({ address: 'alicloud_oss_bucket.unit_storage_files_3A1B2C4D', action: 'remove', preventDestroy: false }),
    ]);
    expect(r.markdown).toMatch(/alicloud_oss_bucket\.unit_storage_files_3A1B2C4D.*\*\*remove\*\*.*prevent_destroy goes with it/);
  });

  it('removing a whole stack removes its resources', () => {
    const head = clone(base);
    delete head['unit-t2'];
    const r = review(head);
    expect(r.review.stacks.map((s) => s.name)).toEqual(['unit-t2']);
    expect(r.review.stacks[0].changes.every((c) => c.action === 'remove')).toBe(true);
    expect(r.exit).toBe(3);
  });

  it('a moved construct id is reported as a move (destroy + create) and its dependants as replaced', () => {
    const head = clone(base);
    const db = only(head, 'unit-t2', 'alicloud_db_instance');
    const moved = 'unit_data_rds_2B4C6D8E';
    // What a renamed construct does to the synth: a new key, and every reference follows it.
    const text = JSON.stringify(head['unit-t2']).split(`alicloud_db_instance.${db.name}`).join(`alicloud_db_instance.${moved}`);
    const stack = JSON.parse(text);
    stack.resource.alicloud_db_instance = {
      [moved]: { ...stack.resource.alicloud_db_instance[db.name], '//': { metadata: { path: 'unit-t2/unit/data/rds', uniqueId: moved } } },
    };
    head['unit-t2'] = stack;
    const { review: r, markdown, exit } = review(head);
    const move = section(r, 'unit-t2').changes.find((c) => c.action === 'move')!;
    expect(move).toMatchObject({ address: `alicloud_db_instance.${moved}`, movedFrom: { stack: 'unit-t2', address: `alicloud_db_instance.${db.name}` } });
    expect(r.totals).toMatchObject({ add: 0, remove: 0, move: 1 });
    expect(r.dataLoss).toContainEqual(expect.objectContaining({ address: `alicloud_db_instance.${moved}`, action: 'move' }));
    expect(section(r, 'unit-t2').changes.find((c) => c.address.startsWith('alicloud_db_backup_policy.'))).toMatchObject({
      action: 'replace',
      causes: [expect.stringMatching(/^instance_id: .* → .*/)],
    });
    expect(exit).toBe(3);
    expect(markdown).toContain(`\`alicloud_db_instance.${db.name}\` → \`alicloud_db_instance.${moved}\``);
  });

  it('never prints sensitive values', () => {
    const head = clone(base);
    const db = only(head, 'unit-t2', 'alicloud_db_instance');
    // Schema-sensitive attribute, a password-named attribute and a value derived from a generated password.
    db.body.tde_password = 'tde-S3cret!';
    only(head, 'unit-t2', 'alicloud_vpc').body.tags.password = 'tag-S3cret!';
    only(head, 'unit-t2', 'alicloud_vpc').body.description = '${random_password.db.result}';
    // A whole block added at once, with a secret inside it.
    db.body.babelfish_config = [{ babelfish_enabled: 'true', master_username: 'admin', master_user_password: 'block-S3cret!' }];
    const { markdown } = review(head);
    expect(markdown).toContain('forced by babelfish_config: (none) → (sensitive)');
    expect(markdown).not.toMatch(/S3cret|random_password/);
    expect(markdown).toContain('`tde_password` (none) → (sensitive)');
    expect(markdown).toContain('`tags.password` (none) → (sensitive)');
    expect(markdown).toMatch(/`description` "[^"]*" → \(sensitive\)/);
  });

  it('the CLI exits 3 on a force-new RDS change and 0 on a tag change', () => {
    const forceNew = clone(base);
    only(forceNew, 'unit-t2', 'alicloud_db_instance').body.zone_id = 'ap-northeast-1c';
    const tagged = clone(base);
    only(tagged, 'unit-t2', 'alicloud_vpc').body.tags['cost-center'] = 'fixture-jp';
    const baseDir = writeOut(base);
    const replaced = cli(baseDir, writeOut(forceNew));
    expect(replaced.status).toBe(3);
    expect(replaced.stdout).toMatch(/Data-loss risk/);
    expect(cli(baseDir, writeOut(tagged)).status).toBe(0);
    expect(cli(baseDir, path.join(baseDir, 'missing')).status).toBe(2);
  });
});
