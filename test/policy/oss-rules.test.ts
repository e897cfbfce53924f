import type { TerraformStack } from 'cdktf';
import { KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { OssBucket, type OssBucketConfig } from '../../.gen/providers/alicloud/oss-bucket';
import { OssBucketAcl } from '../../.gen/providers/alicloud/oss-bucket-acl';
import { OssBucketLoggingA as OssBucketLogging } from '../../.gen/providers/alicloud/oss-bucket-logging';
import { OssBucketServerSideEncryption } from '../../.gen/providers/alicloud/oss-bucket-server-side-encryption';
import { OssBucketVersioningA as OssBucketVersioning } from '../../.gen/providers/alicloud/oss-bucket-versioning';
import { describeRuleFamily, rawResource, type RuleCase, unitOf } from './harness';

/** A bucket every OSS rule accepts, with its settings inline. */
function bucket(stack: TerraformStack, overrides: Partial<OssBucketConfig> = {}): OssBucket {
  const key = new KmsKey(stack, 'key', { description: 'bucket key' });
  return new OssBucket(stack, 'bucket', {
    bucket: 'fx-t1-files',
    acl: 'private',
    redundancyType: 'ZRS',
    versioning: { status: 'Enabled' },
    serverSideEncryptionRule: { sseAlgorithm: 'KMS', kmsMasterKeyId: key.id },
    logging: { targetBucket: 'fx-t1-logs', targetPrefix: 'oss/' },
    ...overrides,
  });
}

/** A bucket with nothing inline, for the separate-resource forms. */
const bare = (stack: TerraformStack) => new OssBucket(stack, 'bucket', { bucket: 'fx-t1-files', redundancyType: 'ZRS' });

const replication = (location: string) => (stack: TerraformStack) =>
  rawResource(stack, 'replication', 'alicloud_oss_bucket_replication', {
    bucket: 'fx-t1-files',
    action: 'ALL',
    destination: [{ bucket: 'fx-copy', location }],
  });

const cases: RuleCase[] = [
  { rule: 'ALI-OSS-1', name: 'private acl', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  { rule: 'ALI-OSS-1', name: 'acl unset (private by default)', build: (s) => bucket(s, { acl: undefined }), resource: 'bucket', expected: 'Compliant' },
  { rule: 'ALI-OSS-1', name: 'inline public-read', build: (s) => bucket(s, { acl: 'public-read' }), resource: 'bucket', expected: 'Non-Compliant' },
  {
    rule: 'ALI-OSS-1',
    name: 'separate alicloud_oss_bucket_acl public-read-write',
    build: (s) => new OssBucketAcl(s, 'acl', { bucket: bare(s).bucket, acl: 'public-read-write' }),
    resource: 'bucket',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-OSS-2', name: 'inline versioning Enabled', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  {
    rule: 'ALI-OSS-2',
    name: 'separate alicloud_oss_bucket_versioning Enabled',
    build: (s) => new OssBucketVersioning(s, 'versioning', { bucket: bare(s).id, status: 'Enabled' }),
    resource: 'bucket',
    expected: 'Compliant',
  },
  { rule: 'ALI-OSS-2', name: 'no versioning', build: bare, resource: 'bucket', expected: 'Non-Compliant' },
  {
    rule: 'ALI-OSS-2',
    name: 'versioning Suspended',
    build: (s) => bucket(s, { versioning: { status: 'Suspended' } }),
    resource: 'bucket',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-OSS-3', name: 'inline KMS with key reference', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  {
    rule: 'ALI-OSS-3',
    name: 'separate alicloud_oss_bucket_server_side_encryption with key',
    build: (s) => {
      const key = new KmsKey(s, 'key', { description: 'bucket key' });
      new OssBucketServerSideEncryption(s, 'sse', { bucket: bare(s).bucket, sseAlgorithm: 'KMS', kmsMasterKeyId: key.id });
    },
    resource: 'bucket',
    expected: 'Compliant',
  },
  {
    rule: 'ALI-OSS-3',
    name: 'AES256 only',
    build: (s) => bucket(s, { serverSideEncryptionRule: { sseAlgorithm: 'AES256' } }),
    resource: 'bucket',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-OSS-3',
    name: 'KMS without a key id',
    build: (s) => bucket(s, { serverSideEncryptionRule: { sseAlgorithm: 'KMS' } }),
    resource: 'bucket',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-OSS-3', name: 'no encryption', build: bare, resource: 'bucket', expected: 'Non-Compliant' },
  { rule: 'ALI-OSS-4', name: 'inline logging', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  {
    rule: 'ALI-OSS-4',
    name: 'separate alicloud_oss_bucket_logging',
    build: (s) => new OssBucketLogging(s, 'logging', { bucket: bare(s).bucket, targetBucket: 'fx-t1-logs' }),
    resource: 'bucket',
    expected: 'Compliant',
  },
  { rule: 'ALI-OSS-4', name: 'no logging', build: bare, resource: 'bucket', expected: 'Non-Compliant' },
  { rule: 'ALI-OSS-5', name: 'ZRS', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  { rule: 'ALI-OSS-5', name: 'redundancy unset (LRS)', build: (s) => bucket(s, { redundancyType: undefined }), resource: 'bucket', expected: 'Non-Compliant' },
  { rule: 'ALI-OSS-5', name: 'LRS', build: (s) => bucket(s, { redundancyType: 'LRS' }), resource: 'bucket', expected: 'Non-Compliant' },
  {
    rule: 'ALI-OSS-6',
    name: "replication within the unit's region",
    build: replication(`oss-${unitOf('t1').region}`),
    resource: 'replication',
    expected: 'Compliant',
    stack: { stackName: 'unit-t1' },
  },
  {
    rule: 'ALI-OSS-6',
    name: "replication into another unit's region",
    build: replication(`oss-${unitOf('t2').region}`),
    resource: 'replication',
    expected: 'Non-Compliant',
    stack: { stackName: 'unit-t1' },
  },
  {
    rule: 'ALI-OSS-6',
    name: 'replication to a location only known at apply time',
    build: (s) =>
      rawResource(s, 'replication', 'alicloud_oss_bucket_replication', { bucket: 'b', destination: [{ bucket: 'c', location: '${var.location}' }] }),
    resource: 'replication',
    expected: 'Unknown',
    stack: { stackName: 'unit-t1' },
  },
  { rule: 'ALI-OSS-7', name: 'force_destroy unset', build: (s) => bucket(s), resource: 'bucket', expected: 'Compliant' },
  { rule: 'ALI-OSS-7', name: 'force_destroy true', build: (s) => bucket(s, { forceDestroy: true }), resource: 'bucket', expected: 'Non-Compliant' },
];

describeRuleFamily('OSS', cases);
