import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RDSSslEnabled: PolicyRule = {
  id: 'ALI-RDS-2',
  name: 'RDSSslEnabled',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: 'The RDS instance does not offer SSL',
  explanation: 'Without SSL, credentials and staff data cross the network in clear text.',
  fix: 'set ssl_action = "Open"',
  equivalents: ['Checkov CKV_ALI_20', 'InfraGuard rds-instance-enabled-ssl'],
  evaluate(db) {
    const v = db.config.ssl_action;
    if (v === 'Open' || v === 'Update') return COMPLIANT;
    if (isReference(v)) return unknown(`ssl_action is the reference ${v}`);
    return nonCompliant(`ssl_action is ${shown(v)}`);
  },
};
