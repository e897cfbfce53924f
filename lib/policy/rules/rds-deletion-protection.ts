import { asBool, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RDSDeletionProtection: PolicyRule = {
  id: 'ALI-RDS-6',
  name: 'RDSDeletionProtection',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: 'The RDS instance can be released without first lifting deletion protection',
  explanation:
    'Deletion protection stops a console click, an API call or a Terraform destroy from releasing the database; it exists for pay-as-you-go instances only.',
  fix: 'set deletion_protection = true (with instance_charge_type = "Postpaid")',
  equivalents: ['InfraGuard rds-instance-deletion-protection-enabled'],
  evaluate(db) {
    const v = asBool(db.config.deletion_protection);
    if (v === true) return COMPLIANT;
    if (v === 'reference') return unknown(`deletion_protection is the reference ${db.config.deletion_protection}`);
    return nonCompliant(`deletion_protection is ${shown(db.config.deletion_protection)}`);
  },
};
