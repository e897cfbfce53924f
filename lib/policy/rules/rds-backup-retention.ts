import { asNumber, attachedTo, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

/** Shortest backup retention accepted, days (also the provider's minimum). */
export const MIN_BACKUP_DAYS = 7;

export const RDSBackupRetention: PolicyRule = {
  id: 'ALI-RDS-7',
  name: 'RDSBackupRetention',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: `The RDS instance has no backup policy keeping backups at least ${MIN_BACKUP_DAYS} days`,
  explanation:
    'Backups are the only way back from a bad migration or a deleted table; an explicit policy pins retention, log backup and what survives the instance.',
  fix: `add an alicloud_db_backup_policy for the instance with backup_retention_period >= ${MIN_BACKUP_DAYS}`,
  equivalents: ['InfraGuard rds-backup-policy-required'],
  evaluate(db, context) {
    const policies = attachedTo(context.resourcesOfType('alicloud_db_backup_policy'), 'instance_id', db);
    if (policies.length === 0) return nonCompliant('no alicloud_db_backup_policy refers to this instance');
    for (const p of policies) {
      const raw = p.config.backup_retention_period ?? p.config.retention_period ?? MIN_BACKUP_DAYS;
      const days = asNumber(raw);
      if (days === 'reference') return unknown(`${p.path} backup_retention_period is the reference ${raw}`);
      if (days !== undefined && days >= MIN_BACKUP_DAYS) return COMPLIANT;
    }
    return nonCompliant(policies.map((p) => `${p.path} backup_retention_period is ${shown(p.config.backup_retention_period)}`).join(', '));
  },
};
