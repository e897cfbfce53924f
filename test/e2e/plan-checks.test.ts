/**
 * Every plan-time check under the real `terraform plan`, with the stand-in provider answering the data sources
 * (../shared/tools/tfmock, TFMOCK_DATA_FILE). The shipped declaration plans clean with the facts kept in
 * test/fixtures/facts/shipped.json (and the stand-in DingTalk webhooks of shipped.env); with one fact taken away, the
 * plan of the stack that relies on it fails, and its only errors are the check's message naming the declaration
 * field. Checks the shipped declaration does not use (a KMS instance, a declared image id) run on the fixture.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadTopology } from '../../stacks/topology';
import { fixtureTopology, unitIn } from '../fixtures/topology';
import { factsHolding, type Facts } from '../helpers/facts';
import { synthTopology } from '../helpers/synth';
import { plan, PROJECT_ROOT, readEnvFile, standIn } from './helpers/stand-in';

const available = standIn();
if (!available.ok) process.stdout.write(`plan-checks: skipped: ${available.missing}\n`);
const describeIf = available.ok ? describe : describe.skip;

const FACTS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'facts');
const shippedFacts = (): Facts => JSON.parse(fs.readFileSync(path.join(FACTS, 'shipped.json'), 'utf8'));
const shippedVars = readEnvFile(path.join(FACTS, 'shipped.env'));

type Change = (facts: any) => void;
const without = <T>(list: T[], drop: (x: T) => boolean): T[] => list.filter((x) => !drop(x));

/** One fact taken away: the stack whose plan must fail, and the message(s) of its errors. */
const cases: [name: string, stack: string, change: Change, expected: RegExp, count?: number][] = [
  [
    'the app image is missing in the region',
    'unit-cn',
    (f) => {
      f.alicloud_images.images = [];
      f.alicloud_images.ids = [];
    },
    /^platform\.appImageName: no available image named acme-collab-app-2026\.11 owned by this account in cn-hangzhou; /,
  ],
  [
    "the unit ALB's certificate is not in Certificate Management Service",
    'unit-cn',
    (f) => {
      const c = f.alicloud_ssl_certificates_service_certificates;
      c.certificates = without(c.certificates, (x: any) => x.id === '14520011');
      c.ids = without(c.ids, (x: string) => x === '14520011');
    },
    /^platform\.certificates\.mainland: certificate 14520011-cn-hangzhou \(the HTTPS listener of unit cn's ALB\) is not in Certificate Management Service/,
  ],
  [
    "the unit ALB's certificate has expired",
    'unit-sg',
    (f) => (f.alicloud_ssl_certificates_service_certificates.certificates.find((x: any) => x.id === '14520012').expired = true),
    /^platform\.certificates\.international: certificate 14520012-ap-southeast-1 .* has expired/,
  ],
  [
    "the unit ALB's certificate does not cover the access domain",
    'unit-cn',
    (f) =>
      Object.assign(
        f.alicloud_ssl_certificates_service_certificates.certificates.find((x: any) => x.id === '14520011'),
        { common: 'www.acme.test', sans: '' },
      ),
    /^platform\.certificates\.mainland: certificate 14520011-cn-hangzhou .* does not cover \*\.collab\.example\.com/,
  ],
  [
    'the RDS class is not offered',
    'unit-sg',
    (f) =>
      (f.alicloud_db_instance_classes.instance_classes = without(
        f.alicloud_db_instance_classes.instance_classes,
        (c: any) => c.instance_class === 'mysql.n2.medium.2c',
      )),
    /^units\.sg\.sizing\.database\.instanceClass: mysql\.n2\.medium\.2c is not offered for MySQL 8\.0 HighAvailability cloud_essd pay-as-you-go in ap-southeast-1[bc] \(units\.sg\.zones\[[01]\]\); choose one of the classes listed by data\.alicloud_db_instance_classes: mysql\.n4\.large\.2c$/,
    2,
  ],
  [
    "the declared storage is outside the class's range",
    'unit-cn',
    (f) => (f.alicloud_db_instance_classes.instance_classes.find((c: any) => c.instance_class === 'mysql.n4.large.2c').storage_range.max = '400'),
    /^units\.cn\.sizing\.database\.storageGb: 500 GB is outside the storage range of mysql\.n4\.large\.2c/,
  ],
  [
    'a zone offers no RDS of this kind',
    'unit-sg',
    (f) => (f.alicloud_db_zones.ids = without(f.alicloud_db_zones.ids, (z: string) => z === 'ap-southeast-1c')),
    /^units\.sg\.zones\[1\]: ap-southeast-1c offers no MySQL 8\.0 HighAvailability cloud_essd pay-as-you-go RDS instance in ap-southeast-1; /,
  ],
  [
    'the ECS type is sold out in a zone',
    'unit-cn',
    (f) => (f.alicloud_instance_types.instance_types.find((t: any) => t.id === 'ecs.g7.xlarge').availability_zones = ['cn-hangzhou-h']),
    /^units\.cn\.sizing\.app\.instanceType: ecs\.g7\.xlarge is not sold pay-as-you-go with an ESSD system disk in cn-hangzhou-i \(units\.cn\.zones\[1\]\)/,
  ],
  [
    'the Redis class is not offered',
    'unit-sg',
    (f) => (f.alicloud_kvstore_instance_classes.instance_classes = ['redis.shard.mid.2.ce']),
    /^units\.sg\.sizing\.cache\.instanceClass: redis\.shard\.small\.2\.ce is not offered for Redis 7\.0 pay-as-you-go in ap-southeast-1[bc] \(units\.sg\.zones\[[01]\]\)/,
    2,
  ],
  [
    'a zone offers no Redis',
    'unit-cn',
    (f) => (f.alicloud_kvstore_zones.ids = without(f.alicloud_kvstore_zones.ids, (z: string) => z === 'cn-hangzhou-h')),
    /^units\.cn\.zones\[0\]: cn-hangzhou-h offers no pay-as-you-go Redis in cn-hangzhou; /,
  ],
  [
    'the RDS encryption role TDE with the unit key needs is missing',
    'unit-cn',
    (f) => {
      f.alicloud_ram_roles.roles = [];
      f.alicloud_ram_roles.ids = [];
      f.alicloud_ram_roles.names = [];
    },
    /^units\.cn\.encryption\.tde: "unit-key" needs the RAM role AliyunRDSInstanceEncryptionDefaultRole, which this account does not have; /,
  ],
  [
    'a zone is not a transit-router zone',
    'link',
    (f) => (f.alicloud_cen_transit_router_available_resources.resources[0].available_zones = ['cn-hangzhou-h', 'cn-hangzhou-i', 'ap-southeast-1c']),
    /^units\.sg\.zones\[0\]: ap-southeast-1b is not a transit-router zone of ap-southeast-1, so the VPC attachment of unit sg cannot use it; /,
  ],
  [
    "the GA listener's certificate is not in Certificate Management Service",
    'accel',
    (f) => {
      const c = f.alicloud_ssl_certificates_service_certificates;
      c.certificates = without(c.certificates, (x: any) => x.id === '14520013');
      c.ids = without(c.ids, (x: string) => x === '14520013');
    },
    /^access\.listener\.certificateId: certificate 14520013-cn-hangzhou \(the GA HTTPS listener\) is not in Certificate Management Service/,
  ],
  [
    'the DNS domain is not in Alibaba Cloud DNS',
    'accel',
    (f) => {
      f.alicloud_alidns_domains.ids = [];
      f.alicloud_alidns_domains.names = [];
      f.alicloud_alidns_domains.domains = [];
    },
    /^access\.domain: collab\.example\.com is not a domain of this account in Alibaba Cloud DNS/,
  ],
];

describeIf('plan-time checks of the shipped declaration, under terraform plan with the stand-in provider', () => {
  // Synthesized only where the plans run (a skipped describe still evaluates its body).
  const outdir = available.ok ? synthTopology(loadTopology()).outdir : '';
  const stack = (name: string) => path.join(outdir, 'stacks', name);
  const stacks = outdir ? fs.readdirSync(path.join(outdir, 'stacks')).sort() : [];

  it('plans every stack clean with the facts of the shipped declaration', () => {
    const r = plan(
      stacks.map((s) => stack(s)),
      shippedFacts(),
      shippedVars,
    );
    expect([r.status, r.errors]).toEqual([0, []]);
    for (const s of stacks) expect(r.output).toMatch(new RegExp(`^${s}: Plan: \\d+ to add`, 'm'));
    // Every fact is used by some data source of the stacks.
    expect(r.output).not.toMatch(/applies to no data source/);
  });

  it.each(cases)('fails, naming the field, when %s', (_name, name, change, expected, count = 1) => {
    const facts = shippedFacts();
    change(facts);
    const r = plan([stack(name)], facts, shippedVars);
    expect(r.status).toBe(1);
    expect(r.errors).toEqual(Array(count).fill(expect.stringMatching(expected)));
  });

  it('fails, naming the contact and the variable, without the DingTalk webhook', () => {
    const r = plan([stack('unit-sg')], shippedFacts(), { TF_VAR_dingtalk_webhook_cn_oncall: shippedVars.TF_VAR_dingtalk_webhook_cn_oncall });
    expect(r.status).toBe(1);
    expect(r.errors).toEqual([
      'units.sg.monitoring.contacts[0].dingTalk: the DingTalk robot webhook of contact acme_sg_oncall is not set; export TF_VAR_dingtalk_webhook_sg_oncall=<the robot\'s webhook URL> before planning or deploying (docs/operations.md, "Alarm contacts")',
    ]);
  });

  it('fails on a webhook that is not a DingTalk robot URL, without printing the value (a secret)', () => {
    const secret = 'https://hooks.example.test/not-dingtalk?token=s3cr3t-t0ken';
    const r = plan([stack('unit-cn')], shippedFacts(), { TF_VAR_dingtalk_webhook_cn_oncall: secret });
    expect(r.errors).toEqual([
      expect.stringMatching(/^units\.cn\.monitoring\.contacts\[0\]\.dingTalk: TF_VAR_dingtalk_webhook_cn_oncall is not a DingTalk robot webhook/),
    ]);
    expect(r.output).not.toContain('s3cr3t-t0ken');
  });
});

describeIf('plan-time checks only a fixture declares, under terraform plan with the stand-in provider', () => {
  // t4 keeps its key in a KMS instance; here it also declares its image by id.
  const topology = fixtureTopology(['t1', 't4'], (t) => (unitIn(t, 't4').sizing.app.imageId = 'm-kul0a1b2c3d4e5f6'));
  const synth = available.ok ? synthTopology(topology) : undefined;
  const t4 = synth ? path.join(synth.outdir, 'stacks', 'unit-t4') : '';
  const vars = { TF_VAR_dingtalk_webhook_t4_oncall: shippedVars.TF_VAR_dingtalk_webhook_cn_oncall };
  const facts = () => factsHolding(synth!.built.model) as any;

  it('plans clean when the KMS instance and the declared image exist', () => {
    const r = plan([t4], facts(), vars);
    expect([r.status, r.errors]).toEqual([0, []]);
  });

  it('fails, naming the field, when the KMS instance does not exist', () => {
    const f = facts();
    f.alicloud_kms_instances = { ids: [], instances: [] };
    const r = plan([t4], f, vars);
    expect(r.errors).toEqual([
      expect.stringMatching(/^units\.t4\.encryption\.kmsInstanceId: KMS instance kst-kul65a1b2c3d4e5f does not exist in ap-southeast-3 for this account; /),
    ]);
  });

  it('fails, naming the field, when the declared image is not available', () => {
    const f = facts();
    f.alicloud_images = { images: [], ids: [] };
    const r = plan([t4], f, vars);
    expect(r.errors).toEqual([
      expect.stringMatching(/^units\.t4\.sizing\.app\.imageId: image m-kul0a1b2c3d4e5f6 is not available to this account in ap-southeast-3; /),
    ]);
  });
});
