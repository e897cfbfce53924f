import { attachedTo, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

const PUBLIC_ACLS = ['public-read', 'public-read-write'];

export const OSSBucketNotPublic: PolicyRule = {
  id: 'ALI-OSS-1',
  name: 'OSSBucketNotPublic',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket is readable or writable by anyone',
  explanation: 'A public-read or public-read-write ACL exposes every object (staff files, exports) to the internet without credentials.',
  fix: 'leave acl unset or "private" on the bucket and on any alicloud_oss_bucket_acl for it',
  equivalents: ['Checkov CKV_ALI_1', 'InfraGuard oss-bucket-public-read-prohibited', 'InfraGuard oss-bucket-public-write-prohibited'],
  evaluate(bucket, context) {
    const acls: { where: string; acl: unknown }[] = [];
    if (bucket.config.acl !== undefined) acls.push({ where: 'acl', acl: bucket.config.acl });
    for (const r of attachedTo(context.resourcesOfType('alicloud_oss_bucket_acl'), 'bucket', bucket, 'bucket')) {
      acls.push({ where: r.path, acl: r.config.acl });
    }
    const pub = acls.find((a) => typeof a.acl === 'string' && PUBLIC_ACLS.includes(a.acl));
    if (pub) return nonCompliant(`${pub.where} is ${shown(pub.acl)}`);
    const ref = acls.find((a) => isReference(a.acl));
    if (ref) return unknown(`${ref.where} is the reference ${ref.acl}; use a literal "private"`);
    return COMPLIANT;
  },
};
