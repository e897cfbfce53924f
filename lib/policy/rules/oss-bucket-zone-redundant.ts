import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const OSSBucketZoneRedundant: PolicyRule = {
  id: 'ALI-OSS-5',
  name: 'OSSBucketZoneRedundant',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket keeps its data in one zone only',
  explanation:
    'Locally redundant storage (LRS, the default) loses availability, and possibly data, with its zone; ZRS keeps copies in three zones. redundancy_type forces replacement, so it must be right from the start.',
  fix: 'set redundancy_type = "ZRS" when the bucket is created',
  equivalents: ['InfraGuard oss-zrs-enabled'],
  evaluate(bucket) {
    const v = bucket.config.redundancy_type;
    if (v === 'ZRS') return COMPLIANT;
    if (isReference(v)) return unknown(`redundancy_type is the reference ${v}`);
    return nonCompliant(`redundancy_type is ${shown(v)}${v === undefined ? ' (LRS)' : ''}`);
  },
};
