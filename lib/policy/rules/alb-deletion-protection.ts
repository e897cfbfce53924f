import { asBool, firstBlock } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const ALBDeletionProtection: PolicyRule = {
  id: 'ALI-ALB-2',
  name: 'ALBDeletionProtection',
  level: 'error',
  resourceTypes: ['alicloud_alb_load_balancer'],
  info: 'The ALB can be deleted without first lifting deletion protection',
  explanation: 'Deleting the ALB takes the unit off the internet and releases its addresses, which DNS and GA endpoints point at.',
  fix: 'set deletion_protection_enabled = true',
  equivalents: ['InfraGuard alb-delete-protection-enabled'],
  evaluate(alb) {
    const flags = [alb.config.deletion_protection_enabled, firstBlock(alb.config.deletion_protection_config)?.enabled].map(asBool);
    if (flags.includes(true)) return COMPLIANT;
    if (flags.includes('reference')) return unknown('deletion protection is set from a reference');
    return nonCompliant('deletion_protection_enabled is not true');
  },
};
