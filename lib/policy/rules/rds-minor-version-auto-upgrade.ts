import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RDSMinorVersionAutoUpgrade: PolicyRule = {
  id: 'ALI-RDS-5',
  name: 'RDSMinorVersionAutoUpgrade',
  level: 'error',
  resourceTypes: ['alicloud_db_instance'],
  info: 'The RDS instance does not take minor-version upgrades automatically',
  explanation: 'Minor versions carry security fixes; a manual policy leaves known vulnerabilities open until someone remembers.',
  fix: 'set auto_upgrade_minor_version = "Auto"',
  equivalents: ['Checkov CKV_ALI_30'],
  evaluate(db) {
    const v = db.config.auto_upgrade_minor_version;
    if (v === 'Auto') return COMPLIANT;
    if (isReference(v)) return unknown(`auto_upgrade_minor_version is the reference ${v}`);
    return nonCompliant(`auto_upgrade_minor_version is ${shown(v)}`);
  },
};
