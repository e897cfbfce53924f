import { isReference, isWorld } from '../values';
import { COMPLIANT, nonCompliant, PolicyRule, unknown } from '../types';

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
    const ips = db.config.security_ips;
    if (ips === undefined) return COMPLIANT; // the provider's default whitelist is 127.0.0.1
    if (isReference(ips)) return unknown(`security_ips is the reference ${ips}`);
    const list = Array.isArray(ips) ? ips : String(ips).split(',');
    const world = list.find(isWorld);
    if (world) return nonCompliant(`security_ips contains ${JSON.stringify(world)}`);
    const ref = list.find(isReference);
    if (ref) return unknown(`security_ips contains the reference ${ref}`);
    return COMPLIANT;
  },
};
