import { asNumber, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

/** The shortest SQL-audit retention accepted, days. */
export const MIN_AUDIT_DAYS = 180;

export const RDSSqlAuditRetention: PolicyRule = {
  id: 'ALI-RDS-4',
  name: 'RDSSqlAuditRetention',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: `The RDS instance does not keep a SQL audit log for at least ${MIN_AUDIT_DAYS} days`,
  explanation: 'The SQL audit log shows who read or changed which rows; investigations routinely reach back months, and the provider default keeps 30 days.',
  fix: `set sql_collector_status = "Enabled" and sql_collector_config_value to ${MIN_AUDIT_DAYS} or more`,
  equivalents: ['Checkov CKV_ALI_25', 'InfraGuard rds-instance-enabled-auditing'],
  evaluate(db) {
    const status = db.config.sql_collector_status;
    if (isReference(status)) return unknown(`sql_collector_status is the reference ${status}`);
    if (status !== 'Enabled') return nonCompliant(`sql_collector_status is ${shown(status)}`);
    const days = asNumber(db.config.sql_collector_config_value ?? 30);
    if (days === 'reference') return unknown(`sql_collector_config_value is the reference ${db.config.sql_collector_config_value}`);
    if (days === undefined || days < MIN_AUDIT_DAYS)
      return nonCompliant(
        `sql_collector_config_value is ${shown(db.config.sql_collector_config_value)}${db.config.sql_collector_config_value === undefined ? ' (30 days)' : ''}`,
      );
    return COMPLIANT;
  },
};
