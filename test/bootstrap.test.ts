import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkStack, loadSchemas } from '../lib/schema-check/check';
import { buildApp } from '../stacks/app';
import { loadTopology } from '../stacks/topology';
import { resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

const topology = fixtureTopology(['t1', 't2']);
// One synth, through the policy pack as main.ts runs it: the stack tests and the policy test read it.
const { stacks, policy } = synthTopology(topology, { stateBackend: 'oss', bootstrap: true, policy: true });
/** Each region that holds state, with a unit stack whose backend names the store bootstrap creates there. */
const REGIONS: Record<string, string> = { 'ap-northeast-1': 'unit-t2', 'cn-shanghai': 'unit-t1' };
const one = (stack: StackJson, type: string): Record<string, any> => {
  const all = Object.values(resourcesOf(stack, type));
  expect(all).toHaveLength(1);
  return all[0];
};
const ref = (type: string, stack: StackJson, attr: string) => `\${${type}.${Object.keys(resourcesOf(stack, type))[0]}.${attr}}`;

describe('bootstrap stacks', () => {
  it('are built, on request, for every region that holds state', () => {
    expect(
      Object.keys(stacks)
        .filter((s) => s.startsWith('bootstrap-'))
        .sort(),
    ).toEqual(['bootstrap-ap-northeast-1', 'bootstrap-cn-shanghai']);
  });

  describe.each(Object.keys(REGIONS))('bootstrap-%s', (region) => {
    const stack = stacks[`bootstrap-${region}`];
    const consumer = stacks[REGIONS[region]].terraform.backend.oss;

    it('keeps its own state local (it creates the remote store)', () => {
      expect(stack.terraform.backend).toEqual({ local: { path: `../../../terraform.bootstrap-${region}.tfstate` } });
    });

    it('runs in its region only', () => {
      expect(stack.provider.alicloud).toEqual([{ region }]);
    });

    it("creates the bucket, lock instance and table the unit's backend names", () => {
      expect(one(stack, 'alicloud_oss_bucket').bucket).toBe(consumer.bucket);
      expect(consumer.tablestore_endpoint).toBe(`https://${one(stack, 'alicloud_ots_instance').name}.${region}.ots.aliyuncs.com`);
      expect(one(stack, 'alicloud_ots_table').table_name).toBe(consumer.tablestore_table);
    });

    it('makes the bucket private, versioned, KMS-encrypted, zone-redundant and undeletable', () => {
      const bucket = one(stack, 'alicloud_oss_bucket');
      expect(bucket).toMatchObject({ redundancy_type: 'ZRS', force_destroy: false, lifecycle: { prevent_destroy: true } });
      const bucketRef = ref('alicloud_oss_bucket', stack, 'bucket');
      expect(one(stack, 'alicloud_oss_bucket_acl')).toMatchObject({ bucket: bucketRef, acl: 'private' });
      expect(one(stack, 'alicloud_oss_bucket_public_access_block')).toMatchObject({ bucket: bucketRef, block_public_access: true });
      expect(one(stack, 'alicloud_oss_bucket_versioning')).toMatchObject({ bucket: bucketRef, status: 'Enabled' });
      expect(one(stack, 'alicloud_oss_bucket_server_side_encryption')).toMatchObject({
        bucket: bucketRef,
        sse_algorithm: 'KMS',
        kms_master_key_id: ref('alicloud_kms_key', stack, 'id'),
      });
      expect(one(stack, 'alicloud_kms_key')).toMatchObject({
        automatic_rotation: 'Enabled',
        deletion_protection: 'Enabled',
        lifecycle: { prevent_destroy: true },
      });
    });

    it('records access to the state (it holds secrets) in the bucket itself, and expires those logs', () => {
      const bucketRef = ref('alicloud_oss_bucket', stack, 'bucket');
      expect(one(stack, 'alicloud_oss_bucket_logging')).toMatchObject({ bucket: bucketRef, target_bucket: bucketRef, target_prefix: 'access-log/' });
      expect(one(stack, 'alicloud_oss_bucket').lifecycle_rule).toContainEqual(
        expect.objectContaining({ prefix: 'access-log/', enabled: true, expiration: [{ days: 365 }] }),
      );
    });

    it('locks with a Tablestore table keyed by LockID (String)', () => {
      const table = one(stack, 'alicloud_ots_table');
      expect(table.primary_key).toEqual([{ name: 'LockID', type: 'String' }]);
      expect(table.instance_name).toBe(ref('alicloud_ots_instance', stack, 'name'));
      expect(table).toMatchObject({ time_to_live: -1, max_version: 1, lifecycle: { prevent_destroy: true } });
      expect(one(stack, 'alicloud_ots_instance').lifecycle).toEqual({ prevent_destroy: true });
    });

    it('conforms to the provider schema', () => {
      expect(checkStack(stack, loadSchemas())).toEqual([]);
    });

    it('matches the snapshot', () => {
      expect(stack).toMatchSnapshot();
    });
  });
});

describe('bootstrap stacks and the policy pack', () => {
  it('have no findings but compliant ones', () => {
    const outcome = policy!;
    const bootstrap = outcome.findings.filter((f) => f.resource.startsWith('bootstrap-'));
    expect(bootstrap.length).toBeGreaterThan(5);
    expect(bootstrap.filter((f) => f.compliance !== 'Compliant')).toEqual([]);
    expect(outcome.failures).toEqual([]);
  });
});

describe('bootstrap of the declared topology', () => {
  // buildApp checks the derived store names (bucket, lock instance) of every unit region against the provider's
  // limits before it builds the bootstrap stacks: a new unit's region must give valid names too.
  const declared = loadTopology();
  const built = buildApp(declared, { stateBackend: 'oss', bootstrap: true, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'bootstrap-declared-')) });

  it('has one bootstrap stack per region a declared unit lives in, and none other', () => {
    expect(Object.keys(built.bootstrap).sort()).toEqual([...new Set(declared.units.map((u) => u.region))].sort());
  });

  it.each(declared.units.map((u) => [u.id, u.region] as const))('keeps the state of unit %s in the store bootstrap creates in %s', (id, region) => {
    const state = built.model.unitsById[id].state;
    const store = built.model.state.stores[region];
    if (state.kind !== 'oss') throw new Error(`unit ${id}: state is ${state.kind}, not oss`);
    expect(state.config).toMatchObject({ region, bucket: store.bucket, tablestoreTable: store.lockTable });
    expect(state.config.tablestoreEndpoint).toBe(`https://${store.lockInstance}.${region}.ots.aliyuncs.com`);
  });
});
