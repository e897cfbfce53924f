/**
 * Operations: alarm contacts and their channels, alarms from the metric catalog, encryption choices and the declared
 * placeholders. Validation runs on the fixture broken one field at a time; the output on one synthesis of the
 * four-unit fixture (t3 has a DingTalk-only contact of its own and TDE on the service key, t4 a KMS instance) and one
 * of the shipped declaration, whose every alarm is checked against the catalog.
 */
import * as fs from 'fs';
import * as path from 'path';
import { METRICS, metricByName } from '../lib/facts/metrics';
import { geographicSpanId } from '../lib/facts/cen';
import { UNIT_ALARMS } from '../lib/topology/alarms';
import { topologyProblems } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { factsHolding, missingFacts } from './helpers/facts';
import { modelOf, resourcesOf, synthTopology } from './helpers/synth';
import { fixtureTopology, type Mutable, mutableFixture as base, unitIn as unit } from './fixtures/topology';

const cases: [string, (t: Mutable) => void, string | RegExp][] = [
  [
    'no encryption choice',
    (t) => delete unit(t, 't1').encryption,
    'units.t1.encryption: is missing: where the unit key lives and which key TDE uses are decided before the first deploy; declare { keyStore: "default-key" | "kms-instance", kmsInstanceId?: "kst-..." (with kms-instance), tde: "unit-key" | "service-key" } (docs/unit.md, "Keys and TDE")',
  ],
  ['no TDE choice', (t) => delete unit(t, 't1').encryption.tde, 'units.t1.encryption.tde: is missing; use one of unit-key, service-key'],
  ['no key store', (t) => delete unit(t, 't1').encryption.keyStore, 'units.t1.encryption.keyStore: is missing; use one of default-key, kms-instance'],
  [
    'a KMS instance without its id',
    (t) => (unit(t, 't1').encryption = { keyStore: 'kms-instance', tde: 'unit-key' }),
    'units.t1.encryption.kmsInstanceId: is missing; give the id of a KMS instance in cn-shanghai (kst-...)',
  ],
  [
    'a KMS instance id with a default key',
    (t) => (unit(t, 't1').encryption = { keyStore: 'default-key', kmsInstanceId: 'kst-sha65a1b2c3d4', tde: 'unit-key' }),
    'units.t1.encryption.kmsInstanceId: "kst-sha65a1b2c3d4" is only used with keyStore "kms-instance" (keyStore is "default-key"); set keyStore: "kms-instance" to keep the key in that instance, or remove kmsInstanceId',
  ],
  [
    'mail only: nothing arrives before activation',
    (t) => (unit(t, 't1').monitoring.contacts = [{ role: 'oncall', email: 'oncall-t1@fixture.example.net' }]),
    /^units\.t1\.monitoring\.contacts: has no channel that needs no activation: .*; set dingTalk: true on a contact/,
  ],
  [
    'one channel only',
    (t) => (unit(t, 't1').monitoring.contacts = [{ role: 'oncall', dingTalk: true }]),
    'units.t1.monitoring.contacts: reach 1 channel; declare at least two channels (e.g. a team mailbox and a DingTalk group robot), so one failing channel does not silence the alarms',
  ],
  [
    'a contact without a channel',
    (t) => unit(t, 't1').monitoring.contacts.push({ role: 'dba' }),
    'units.t1.monitoring.contacts[1]: has no channel; give it an email, dingTalk: true, or both (CloudMonitor needs at least one channel per contact)',
  ],
  [
    'two contacts with one role',
    (t) => unit(t, 't1').monitoring.contacts.push({ role: 'oncall', email: 'other@fixture.example.net' }),
    'units.t1.monitoring.contacts[1].role: "oncall" is listed twice; give each contact of the unit its own role: the role names the contact',
  ],
  [
    'the old contact shape',
    (t) => (unit(t, 't1').monitoring = { contactGroup: 'fx-t1-oncall', contacts: [{ name: 'oncall-t1', email: 'oncall-t1@fixture.example.net' }] }),
    'units.t1.monitoring.contacts[0].role: is missing; name the role in 2-16 lower-case letters, digits or underscores, e.g. "oncall" or "dba"',
  ],
  [
    'a contact name CloudMonitor refuses',
    (t) => (unit(t, 't1').monitoring.contacts[0].name = 'oncall-t1'),
    'units.t1.monitoring.contacts[0].name: "oncall-t1" may contain only letters, digits, periods and underscores, starting with a letter; or leave name out to derive <org>_<unit>_<role>',
  ],
  [
    'a derived contact name past 40 characters',
    (t) => {
      t.org.prefix = 'averyveryverylongprefix1';
      unit(t, 't1').monitoring.contacts[0].role = 'platform_oncall1';
    },
    'units.t1.monitoring.contacts[0].role: "averyveryverylongprefix1_t1_platform_oncall1" (the derived contact name) is 44 characters; cmsContact names take 2-40; shorten the role, or declare name',
  ],
  [
    'a contact group two units share (issue #13)',
    (t) => {
      unit(t, 't1').monitoring.contactGroup = 'platform_oncall';
      unit(t, 't2').monitoring.contactGroup = 'platform_oncall';
    },
    'units.t2.monitoring.contactGroup: "platform_oncall" is also the contact group of units.t1: contact groups are account-wide, two units would fight over one; give each unit its own group, or leave contactGroup out to derive <org>_<unit>_oncall',
  ],
  [
    'a contact name two units share (issue #13)',
    (t) => (unit(t, 't2').monitoring.contacts[0].name = 'fx_t1_oncall'),
    'units.t2.monitoring.contacts[0].name: "fx_t1_oncall" is also the contact name of units.t1.monitoring.contacts[0]: contacts are account-wide, two declarations would fight over one; give each contact its own name, or leave name out to derive <org>_<unit>_<role>',
  ],
  [
    'a statistic the ALB metric lacks',
    (t) => (unit(t, 't1').monitoring.alarms = { 'alb-5xx': { statistic: 'Average' } }),
    'units.t1.monitoring.alarms.alb-5xx.statistic: "Average" is not a statistic of the metric: acs_alb LoadBalancerHTTPCode5XX offers only Value; use one of Value',
  ],
  [
    'an alarm the package does not have',
    (t) => (unit(t, 't1').monitoring.alarms = { 'disk-full': { threshold: 90 } }),
    /^units\.t1\.monitoring\.alarms\.disk-full: \{"threshold":90\} is not a known field; use one of alb-5xx, alb-unhealthy-hosts/,
  ],
  [
    'a threshold that is not a number',
    (t) => (unit(t, 't1').monitoring.alarms = { 'rds-cpu': { threshold: '90' } }),
    'units.t1.monitoring.alarms.rds-cpu.threshold: "90" is not a number; give the threshold in %',
  ],
  [
    'a placeholder path that names nothing',
    (t) => (t.placeholders = ['platform.appImagName']),
    'placeholders[0]: "platform.appImagName" names no field of the declaration; name a field that exists (check the spelling), or remove the entry',
  ],
  [
    "a unit's placeholder listed in the shared declaration",
    (t) => (t.placeholders = ['units.t1.name']),
    'placeholders[0]: "units.t1.name" cannot be a placeholder here; list a unit\'s placeholders in that unit\'s own placeholders, relative to the unit',
  ],
  [
    'a unit placeholder path that names nothing',
    (t) => (unit(t, 't2').placeholders = ['residency.legalBasis.reference']),
    'units.t2.placeholders[0]: "residency.legalBasis.reference" names no field of the declaration; name a field that exists (check the spelling), or remove the entry',
  ],
  ['a malformed placeholder path', (t) => (t.placeholders = ['org..prefix']), /^placeholders\[0\]: "org\.\.prefix" is not a field path/],
  ['a placeholder listed twice', (t) => (t.placeholders = ['org.prefix', 'org.prefix']), 'placeholders[1]: "org.prefix" is listed twice; list each field once'],
];

