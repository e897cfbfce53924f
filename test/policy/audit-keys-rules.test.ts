import { Fn, type TerraformStack } from 'cdktf';
import { ActiontrailTrail, type ActiontrailTrailConfig } from '../../.gen/providers/alicloud/actiontrail-trail';
import { KmsKey, type KmsKeyConfig } from '../../.gen/providers/alicloud/kms-key';
import { LogStore } from '../../.gen/providers/alicloud/log-store';
import { OssBucket } from '../../.gen/providers/alicloud/oss-bucket';
import { RamPolicy } from '../../.gen/providers/alicloud/ram-policy';
import { Vpc } from '../../.gen/providers/alicloud/vpc';
import { VpcFlowLog } from '../../.gen/providers/alicloud/vpc-flow-log';
import { describeRuleFamily, type RuleCase, unitOf } from './harness';

const key = (overrides: Partial<KmsKeyConfig>) => (stack: TerraformStack) =>
  new KmsKey(stack, 'key', { automaticRotation: 'Enabled', rotationInterval: '31536000s', deletionProtection: 'Enabled', ...overrides });

const t1 = unitOf('t1');
const trail = (overrides: Partial<ActiontrailTrailConfig>) => (stack: TerraformStack) =>
  new ActiontrailTrail(stack, 'trail', {
    trailName: 'fx-t1-trail',
    eventRw: 'All',
    trailRegion: 'All',
    slsProjectArn: `acs:log:${t1.region}:1234567890:project/fx-t1-logs`,
    slsWriteRoleArn: 'acs:ram::1234567890:role/aliyunactiontraildefaultrole',
    ...overrides,
  });
const inUnit = { stackName: 'unit-t1' };

const flowLogged = (resourceType: string) => (stack: TerraformStack) => {
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'fx-t1-vpc', cidrBlock: t1.network.vpcCidr });
  new VpcFlowLog(stack, 'flow-log', { resourceId: vpc.id, resourceType, trafficType: 'All', projectName: 'fx-t1-logs', logStoreName: 'flow' });
};

const policy = (document: object | string) => (stack: TerraformStack) =>
  new RamPolicy(stack, 'policy', { policyName: 'p', policyDocument: typeof document === 'string' ? document : JSON.stringify(document) });
/** A policy document built with Fn.jsonencode around a bucket reference, as constructs write them. */
const encoded = (actions: string[], scoped: boolean) => (stack: TerraformStack) => {
  const bucket = new OssBucket(stack, 'bucket', { bucket: 'fx-t1-files' });
  const Resource = scoped ? [`acs:oss:*:*:${bucket.bucket}/*`] : ['*'];
  new RamPolicy(stack, 'policy', {
    policyName: 'p',
    policyDocument: Fn.jsonencode({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: actions, Resource },
        { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [`acs:kms:*:*:key/${bucket.id}`] },
      ],
    }),
  });
};
const statement = (Action: unknown, Resource: unknown, Effect = 'Allow') => ({ Version: '1', Statement: [{ Effect, Action, Resource }] });

