import { topologyProblems, TopologyError } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { buildApp } from '../stacks/app';
import { fixtureTopology, type Mutable } from './fixtures/topology';

/** The fixture topology (hub t1 in cn-shanghai, t2 in ap-northeast-1) with the oss backend and the given per-region overrides. */
const oss = (regions?: Mutable): Mutable => ({ ...fixtureTopology(), stateBackend: regions === undefined ? { kind: 'oss' } : { kind: 'oss', regions } });

describe('a valid oss backend declaration', () => {
  it.each([
    ['derived names only', oss()],
    ['a bucket override in its own region', oss({ 'ap-northeast-1': { bucket: 'fx-t2-terraform-state' } })],
    ['a lock instance with its table', oss({ 'cn-shanghai': { lockInstance: 'fx-locks', lockTable: 'tf_lock' } })],
  ])('%s has no problems', (_name, t) => {
    expect(topologyProblems(t)).toEqual([]);
  });
});

// Each case breaks the backend declaration in one way; the problem must be exactly this text: field path, value, fix.
const cases: [string, Mutable, string][] = [
  [
    'unknown backend kind',
    { ...fixtureTopology(), stateBackend: { kind: 's3' } },
    'stateBackend.kind: "s3" is not allowed; use { kind: "local" } or { kind: "oss" }',
  ],
  [
    'empty bucket name',
    oss({ 'ap-northeast-1': { bucket: '' } }),
    'stateBackend.regions["ap-northeast-1"].bucket: "" is empty; name the OSS bucket that holds this region\'s state, or leave bucket out to use the derived "fx-tfstate-ap-northeast-1"',
  ],
  [
    'missing lock table (lock instance declared without one)',
    oss({ 'cn-shanghai': { lockInstance: 'fx-locks' } }),
    'stateBackend.regions["cn-shanghai"].lockTable: is missing while lockInstance "fx-locks" is declared; name the lock table in that instance (primary key LockID, String); bootstrap creates the default table only in the derived instance',
  ],
  [
    'empty lock table',
    oss({ 'cn-shanghai': { lockTable: ' ' } }),
    'stateBackend.regions["cn-shanghai"].lockTable: " " is empty, and without a lock table two runs can write one state at once; name the Tablestore table the backend locks with (primary key LockID, String), or leave lockTable out to use the derived "terraform_state_lock"',
  ],
  [
    'unit state bucket that names another region',
    oss({ 'ap-northeast-1': { bucket: 'fx-tfstate-cn-shanghai-2' } }),
    'stateBackend.regions["ap-northeast-1"].bucket: "fx-tfstate-cn-shanghai-2" names region cn-shanghai but would hold the state of the unit in ap-northeast-1; a unit\'s state stays in its own region: use a bucket created in ap-northeast-1 (for example "fx-tfstate-ap-northeast-1")',
  ],
  [
    "unit state bucket that is another region's bucket",
    oss({ 'ap-northeast-1': { bucket: 'fx-tfstate-hq' }, 'cn-shanghai': { bucket: 'fx-tfstate-hq' } }),
    'stateBackend.regions["ap-northeast-1"].bucket: "fx-tfstate-hq" is also the state bucket of cn-shanghai; a bucket lives in one region, so one of the two units\' state would leave its region: give each region its own bucket',
  ],
  [
    'overrides for a region where no unit keeps state',
    oss({ 'ap-southeast-3': { bucket: 'fx-tfstate-my' } }),
    'stateBackend.regions["ap-southeast-3"]: {"bucket":"fx-tfstate-my"} overrides the state store of ap-southeast-3, where no unit keeps state; state lives in the unit regions (cn-shanghai, ap-northeast-1): move the overrides to one of them or remove them',
  ],
  [
    'overrides keyed by an unknown region',
    oss({ 'jp-1': { bucket: 'fx-tfstate-jp' } }),
    'stateBackend.regions["jp-1"]: {"bucket":"fx-tfstate-jp"} is keyed by "jp-1", which is not a known Alibaba Cloud region id; key it by the region of a unit: cn-shanghai, ap-northeast-1',
  ],
  [
    'misspelt override field',
    oss({ 'cn-shanghai': { lockTabel: 'tf_lock' } }),
    'stateBackend.regions["cn-shanghai"].lockTabel: "tf_lock" is not a known field; use one of bucket, lockInstance, lockTable (check the spelling)',
  ],
  [
    'derived lock instance longer than Tablestore allows',
    { ...oss(), org: { prefix: 'acmeautoparts', name: 'ACME' } },
    'stateBackend.regions["cn-shanghai"].lockInstance: "acmeautoparts-tf-cnshan" is 23 characters; otsInstance names take 3-16; the derived lockInstance is too long or malformed; shorten org.prefix or set stateBackend.regions["cn-shanghai"].lockInstance',
  ],
  [
    'overridden bucket name OSS rejects',
    oss({ 'cn-shanghai': { bucket: 'ACME_State' } }),
    'stateBackend.regions["cn-shanghai"].bucket: "ACME_State" may contain only lower-case letters, digits and hyphens, not starting or ending with a hyphen; choose another bucket',
  ],
  [
    'lock instance name with an underscore',
    oss({ 'cn-shanghai': { lockInstance: 'fx_locks', lockTable: 'tf_lock' } }),
    'stateBackend.regions["cn-shanghai"].lockInstance: "fx_locks" may contain only letters, digits and hyphens, starting with a letter and not ending with a hyphen; choose another lockInstance',
  ],
  [
    'regions field on the local backend',
    { ...fixtureTopology(), stateBackend: { kind: 'local', regions: {} } },
    'stateBackend.regions: {} is not a known field; use one of kind (check the spelling)',
  ],
];

describe('the state backend declaration rejects bad input', () => {
  it.each(cases)('%s', (_name, t, expected) => {
    expect(topologyProblems(t as TopologyDeclaration)).toContain(expected);
  });

  it('is rejected before any stack is built, with every problem in one error', () => {
    const t = oss({ 'ap-northeast-1': { bucket: '' }, 'cn-shanghai': { lockInstance: 'fx-locks' } });
    let error: unknown;
    try {
      buildApp(t, { outdir: '/nonexistent/never-written' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopologyError);
    expect((error as TopologyError).problems).toHaveLength(2);
  });

  it('checks derived names when oss is chosen for one run, though the declaration says local', () => {
    const t = { ...fixtureTopology(), org: { prefix: 'acmeautoparts', name: 'ACME' } };
    expect(topologyProblems(t)).toEqual([]);
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written', stateBackend: 'oss' })).toThrow(
      /stateBackend\.regions\["cn-shanghai"\]\.lockInstance: "acmeautoparts-tf-cnshan" is 23 characters/,
    );
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written', bootstrap: true })).toThrow(TopologyError);
  });
});