describe('operations validation rejects bad input naming the field, the value and the fix', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    const problems = topologyProblems(t as TopologyDeclaration);
    expect(problems).toEqual(expect.arrayContaining([typeof expected === 'string' ? expected : expect.stringMatching(expected)]));
  });

  it('accepts overrides within the catalog and declared placeholder paths that exist', () => {
    const t = base();
    unit(t, 't1').monitoring.alarms = { 'redis-memory': { statistic: 'Maximum', threshold: 90, times: 2 } };
    t.placeholders = ['org.prefix', 'flows.chat-t1-t2.legalBasis.reference', 'access.hostnames.oa'];
    unit(t, 't2').placeholders = ['monitoring.contacts[0].email'];
    expect(topologyProblems(t)).toEqual([]);
  });
});

describe('the metric catalog', () => {
  it('gives every metric its source, dimensions and statistics; what is not confirmed says how to confirm it', () => {
    for (const [key, m] of Object.entries(METRICS) as [
      string,
      { source: string; statistics: readonly string[]; dimensions: readonly string[]; unconfirmed?: string },
    ][]) {
      expect([key, m.source]).toEqual([key, expect.stringMatching(/^https:\/\//)]);
      expect(m.statistics.length).toBeGreaterThan(0);
      expect(m.dimensions.length).toBeGreaterThan(0);
      if (m.unconfirmed) expect(m.unconfirmed).toMatch(/DescribeMetricMetaList/);
    }
    expect(METRICS['ga-endpoint-probe-loss'].unconfirmed).toMatch(/no GA endpoint-group health metric/);
  });

  it('every default alarm uses a statistic its metric offers', () => {
    for (const rule of Object.values(UNIT_ALARMS)) expect(METRICS[rule.metric].statistics).toContain(rule.statistic);
  });

  it('spells CEN spans China first, as DescribeCenGeographicSpans does', () => {
    expect(geographicSpanId('China', 'Asia-Pacific')).toBe('china_asia-pacific');
    expect(geographicSpanId('Asia-Pacific', 'China')).toBe('china_asia-pacific');
    expect(geographicSpanId('Europe', 'China')).toBe('china_europe');
    expect(() => geographicSpanId('Mars', 'China')).toThrow(/unknown CEN geographic region Mars/);
  });
});

describe('the output of the four-unit fixture', () => {
  const four = fixtureTopology(['t1', 't2', 't3', 't4'], (t) => {
    unit(t, 't2').monitoring.alarms = { 'rds-cpu': { threshold: 70, statistic: 'Maximum', times: 5 } };
  });
  const { stacks, built } = synthTopology(four);
  const { model } = built;

  it('takes a declared alarm override, and the defaults elsewhere', () => {
    const cpu = (id: string) => Object.values<any>(resourcesOf(stacks[`unit-${id}`], 'alicloud_cms_alarm')).find((a) => a.metric === 'CpuUsage');
    expect(cpu('t2').escalations_critical).toEqual({ statistics: 'Maximum', threshold: '70', comparison_operator: '>=', times: 5 });
    expect(cpu('t1').escalations_critical).toEqual({ statistics: 'Average', threshold: '80', comparison_operator: '>=', times: 3 });
  });

  it('gives a DingTalk-only contact no mailbox, in its own language, and one webhook variable per DingTalk contact', () => {
    const t3 = stacks['unit-t3'];
    const contacts = Object.values<any>(resourcesOf(t3, 'alicloud_cms_alarm_contact'));
    expect(contacts.map((c) => [c.alarm_contact_name, c.channels_mail, c.channels_ding_web_hook, c.lang]).sort()).toEqual([
      ['fx_t3_dba', undefined, '${var.dingtalk_webhook_t3_dba}', 'zh-cn'],
      ['fx_t3_oncall', 'oncall-t3@fixture.example.net', undefined, 'en'],
    ]);
    expect(Object.keys(t3.variable)).toEqual(['dingtalk_webhook_t3_dba']);
    expect(only(t3, 'alicloud_cms_alarm_contact_group').contacts).toHaveLength(2);
  });

  it('uses the service key for TDE where declared, and then looks for no RDS role', () => {
    expect(only(stacks['unit-t3'], 'alicloud_db_instance').tde_encryption_key).toBeUndefined();
    expect(stacks['unit-t3'].data.alicloud_ram_roles).toBeUndefined();
    expect(only(stacks['unit-t1'], 'alicloud_db_instance').tde_encryption_key).toMatch(/^\$\{alicloud_kms_key\..*\.id\}$/);
  });

  it('creates the key in the declared KMS instance, after checking at plan time that the instance exists', () => {
    expect(only(stacks['unit-t4'], 'alicloud_kms_key').dkms_instance_id).toBe('kst-kul65a1b2c3d4e5f');
    const [check] = Object.values<any>(stacks['unit-t4'].data.alicloud_kms_instances);
    expect(check.ids).toEqual(['kst-kul65a1b2c3d4e5f']);
    expect(check.lifecycle.postcondition[0].error_message).toMatch(
      /^units\.t4\.encryption\.kmsInstanceId: KMS instance kst-kul65a1b2c3d4e5f does not exist in ap-southeast-3/,
    );
    expect(stacks['unit-t1'].data.alicloud_kms_instances).toBeUndefined();
  });

  it('alarms on every DTS job, to the destination unit, with the threshold in milliseconds', () => {
    const alarms = Object.values<any>(resourcesOf(stacks.link, 'alicloud_cms_alarm')).filter((a) => a.project === 'acs_dts');
    expect(alarms).toHaveLength(model.replication.jobs.length);
    for (const job of model.replication.jobs) {
      const a = alarms.find((x) => x.name === `fx-${job.key}-dts-latency`);
      expect(a).toMatchObject({
        metric: 'SynchronizationLatency',
        contact_groups: [model.unitsById[job.destination.unitId].monitoring.contactGroup],
        escalations_critical: { statistics: 'Average', threshold: String(job.delayAlertSeconds * 1000) },
      });
    }
  });

  it('alarms on the bandwidth use of every CEN connection, each direction, paging both units', () => {
    const alarms = Object.values<any>(resourcesOf(stacks.link, 'alicloud_cms_alarm')).filter((a) => a.project === 'acs_cen');
    expect(alarms).toHaveLength(2 * model.interconnect.peers.length);
    const t1t3 = alarms.filter((a) => a.name.startsWith('fx-t1-t3-cen-out-of-'));
    expect(t1t3.map((a) => JSON.parse(a.metric_dimensions)[0])).toEqual([
      {
        cenId: expect.stringMatching(/^\$\{alicloud_cen_instance\./),
        geographicSpanId: 'china_europe',
        localRegionId: 'cn-shanghai',
        oppositeRegionId: 'eu-central-1',
      },
      {
        cenId: expect.stringMatching(/^\$\{alicloud_cen_instance\./),
        geographicSpanId: 'china_europe',
        localRegionId: 'eu-central-1',
        oppositeRegionId: 'cn-shanghai',
      },
    ]);
    for (const a of t1t3) {
      expect(a.contact_groups).toEqual(['fx_t1_oncall', 'fx_t3_oncall']);
      expect(a.escalations_critical.statistics).toBe('Value');
    }
  });

  it("alarms on GA's probes of every endpoint group from every access point, to the unit behind it", () => {
    const alarms = Object.values<any>(resourcesOf(stacks.accel, 'alicloud_cms_alarm'));
    const groups = Object.keys(resourcesOf(stacks.accel, 'alicloud_ga_endpoint_group'));
    expect(alarms).toHaveLength(groups.length * model.access.accessPoints.length);
    const t2 = alarms.find((a) => a.name === 'fx-ga-t2-from-sin-probe-loss');
    expect(t2.contact_groups).toEqual(['fx_t2_oncall']);
    expect(JSON.parse(t2.metric_dimensions)[0]).toMatchObject({
      regionId: 'ap-southeast-1',
      endpointGroupId: expect.stringContaining('alicloud_ga_endpoint_group.'),
    });
  });

  function only(stack: Record<string, any>, type: string): any {
    const all = Object.values(resourcesOf(stack, type));
    expect(all).toHaveLength(1);
    return all[0];
  }
});

describe('every alarm of the shipped declaration', () => {
  const { stacks } = synthTopology(loadTopology());
  const alarms = Object.entries(stacks).flatMap(([stack, s]) => Object.values<any>(resourcesOf(s, 'alicloud_cms_alarm')).map((a) => [stack, a] as const));

  it('names a catalog metric, every one of its dimensions, and a statistic it offers; no acs_alb alarm uses anything but Value', () => {
    expect(alarms.length).toBeGreaterThan(10);
    for (const [stack, a] of alarms) {
      const fact = metricByName(a.project, a.metric);
      expect([stack, a.name, fact === undefined]).toEqual([stack, a.name, false]);
      expect([a.name, fact!.statistics.includes(a.escalations_critical.statistics)]).toEqual([a.name, true]);
      expect([a.name, Object.keys(JSON.parse(a.metric_dimensions)[0]).sort()]).toEqual([a.name, [...fact!.dimensions].sort()]);
      if (a.project === 'acs_alb') expect(a.escalations_critical.statistics).toBe('Value');
    }
  });
});

describe('the facts of the shipped declaration (test/fixtures/facts/shipped.json)', () => {
  it('cover every fact its plan-time checks ask for, so the stand-in plan of the shipped output passes', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'facts', 'shipped.json'), 'utf8'));
    expect(missingFacts(factsHolding(modelOf(loadTopology())), shipped)).toEqual([]);
  });

  it('come with a stand-in webhook for every DingTalk contact (test/fixtures/facts/shipped.env)', () => {
    const env = fs.readFileSync(path.join(__dirname, 'fixtures', 'facts', 'shipped.env'), 'utf8');
    const declared = [...env.matchAll(/^TF_VAR_(\w+)=https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[A-Za-z0-9]+$/gm)].map((m) => m[1]);
    const model = modelOf(loadTopology());
    const needed = model.units.flatMap((u) => u.monitoring.contacts.flatMap((c) => (c.dingTalkVariable ? [c.dingTalkVariable] : [])));
    expect(declared.sort()).toEqual(needed.sort());
  });
});
