import { topologyProblems, TopologyError } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { buildApp } from '../stacks/app';
import { loadTopology } from '../stacks/topology';
import { clone } from './helpers/synth';

type Mutable = any;
/** The declared topology with the oss backend and the given per-region overrides. */
const oss = (regions?: Mutable): Mutable => ({ ...clone(loadTopology()), stateBackend: regions === undefined ? { kind: 'oss' } : { kind: 'oss', regions } });

describe('a valid oss backend declaration', () => {
  it.each([
    ['derived names only', oss()],
    ['a bucket override in its own region', oss({ 'ap-southeast-1': { bucket: 'acme-sg-terraform-state' } })],
    ['a lock instance with its table', oss({ 'cn-hangzhou': { lockInstance: 'acme-locks', lockTable: 'tf_lock' } })],
  ])('%s has no problems', (_name, t) => {
    expect(topologyProblems(t)).toEqual([]);
  });
});

// Each case breaks the backend declaration in one way; the problem must be exactly this text: field path, value, fix.
const cases: [string, Mutable, string][] = [
  [
    'unknown backend kind',
    { ...clone(loadTopology()), stateBackend: { kind: 's3' } },
    'stateBackend.kind: "s3" is not allowed; use { kind: "local" } or { kind: "oss" }',
  ],
  [
    'empty bucket name',
    oss({ 'ap-southeast-1': { bucket: '' } }),
    'stateBackend.regions["ap-southeast-1"].bucket: "" is empty; name the OSS bucket that holds this region\'s state, or leave bucket out to use the derived "acme-tfstate-ap-southeast-1"',
  ],
  [
    'missing lock table (lock instance declared without one)',
    oss({ 'cn-hangzhou': { lockInstance: 'acme-locks' } }),
    'stateBackend.regions["cn-hangzhou"].lockTable: is missing while lockInstance "acme-locks" is declared; name the lock table in that instance (primary key LockID, String); bootstrap creates the default table only in the derived instance',
  ],
  [
    'empty lock table',
    oss({ 'cn-hangzhou': { lockTable: ' ' } }),
    'stateBackend.regions["cn-hangzhou"].lockTable: " " is empty, and without a lock table two runs can write one state at once; name the Tablestore table the backend locks with (primary key LockID, String), or leave lockTable out to use the derived "terraform_state_lock"',
  ],
  [
    'unit state bucket that names another region',
    oss({ 'ap-southeast-1': { bucket: 'acme-tfstate-cn-hangzhou-2' } }),
    'stateBackend.regions["ap-southeast-1"].bucket: "acme-tfstate-cn-hangzhou-2" names region cn-hangzhou but would hold the state of the unit in ap-southeast-1; a unit\'s state stays in its own region: use a bucket created in ap-southeast-1 (for example "acme-tfstate-ap-southeast-1")',
  ],
  [
    "unit state bucket that is another region's bucket",
    oss({ 'ap-southeast-1': { bucket: 'acme-tfstate-hq' }, 'cn-hangzhou': { bucket: 'acme-tfstate-hq' } }),
    'stateBackend.regions["ap-southeast-1"].bucket: "acme-tfstate-hq" is also the state bucket of cn-hangzhou; a bucket lives in one region, so one of the two units\' state would leave its region: give each region its own bucket',
  ],
  [
    'overrides for a region where no unit keeps state',
    oss({ 'ap-southeast-3': { bucket: 'acme-tfstate-my' } }),
    'stateBackend.regions["ap-southeast-3"]: {"bucket":"acme-tfstate-my"} overrides the state store of ap-southeast-3, where no unit keeps state; state lives in the unit regions (cn-hangzhou, ap-southeast-1): move the overrides to one of them or remove them',
  ],
  [
    'overrides keyed by an unknown region',
    oss({ 'sg-1': { bucket: 'acme-tfstate-sg' } }),
    'stateBackend.regions["sg-1"]: {"bucket":"acme-tfstate-sg"} is keyed by "sg-1", which is not a known Alibaba Cloud region id; key it by the region of a unit: cn-hangzhou, ap-southeast-1',
  ],
  [
    'misspelt override field',
    oss({ 'cn-hangzhou': { lockTabel: 'tf_lock' } }),
    'stateBackend.regions["cn-hangzhou"].lockTabel: "tf_lock" is not a known field; use one of bucket, lockInstance, lockTable (check the spelling)',
  ],
  [
    'derived lock instance longer than Tablestore allows',
    { ...oss(), org: { prefix: 'acmeautoparts', name: 'ACME' } },
    'stateBackend.regions["cn-hangzhou"].lockInstance: "acmeautoparts-tf-cnhang" is 23 characters; otsInstance names take 3-16; the derived lockInstance is too long or malformed; shorten org.prefix or set stateBackend.regions["cn-hangzhou"].lockInstance',
  ],
  [
    'overridden bucket name OSS rejects',
    oss({ 'cn-hangzhou': { bucket: 'ACME_State' } }),
    'stateBackend.regions["cn-hangzhou"].bucket: "ACME_State" may contain only lower-case letters, digits and hyphens, not starting or ending with a hyphen; choose another bucket',
  ],
  [
    'lock instance name with an underscore',
    oss({ 'cn-hangzhou': { lockInstance: 'acme_locks', lockTable: 'tf_lock' } }),
    'stateBackend.regions["cn-hangzhou"].lockInstance: "acme_locks" may contain only letters, digits and hyphens, starting with a letter and not ending with a hyphen; choose another lockInstance',
  ],
  [
    'regions field on the local backend',
    { ...clone(loadTopology()), stateBackend: { kind: 'local', regions: {} } },
    'stateBackend.regions: {} is not a known field; use one of kind (check the spelling)',
  ],
];

describe('the state backend declaration rejects bad input', () => {
  it.each(cases)('%s', (_name, t, expected) => {
    expect(topologyProblems(t as TopologyDeclaration)).toContain(expected);
  });

  it('is rejected before any stack is built, with every problem in one error', () => {
    const t = oss({ 'ap-southeast-1': { bucket: '' }, 'cn-hangzhou': { lockInstance: 'acme-locks' } });
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
    const t = { ...clone(loadTopology()), org: { prefix: 'acmeautoparts', name: 'ACME' } };
    expect(topologyProblems(t)).toEqual([]);
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written', stateBackend: 'oss' })).toThrow(
      /stateBackend\.regions\["cn-hangzhou"\]\.lockInstance: "acmeautoparts-tf-cnhang" is 23 characters/,
    );
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written', bootstrap: true })).toThrow(TopologyError);
  });
});
