import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const KMSKeyRotationEnabled: PolicyRule = {
  id: 'ALI-KMS-1',
  name: 'KMSKeyRotationEnabled',
  level: 'error',
  resourceTypes: ['alicloud_kms_key'],
  info: 'The KMS key does not rotate automatically',
  explanation: 'Rotation limits how much data one key version protects; old versions stay available to decrypt existing data.',
  fix: 'set automatic_rotation = "Enabled" (with a rotation_interval)',
  equivalents: ['Checkov CKV_ALI_27', 'InfraGuard kms-key-rotation-enabled'],
  evaluate(key) {
    const v = key.config.automatic_rotation;
    if (v === 'Enabled') return COMPLIANT;
    if (isReference(v)) return unknown(`automatic_rotation is the reference ${v}`);
    return nonCompliant(`automatic_rotation is ${shown(v)}`);
  },
};
