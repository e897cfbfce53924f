import { loadTopology } from '../stacks/topology';
import { buildApp } from '../stacks/app';
import { topologyProblems, TopologyError, validateTopology } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { clone } from './helpers/synth';
import { FIXTURE_UNIT_IDS, fixtureTopology, type Mutable, mutableFixture as base, unitIn as unit } from './fixtures/topology';

describe('the declared topology', () => {
  it('has no problems', () => {
    expect(topologyProblems(loadTopology())).toEqual([]);
  });
});

describe('the fixture topology', () => {
  it.each([[['t1']], [['t1', 't2']], [[...FIXTURE_UNIT_IDS]]] as const)('of units %j has no problems', (ids) => {
    expect(topologyProblems(fixtureTopology(ids))).toEqual([]);
  });
});

// Each case breaks the declaration in one way; the problem must name the field, the value and a fix.
const cases: [string, (t: Mutable) => void, RegExp][] = [
  [
    'unknown region id',
    (t) => (unit(t, 't2').region = 'ap-southeast-9'),
    /^units\.t2\.region: "ap-southeast-9" is not a known Alibaba Cloud region id; use one of .*ap-southeast-1/,
  ],
  [
    'zone not in its region',
    (t) => (unit(t, 't2').zones = ['ap-northeast-1a', 'cn-shanghai-e']),
    /^units\.t2\.zones\[1\]: "cn-shanghai-e" is not a zone of ap-northeast-1; use zones of ap-northeast-1: ap-northeast-1a/,
  ],
  [
    'fewer than two zones',
    (t) => (unit(t, 't1').zones = ['cn-shanghai-e']),
    /^units\.t1\.zones: \["cn-shanghai-e"\] has fewer than two zones; declare at least two zones/,
  ],
  ['duplicate zone', (t) => (unit(t, 't1').zones = ['cn-shanghai-e', 'cn-shanghai-e']), /^units\.t1\.zones\[1\]: "cn-shanghai-e" is listed twice/],
  [
    'malformed VPC CIDR',
    (t) => (unit(t, 't1').network.vpcCidr = '10.11.0.0/33'),
    /^units\.t1\.network\.vpcCidr: "10\.11\.0\.0\/33" is not an IPv4 CIDR of the form a\.b\.c\.d\/n; write the VPC range like/,
  ],
  [
    'CIDR with host bits',
    (t) => (unit(t, 't1').network.vpcCidr = '10.11.0.1/16'),
    /^units\.t1\.network\.vpcCidr: "10\.11\.0\.1\/16" has host bits set; the network address is 10\.11\.0\.0\/16/,
  ],
  [
    'public VPC range',
    (t) => (unit(t, 't1').network.vpcCidr = '8.8.0.0/16'),
    /^units\.t1\.network\.vpcCidr: "8\.8\.0\.0\/16" is not a private \/8\.\.\/24 range; use a range inside 10\.0\.0\.0\/8/,
  ],
  [
    'tier CIDR outside its VPC',
    (t) => (unit(t, 't2').network.subnets.app['ap-northeast-1a'] = '10.9.10.0/24'),
    /^units\.t2\.network\.subnets\.app\["ap-northeast-1a"\]: "10\.9\.10\.0\/24" is outside units\.t2\.network\.vpcCidr 10\.12\.0\.0\/16; choose a range inside 10\.12\.0\.0\/16/,
  ],
  [
    'overlapping tier CIDRs within a unit',
    (t) => (unit(t, 't2').network.subnets.data['ap-northeast-1a'] = '10.12.10.0/25'),
    /^units\.t2\.network\.subnets\.data\["ap-northeast-1a"\]: "10\.12\.10\.0\/25" overlaps units\.t2\.network\.subnets\.app\["ap-northeast-1a"\] 10\.12\.10\.0\/24; give every vSwitch its own range/,
  ],
  [
    'overlapping VPCs across units',
    (t) => (unit(t, 't2').network.vpcCidr = '10.0.0.0/12'),
    /^units\.t2\.network\.vpcCidr: "10\.0\.0\.0\/12" overlaps units\.t1\.network\.vpcCidr 10\.11\.0\.0\/16; give each unit its own range \(for example 10\.\d+\.0\.0\/16\)/,
  ],
  [
    'tier missing a zone',
    (t) => delete unit(t, 't1').network.subnets.data['cn-shanghai-f'],
    /^units\.t1\.network\.subnets\.data\["cn-shanghai-f"\]: has no data CIDR for zone cn-shanghai-f; declare one CIDR for every zone/,
  ],
  [
    'duplicate unit ids',
    (t) => t.units.push({ ...clone(unit(t, 't2')), region: 'ap-southeast-3' }),
    /^units\[2\]\.id: "t2" is declared twice; give each unit its own id/,
  ],
  [
    'two units in one region',
    (t) => t.units.push({ ...clone(unit(t, 't2')), id: 't5', network: { ...clone(unit(t, 't2').network), vpcCidr: '10.12.0.0/16' } }),
    /^units\.t5\.region: "ap-northeast-1" is already the region of units\.t2; one unit per region: serve both countries from one unit, or place the new unit in a region of its own/,
  ],
  ['hub not a declared unit', (t) => (t.hub = 'hq'), /^hub: "hq" is not a declared unit; name one of the declared units: t1, t2/],
  [
    'access point in an unknown region',
    (t) => (t.access.accessPoints.hcm = { region: 'vn-hochiminh-1', bandwidthMbps: 10 }),
    /^access\.accessPoints\.hcm\.region: "vn-hochiminh-1" is not a known acceleration region; use one of/,
  ],
  [
    'mastered table not in the allowlist',
    (t) => unit(t, 't2').mastersTables.push('staff_profiles'),
    /^units\.t2\.mastersTables\[3\]: "staff_profiles" is not in replication\.allowlist; only allowlisted org-structure tables cross units/,
  ],
  [
    'personal-data table in the allowlist',
    (t) => t.replication.allowlist.push('messages'),
    /^replication\.allowlist\[3\]: "messages" is classed as personal data in catalog\.tables; personal data stays in its unit: remove it from the allowlist/,
  ],
  [
    'unclassified table in the allowlist',
    (t) => t.replication.allowlist.push('payroll'),
    /^replication\.allowlist\[3\]: "payroll" is not in catalog\.tables; classify the table in catalog\.tables first/,
  ],
  ['malformed org prefix', (t) => (t.org.prefix = 'Acme_Auto'), /^org\.prefix: "Acme_Auto" is not valid; use 2-24 lower-case letters/],
  [
    'derived name longer than the provider allows',
    (t) => ((t.org.prefix = 'acmeautopartsmanufacture'), (unit(t, 't2').id = 't2fact'), (t.access.hostnames.jp = 't2fact')),
    /^units\.t2fact\.id: "acmeautopartsmanufacture-t2fact-trail" is 37 characters; trail names take 6-36; the derived trail name is too long or malformed; shorten org\.prefix or the unit id/,
  ],
  [
    'unknown key in a unit',
    (t) => (unit(t, 't2').cidr = '10.12.0.0/16'),
    /^units\.t2\.cidr: "10\.12\.0\.0\/16" is not a known field; use one of id, name, country, region, zones, network/,
  ],
  [
    'unknown key in sizing',
    (t) => (unit(t, 't2').sizing.database.backupDays = 7),
    /^units\.t2\.sizing\.database\.backupDays: 7 is not a known field; use one of instanceClass, storageGb, backupRetentionDays/,
  ],
  ['unknown top-level key', (t) => (t.regions = ['cn-hangzhou']), /^topology\.regions: \["cn-hangzhou"\] is not a known field; use one of org, platform, hub/],
  [
    'instance class outside the closed set',
    (t) => (unit(t, 't2').sizing.database.instanceClass = 'mysql.x8.huge'),
    /^units\.t2\.sizing\.database\.instanceClass: "mysql\.x8\.huge" is not allowed; use one of mysql\.n2\.medium\.2c/,
  ],
  [
    'backup retention below 7 days',
    (t) => (unit(t, 't2').sizing.database.backupRetentionDays = 3),
    /^units\.t2\.sizing\.database\.backupRetentionDays: 3 is not a whole number from 7 to 730; RDS keeps backups 7 to 730 days/,
  ],
  [
    'SQL audit kept under 180 days',
    (t) => (unit(t, 't1').sizing.database.auditRetentionDays = 30),
    /^units\.t1\.sizing\.database\.auditRetentionDays: 30 is not an RDS SQL-audit retention period of at least 180 days; use one of 180, 365, 1095, 1825/,
  ],
  [
    'missing HTTPS certificate',
    (t) => delete t.platform.certificates.international,
    /^units\.t2\.ingress\.certificateId: is missing and platform\.certificates\.international is not set; upload the HTTPS certificate to Certificate Management Service and give its id/,
  ],
  [
    'malformed certificate id',
    (t) => (unit(t, 't1').ingress = { certificateId: 'my-cert' }),
    /^units\.t1\.ingress\.certificateId: "my-cert" is not valid; give the Certificate Management Service id/,
  ],
  ['unit without replication', (t) => delete unit(t, 't2').replication, /^units\.t2\.replication: is missing; declare \{ enabled: false \}/],
  ['flows missing', (t) => delete t.flows, /^flows: is missing; declare the cross-unit service flows/],
  [
    'hostname routed to an undeclared unit',
    (t) => (t.access.hostnames.t9 = 't9'),
    /^access\.hostnames\.t9: "t9" routes to a unit that is not declared; route it to one of the declared units: t1, t2/,
  ],
  ['DNS TTL above 3600', (t) => (t.access.dnsTtlSeconds = 7200), /^access\.dnsTtlSeconds: 7200 is not a whole number from 1 to 3600/],
  [
    'missing cross-border choice',
    (t) => delete t.access.crossBorder,
    /^access\.crossBorder: is required: access point sin outside mainland China routes to mainland unit t1; choose \{ billing: "cdt" \}.*or \{ billing: "bandwidth-package"/,
  ],
  ['unknown state backend', (t) => (t.stateBackend = { kind: 's3' }), /^stateBackend\.kind: "s3" is not allowed; use \{ kind: "local" \} or \{ kind: "oss" \}/],
  ['bad country code', (t) => (unit(t, 't2').country = 'Japan'), /^units\.t2\.country: "Japan" is not valid; use the ISO 3166-1 alpha-2 code/],
];

describe('validateTopology rejects bad input', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    const problems = topologyProblems(t as TopologyDeclaration);
    // arrayContaining prints every problem found when the expected one is missing
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('reports every problem at once, in one error', () => {
    const t = base();
    unit(t, 't2').region = 'ap-southeast-9';
    unit(t, 't1').network.vpcCidr = 'not-a-cidr';
    t.replication.allowlist.push('messages');
    let error: unknown;
    try {
      validateTopology(t);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopologyError);
    const problems = (error as TopologyError).problems;
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect((error as Error).message).toMatch(/^the topology declaration has \d+ problems:\n {2}- /);
    expect((error as Error).message).toContain('units.t2.region');
    expect((error as Error).message).toContain('units.t1.network.vpcCidr');
    expect((error as Error).message).toContain('replication.allowlist[3]');
  });

  it('rejects before any stack is built', () => {
    const t = base();
    unit(t, 't2').network.vpcCidr = '10.11.0.0/16';
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written' })).toThrow(TopologyError);
  });
});
