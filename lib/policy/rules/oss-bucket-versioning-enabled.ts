import { attachedTo, firstBlock, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const OSSBucketVersioningEnabled: PolicyRule = {
  id: 'ALI-OSS-2',
  name: 'OSSBucketVersioningEnabled',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket does not keep object versions',
  explanation: 'Without versioning an overwrite or delete (by a bug, a user or an attacker) destroys the only copy of an object.',
  fix: 'set versioning { status = "Enabled" } on the bucket, or add an alicloud_oss_bucket_versioning with status "Enabled"',
  equivalents: ['Checkov CKV_ALI_10', 'InfraGuard oss-bucket-versioning-enabled'],
  evaluate(bucket, context) {
    const statuses: { where: string; status: unknown }[] = [];
    const inline = firstBlock(bucket.config.versioning);
    if (inline) statuses.push({ where: 'versioning.status', status: inline.status });
    for (const r of attachedTo(context.resourcesOfType('alicloud_oss_bucket_versioning'), 'bucket', bucket, 'bucket')) {
      statuses.push({ where: r.path, status: r.config.status });
    }
    if (statuses.some((s) => s.status === 'Enabled')) return COMPLIANT;
    const ref = statuses.find((s) => isReference(s.status));
    if (ref) return unknown(`${ref.where} is the reference ${ref.status}`);
    return nonCompliant(statuses.length ? statuses.map((s) => `${s.where} is ${shown(s.status)}`).join(', ') : 'no versioning configured');
  },
};
