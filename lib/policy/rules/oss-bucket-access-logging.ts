import { attachedTo, firstBlock, isSet } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule } from '../types';

export const OSSBucketAccessLogging: PolicyRule = {
  id: 'ALI-OSS-4',
  name: 'OSSBucketAccessLogging',
  level: 'warning',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket does not log access requests',
  explanation: 'Access logs are the record of who read or changed which object; without them a leak cannot be traced.',
  fix: 'set logging { target_bucket = <log bucket> } on the bucket, or add an alicloud_oss_bucket_logging for it',
  equivalents: ['Checkov CKV_ALI_12', 'InfraGuard oss-bucket-logging-enabled'],
  evaluate(bucket, context) {
    const inline = firstBlock(bucket.config.logging);
    if (inline && isSet(inline.target_bucket)) return COMPLIANT;
    const separate = attachedTo(context.resourcesOfType('alicloud_oss_bucket_logging'), 'bucket', bucket, 'bucket');
    if (separate.some((r) => isSet(r.config.target_bucket))) return COMPLIANT;
    return nonCompliant('no logging block and no alicloud_oss_bucket_logging for this bucket');
  },
};
