import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const KMSKeyDeletionProtection: PolicyRule = {
  id: 'ALI-KMS-2',
  name: 'KMSKeyDeletionProtection',
  level: 'error',
  resourceTypes: ['alicloud_kms_key'],
  info: 'The KMS key can be scheduled for deletion without first lifting deletion protection',
  explanation: 'Deleting the key makes everything it encrypted (RDS, disks, buckets) permanently unreadable.',
  fix: 'set deletion_protection = "Enabled"',
  equivalents: ['InfraGuard kms-key-delete-protection-enabled'],
  evaluate(key) {
    const v = key.config.deletion_protection;
    if (v === 'Enabled') return COMPLIANT;
    if (isReference(v)) return unknown(`deletion_protection is the reference ${v}`);
    return nonCompliant(`deletion_protection is ${shown(v)}`);
  },
};
