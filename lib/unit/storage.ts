import { Construct } from 'constructs';
import { OssBucket, type OssBucketLifecycleRule } from '../../.gen/providers/alicloud/oss-bucket';
import { OssBucketAcl } from '../../.gen/providers/alicloud/oss-bucket-acl';
import { OssBucketPublicAccessBlock } from '../../.gen/providers/alicloud/oss-bucket-public-access-block';
import { PREVENT_DESTROY } from '../core/protection';
import { addTags } from '../core/tags';

export interface UnitStorageProps {
  readonly names: { readonly files: string; readonly audit: string; readonly accessLogs: string };
  /** The unit's KMS key: server-side encryption of every bucket. */
  readonly kmsKeyId: string;
}

/** Days a deleted or overwritten file stays recoverable as a previous version. */
export const FILE_VERSION_RETENTION_DAYS = 90;
/** Days OSS access logs are kept (the audit floor is 180). */
export const ACCESS_LOG_RETENTION_DAYS = 365;

const abortUploads: OssBucketLifecycleRule = { id: 'abort-multipart-uploads', enabled: true, abortMultipartUpload: [{ days: 7 }] };

/**
 * The unit's buckets: staff files, audit archives, and the target of their access logs. All private, with
 * public access blocked, versioned, encrypted with the unit's KMS key, zone-redundant, logged, and with
 * lifecycle rules. No replication rule exists: a unit's objects never leave its region.
 */
export class UnitStorage extends Construct {
  readonly filesBucket: OssBucket;
  readonly auditBucket: OssBucket;
  readonly accessLogBucket: OssBucket;

  constructor(scope: Construct, id: string, props: UnitStorageProps) {
    super(scope, id);
    const { names } = props;

    const bucket = (key: string, name: string, purpose: string, lifecycleRule: OssBucketLifecycleRule[], logTarget: () => string) => {
      const b = new OssBucket(this, key, {
        bucket: name,
        storageClass: 'Standard',
        // Zone-redundant; cannot be changed after creation.
        redundancyType: 'ZRS',
        forceDestroy: false,
        versioning: { status: 'Enabled' },
        serverSideEncryptionRule: { sseAlgorithm: 'KMS', kmsMasterKeyId: props.kmsKeyId },
        logging: { targetBucket: logTarget(), targetPrefix: `${key}/` },
        lifecycleRule,
        lifecycle: PREVENT_DESTROY,
      });
      addTags(b, { purpose });
      new OssBucketAcl(this, `${key}-acl`, { bucket: b.bucket, acl: 'private' });
      new OssBucketPublicAccessBlock(this, `${key}-public-access-block`, { bucket: b.bucket, blockPublicAccess: true });
      return b;
    };

    // The log bucket logs to itself: OSS allows a bucket to be its own logging target.
    this.accessLogBucket = bucket(
      'access-logs',
      names.accessLogs,
      'oss-access-logs',
      [
        { id: 'expire-access-logs', enabled: true, expiration: [{ days: ACCESS_LOG_RETENTION_DAYS }], noncurrentVersionExpiration: [{ days: 30 }] },
        abortUploads,
      ],
      () => names.accessLogs,
    );
    this.filesBucket = bucket(
      'files',
      names.files,
      'staff-files',
      [{ id: 'expire-previous-versions', enabled: true, noncurrentVersionExpiration: [{ days: FILE_VERSION_RETENTION_DAYS }] }, abortUploads],
      () => this.accessLogBucket.bucket,
    );
    this.auditBucket = bucket(
      'audit',
      names.audit,
      'audit-archive',
      // Archives are written once and rarely read: infrequent access after 30 days; they never expire.
      [{ id: 'infrequent-access', enabled: true, transitions: [{ days: 30, storageClass: 'IA' }] }, abortUploads],
      () => this.accessLogBucket.bucket,
    );
  }
}
