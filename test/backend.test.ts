import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { effectiveStateBackend, stateBackendKindFrom, switchFrom } from '../lib/topology/state';
import { BaseStack } from '../lib/core/stack-base';
import { regionCode } from '../lib/topology/naming';
import { REGION_IDS } from '../lib/topology/regions';
import { type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

/** Three units (hub t1 in cn-shanghai, t2 in ap-northeast-1, t3 in eu-central-1): three state regions. */
const topology = fixtureTopology(['t1', 't2', 't3']);
const UNIT_STACKS = ['unit-t1', 'unit-t2', 'unit-t3'];
const remoteStates = (stack: StackJson): Record<string, any> => stack.data?.terraform_remote_state ?? {};

describe('local state (the default)', () => {
  const { stacks } = synthTopology(topology);

  it('builds exactly the unit, link and accel stacks', () => {
    expect(Object.keys(stacks).sort()).toEqual([...UNIT_STACKS, 'accel', 'link'].sort());
  });

  it.each([...UNIT_STACKS, 'link', 'accel'])('%s keeps its state in a project-relative file', (name) => {
    expect(stacks[name].terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
  });

  it.each(['link', 'accel'])("%s reads no other stack's state: a unit's state (secrets included) stays with the unit", (name) => {
    expect(remoteStates(stacks[name])).toEqual({});
    expect(JSON.stringify(stacks[name])).not.toContain('terraform_remote_state');
  });

  it('builds no bootstrap stack', () => {
    expect(Object.keys(stacks).filter((s) => s.startsWith('bootstrap-'))).toEqual([]);
  });
});

/** Synthesized once with oss chosen for the run: the backend tests and the deploy-order tests read it. */
const ossSynth = synthTopology(topology, { stateBackend: 'oss' });

describe('oss state chosen for one run', () => {
  const { stacks } = ossSynth;
  const expected: Record<string, { region: string; bucket: string; instance: string }> = {
    'unit-t1': { region: 'cn-shanghai', bucket: 'fx-tfstate-cn-shanghai', instance: 'fx-tf-cnshan' },
    'unit-t2': { region: 'ap-northeast-1', bucket: 'fx-tfstate-ap-northeast-1', instance: 'fx-tf-apne1' },
    'unit-t3': { region: 'eu-central-1', bucket: 'fx-tfstate-eu-central-1', instance: 'fx-tf-euc1' },
    // The cross-unit stacks keep their state in the hub's region.
    link: { region: 'cn-shanghai', bucket: 'fx-tfstate-cn-shanghai', instance: 'fx-tf-cnshan' },
    accel: { region: 'cn-shanghai', bucket: 'fx-tfstate-cn-shanghai', instance: 'fx-tf-cnshan' },
  };

  it.each(Object.keys(expected))("%s keeps its state in its region's bucket, locked by Tablestore", (name) => {
    const e = expected[name];
    expect(stacks[name].terraform.backend).toEqual({
      oss: {
        bucket: e.bucket,
        region: e.region,
        prefix: name,
        key: 'terraform.tfstate',
        acl: 'private',
        tablestore_endpoint: `https://${e.instance}.${e.region}.ots.aliyuncs.com`,
        tablestore_table: 'terraform_state_lock',
      },
    });
  });

  it("no stack reads another stack's state, whatever the backend", () => {
    for (const stack of Object.values(stacks)) expect(remoteStates(stack)).toEqual({});
  });

  it('writes no absolute path and no credentials into the backend', () => {
    for (const name of Object.keys(expected)) {
      const text = JSON.stringify(stacks[name].terraform.backend);
      expect(text).not.toMatch(/access_key|secret_key|security_token|"\/(home|root|tmp|work)\//);
    }
  });
});

describe('oss state declared in the topology', () => {
  const t = fixtureTopology(['t1', 't2'], (d) => (d.stateBackend = { kind: 'oss', regions: { 'ap-northeast-1': { bucket: 'fx-t2-terraform-state' } } }));

  it('uses the overridden bucket and derives the rest', () => {
    const { stacks } = synthTopology(t);
    expect(stacks['unit-t2'].terraform.backend.oss).toMatchObject({
      bucket: 'fx-t2-terraform-state',
      region: 'ap-northeast-1',
      tablestore_table: 'terraform_state_lock',
    });
    expect(stacks['unit-t1'].terraform.backend.oss.bucket).toBe('fx-tfstate-cn-shanghai');
  });

  it('STATE_BACKEND=local still gives local state for that run', () => {
    const { stacks } = synthTopology(t, { stateBackend: 'local' });
    expect(stacks['unit-t2'].terraform.backend).toEqual({ local: { path: '../../../terraform.unit-t2.tfstate' } });
  });
});

describe('deploy order', () => {
  const { outdir } = ossSynth;
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const deps = (name: string): string[] => manifest.stacks[name].dependencies;

  it('units depend on nothing, link on every unit, accel on link', () => {
    for (const unit of UNIT_STACKS) expect(deps(unit)).toEqual([]);
    expect([...deps('link')].sort()).toEqual(UNIT_STACKS);
    expect(deps('accel')).toContain('link');
  });

  it("a run over all stacks (cdktf deploy '*') can order them units → link → accel", () => {
    // cdktf starts a stack once all its dependencies are done; replay that to get the order.
    const done: string[] = [];
    const pending = new Set(Object.keys(manifest.stacks));
    while (pending.size) {
      const ready = [...pending].filter((s) => deps(s).every((d) => done.includes(d))).sort();
      expect(ready.length).toBeGreaterThan(0);
      for (const s of ready) {
        done.push(s);
        pending.delete(s);
      }
    }
    expect(done.indexOf('link')).toBeGreaterThan(Math.max(...UNIT_STACKS.map((u) => done.indexOf(u))));
    expect(done.indexOf('accel')).toBeGreaterThan(done.indexOf('link'));
  });
});

describe('one-run choices from the environment', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['local', 'local'],
    ['oss', 'oss'],
  ])('STATE_BACKEND=%p means %p', (value, kind) => {
    expect(stateBackendKindFrom(value)).toBe(kind);
  });

  it('rejects an unknown STATE_BACKEND naming the variable, the value and the fix', () => {
    expect(() => stateBackendKindFrom('s3')).toThrow(
      'STATE_BACKEND: "s3" is not allowed; use local or oss, or leave it unset to use stateBackend of stacks/topology.ts',
    );
  });

  it('rejects a switch that is neither on nor off', () => {
    expect(switchFrom('1', 'STATE_BOOTSTRAP')).toBe(true);
    expect(switchFrom(undefined, 'STATE_BOOTSTRAP')).toBe(false);
    expect(() => switchFrom('yes', 'STATE_BOOTSTRAP')).toThrow('STATE_BOOTSTRAP: "yes" is not allowed; use 1 to switch it on, or leave it unset');
  });

  it('an override of the same kind keeps the declared overrides', () => {
    const declared = { kind: 'oss' as const, regions: { 'cn-hangzhou': { bucket: 'b-cn-hangzhou' } } };
    expect(effectiveStateBackend(declared, 'oss')).toBe(declared);
    expect(effectiveStateBackend(declared, 'local')).toEqual({ kind: 'local' });
    expect(effectiveStateBackend(undefined, undefined)).toEqual({ kind: 'local' });
  });
});

describe('state backend plumbing', () => {
  it("refuses to move a stack's state once its backend exists", () => {
    const stack = new BaseStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-test-')) }), 'probe', { defaultRegion: 'cn-hangzhou' });
    stack.ensureBackendExists();
    expect(() => stack.useState({ kind: 'local', path: 'x' })).toThrow('probe: the state backend is already in use; choose it before the app is synthesized');
  });

  it('gives every known region its own short code (lock instance names)', () => {
    const codes = REGION_IDS.map(regionCode);
    expect(new Set(codes).size).toBe(REGION_IDS.length);
    expect(regionCode('ap-southeast-1')).toBe('apse1');
    expect(regionCode('cn-hangzhou')).toBe('cnhang');
  });
});