const cases: RuleCase[] = [
  { rule: 'ALI-KMS-1', name: 'rotation Enabled', build: key({}), resource: 'key', expected: 'Compliant' },
  { rule: 'ALI-KMS-1', name: 'rotation unset', build: key({ automaticRotation: undefined }), resource: 'key', expected: 'Non-Compliant' },
  { rule: 'ALI-KMS-2', name: 'deletion protection Enabled', build: key({}), resource: 'key', expected: 'Compliant' },
  { rule: 'ALI-KMS-2', name: 'deletion protection Disabled', build: key({ deletionProtection: 'Disabled' }), resource: 'key', expected: 'Non-Compliant' },
  { rule: 'ALI-TRAIL-1', name: 'all events', build: trail({}), resource: 'trail', expected: 'Compliant' },
  { rule: 'ALI-TRAIL-1', name: 'writes only', build: trail({ eventRw: 'Write' }), resource: 'trail', expected: 'Non-Compliant' },
  { rule: 'ALI-TRAIL-2', name: 'all regions', build: trail({}), resource: 'trail', expected: 'Compliant' },
  { rule: 'ALI-TRAIL-2', name: "the unit's own region", build: trail({ trailRegion: t1.region }), resource: 'trail', expected: 'Compliant', stack: inUnit },
  {
    rule: 'ALI-TRAIL-2',
    name: "another unit's region",
    build: trail({ trailRegion: unitOf('t2').region }),
    resource: 'trail',
    expected: 'Non-Compliant',
    stack: inUnit,
  },
  { rule: 'ALI-TRAIL-2', name: 'region unset', build: trail({ trailRegion: undefined }), resource: 'trail', expected: 'Non-Compliant' },
  { rule: 'ALI-TRAIL-3', name: "the unit's log project", build: trail({}), resource: 'trail', expected: 'Compliant', stack: inUnit },
  {
    rule: 'ALI-TRAIL-3',
    name: "a log project in another unit's region",
    build: trail({ slsProjectArn: `acs:log:${unitOf('t2').region}:1234567890:project/fx-t2-logs` }),
    resource: 'trail',
    expected: 'Non-Compliant',
    stack: inUnit,
  },
  { rule: 'ALI-TRAIL-3', name: 'no log project', build: trail({ slsProjectArn: undefined }), resource: 'trail', expected: 'Non-Compliant' },
  {
    rule: 'ALI-SLS-1',
    name: '180 days',
    build: (s) => new LogStore(s, 'store', { projectName: 'p', logstoreName: 's', retentionPeriod: 180 }),
    resource: 'store',
    expected: 'Compliant',
  },
  {
    rule: 'ALI-SLS-1',
    name: 'the default 30 days',
    build: (s) => new LogStore(s, 'store', { projectName: 'p', logstoreName: 's' }),
    resource: 'store',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-SLS-1',
    name: '90 days',
    build: (s) => new LogStore(s, 'store', { projectName: 'p', logstoreName: 's', retentionPeriod: 90 }),
    resource: 'store',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-VPC-1', name: 'a VPC flow log', build: flowLogged('VPC'), resource: 'vpc', expected: 'Compliant' },
  { rule: 'ALI-VPC-1', name: 'no flow log', build: (s) => new Vpc(s, 'vpc', { cidrBlock: t1.network.vpcCidr }), resource: 'vpc', expected: 'Non-Compliant' },
  {
    rule: 'ALI-RAM-1',
    name: 'scoped actions',
    build: policy(statement(['oss:GetObject'], ['acs:oss:*:*:fx-t1-files/*'])),
    resource: 'policy',
    expected: 'Compliant',
  },
  { rule: 'ALI-RAM-1', name: 'deny everything', build: policy(statement('*', '*', 'Deny')), resource: 'policy', expected: 'Compliant' },
  { rule: 'ALI-RAM-1', name: 'Action * on Resource *', build: policy(statement('*', '*')), resource: 'policy', expected: 'Non-Compliant' },
  { rule: 'ALI-RAM-1', name: 'Action ["*"] on Resource ["*"]', build: policy(statement(['*'], ['*'])), resource: 'policy', expected: 'Non-Compliant' },
  { rule: 'ALI-RAM-1', name: 'jsonencode with references, scoped', build: encoded(['oss:GetObject'], true), resource: 'policy', expected: 'Compliant' },
  {
    rule: 'ALI-RAM-1',
    name: 'jsonencode with references, Action * on Resource *',
    build: encoded(['*'], false),
    resource: 'policy',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-RAM-1', name: 'a document only known at apply time', build: policy('${var.policy}'), resource: 'policy', expected: 'Unknown' },
];

for (const family of ['KMS', 'TRAIL', 'SLS', 'VPC', 'RAM'])
  describeRuleFamily(
    family,
    cases.filter((c) => c.rule.startsWith(`ALI-${family}-`)),
  );
