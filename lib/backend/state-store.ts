import { Construct } from 'constructs';
import { type KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { OssBucket } from '../../.gen/providers/alicloud/oss-bucket';
import { OssBucketAcl } from '../../.gen/providers/alicloud/oss-bucket-acl';
import { OssBucketLoggingA } from '../../.gen/providers/alicloud/oss-bucket-logging';
import { OssBucketPublicAccessBlock } from '../../.gen/providers/alicloud/oss-bucket-public-access-block';
import { OssBucketServerSideEncryption } from '../../.gen/providers/alicloud/oss-bucket-server-side-encryption';
import { OssBucketVersioningA } from '../../.gen/providers/alicloud/oss-bucket-versioning';
import { OtsInstance } from '../../.gen/providers/alicloud/ots-instance';
import { OtsTable } from '../../.gen/providers/alicloud/ots-table';
import { protectedKey } from '../core/keys';
import { PREVENT_DESTROY } from '../core/protection';
import type { StateStore as StateStoreNames } from '../topology/state';

export interface StateStoreProps {
  /** Names of the bucket, lock instance and lock table (see `stateStore` in lib/topology/state.ts). */
  readonly names: StateStoreNames;
}

/** Noncurrent state versions are kept this long: enough to roll back a bad apply found weeks later. */
export const STATE_VERSION_RETENTION_DAYS = 365;

/** Where the state bucket's own access logs go, inside the bucket. */
export const ACCESS_LOG_PREFIX = 'access-log/';

/**
 * What Terraform's `oss` backend needs in one region: a bucket for the state objects and a Tablestore table for
 * the lock. State holds every resource's attributes, generated passwords included, so the bucket is private,
 * blocks public access, is encrypted with its own KMS key, keeps every version (the backend keeps no history of
 * its own) and survives a zone outage (ZRS). Everything here is protected from destroy: losing it loses the
 * record of what the units own.
 */
export class StateStore extends Construct {
  readonly key: KmsKey;
  readonly bucket: OssBucket;
  readonly lockInstance: OtsInstance;
  readonly lockTable: OtsTable;

  constructor(scope: Construct, id: string, props: StateStoreProps) {
    super(scope, id);
    const { names } = props;

    this.key = protectedKey(this, 'key', {
      description: `${names.kmsKeyName}: encrypts the Terraform state in ${names.bucket}`,
      protects: `Encrypts the Terraform state of ${names.region}; deleting it makes that state unreadable.`,
    });

    this.bucket = new OssBucket(this, 'bucket', {
      bucket: names.bucket,
      storageClass: 'Standard',
      // Zone-redundant: the state must outlive a zone outage (forces replacement, so it is chosen at creation).
      redundancyType: 'ZRS',
      forceDestroy: false,
      lifecycleRule: [
        {
          id: 'state-history',
          enabled: true,
          noncurrentVersionExpiration: [{ days: STATE_VERSION_RETENTION_DAYS }],
          abortMultipartUpload: [{ days: 7 }],
        },
        { id: 'expire-access-logs', enabled: true, prefix: ACCESS_LOG_PREFIX, expiration: [{ days: STATE_VERSION_RETENTION_DAYS }] },
      ],
      lifecycle: PREVENT_DESTROY,
    });
    const bucket = this.bucket.bucket;
    new OssBucketAcl(this, 'acl', { bucket, acl: 'private' });
    new OssBucketPublicAccessBlock(this, 'public-access-block', { bucket, blockPublicAccess: true });
    new OssBucketVersioningA(this, 'versioning', { bucket, status: 'Enabled' });
    new OssBucketServerSideEncryption(this, 'encryption', { bucket, sseAlgorithm: 'KMS', kmsMasterKeyId: this.key.id });
    // Who read or wrote the state (it holds secrets) is recorded in the bucket itself, under its own prefix: the
    // state store must exist before anything else, so there is no other bucket to log into yet.
    new OssBucketLoggingA(this, 'access-logging', { bucket, targetBucket: bucket, targetPrefix: ACCESS_LOG_PREFIX });

    this.lockInstance = new OtsInstance(this, 'lock-instance', {
      name: names.lockInstance,
      description: `Terraform state locks of ${names.region}`,
      instanceType: 'HighPerformance',
      lifecycle: PREVENT_DESTROY,
    });
    this.lockTable = new OtsTable(this, 'lock-table', {
      instanceName: this.lockInstance.name,
      tableName: names.lockTable,
      // The oss backend looks locks up by this key; any other name or type and `terraform plan` cannot lock.
      primaryKey: [{ name: 'LockID', type: 'String' }],
      // One version per cell and no expiry: a lock must stay until it is released.
      maxVersion: 1,
      timeToLive: -1,
      enableSse: true,
      sseKeyType: 'SSE_KMS_SERVICE',
      lifecycle: PREVENT_DESTROY,
    });
  }
}
