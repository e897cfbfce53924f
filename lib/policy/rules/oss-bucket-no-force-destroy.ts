import { asBool } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const OSSBucketNoForceDestroy: PolicyRule = {
  id: 'ALI-OSS-7',
  name: 'OSSBucketNoForceDestroy',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket may be destroyed with its objects',
  explanation: 'force_destroy = true lets Terraform empty and delete a bucket that still holds data; without it a destroy stops at a non-empty bucket.',
  fix: 'leave force_destroy unset or false',
  equivalents: [],
  evaluate(bucket) {
    const v = asBool(bucket.config.force_destroy);
    if (v === 'reference') return unknown(`force_destroy is the reference ${bucket.config.force_destroy}`);
    return v === true ? nonCompliant('force_destroy is true') : COMPLIANT;
  },
};
