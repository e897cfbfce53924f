import { attachedTo, firstBlock, isReference, isSet, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const OSSBucketEncryptedWithKmsKey: PolicyRule = {
  id: 'ALI-OSS-3',
  name: 'OSSBucketEncryptedWithKmsKey',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket'],
  info: 'The OSS bucket is not encrypted server-side with a KMS key of its own',
  explanation: "Encryption with the unit's KMS key ties access to the objects to a key the unit controls, audits and can disable.",
  fix: 'set server_side_encryption_rule { sse_algorithm = "KMS", kms_master_key_id = <the unit key id> } or an alicloud_oss_bucket_server_side_encryption with both',
  equivalents: ['Checkov CKV_ALI_6', 'InfraGuard oss-default-encryption-kms'],
  evaluate(bucket, context) {
    const rules: { where: string; algorithm: unknown; key: unknown }[] = [];
    const inline = firstBlock(bucket.config.server_side_encryption_rule);
    if (inline) rules.push({ where: 'server_side_encryption_rule', algorithm: inline.sse_algorithm, key: inline.kms_master_key_id });
    for (const r of attachedTo(context.resourcesOfType('alicloud_oss_bucket_server_side_encryption'), 'bucket', bucket, 'bucket')) {
      rules.push({ where: r.path, algorithm: r.config.sse_algorithm, key: r.config.kms_master_key_id });
    }
    // A reference to a key id proves a key is set: its value is not needed.
    if (rules.some((r) => r.algorithm === 'KMS' && isSet(r.key))) return COMPLIANT;
    const ref = rules.find((r) => isReference(r.algorithm));
    if (ref) return unknown(`${ref.where} sse_algorithm is the reference ${ref.algorithm}`);
    if (rules.length === 0) return nonCompliant('no server-side encryption configured');
    return nonCompliant(rules.map((r) => `${r.where} has sse_algorithm ${shown(r.algorithm)} and kms_master_key_id ${shown(r.key)}`).join(', '));
  },
};
