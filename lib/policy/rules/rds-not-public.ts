import type { PolicyRule } from '../types';
import { whitelistVerdict } from '../values';

export const RDSNotPublic: PolicyRule = {
  id: 'ALI-RDS-1',
  name: 'RDSNotPublic',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: 'The RDS instance accepts connections from any address',
  explanation: "0.0.0.0/0 in the IP whitelist lets anyone who finds an endpoint try to log in to the unit's database.",
  fix: 'list only the app tier (and the link ranges DTS needs) in security_ips',
  equivalents: ['Checkov CKV_ALI_9', 'KICS db_instance_publicly_accessible', 'InfraGuard rds-white-list-internet-ip-access-check'],
  evaluate(db) {
    return whitelistVerdict(db.config.security_ips);
  },
};
