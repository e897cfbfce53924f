import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RDSTdeEnabled: PolicyRule = {
  id: 'ALI-RDS-3',
  name: 'RDSTdeEnabled',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: 'The RDS instance does not encrypt data at rest (TDE)',
  explanation:
    'Transparent data encryption keeps data files and backups unreadable without the key; it cannot be turned off once on, so it belongs in the first apply.',
  fix: 'set tde_status = "Enabled" (with encryption_key set to the unit key)',
  equivalents: ['Checkov CKV_ALI_22', 'InfraGuard rds-instance-enabled-tde-disk-encryption'],
  evaluate(db) {
    const v = db.config.tde_status;
    if (v === 'Enabled') return COMPLIANT;
    if (isReference(v)) return unknown(`tde_status is the reference ${v}`);
    return nonCompliant(`tde_status is ${shown(v)}`);
  },
};
