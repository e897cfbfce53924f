import { describe, worldIngress } from '../security-group';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const SecurityGroupNoWorldAllPorts: PolicyRule = {
  id: 'ALI-SG-3',
  name: 'SecurityGroupNoWorldAllPorts',
  level: 'error',
  resourceTypes: ['alicloud_security_group_rule'],
  info: 'The security-group rule opens every port to the internet',
  explanation: 'An all-ports rule from 0.0.0.0/0 exposes every service on the instances, including ones nobody meant to publish.',
  fix: 'allow only the ALB listener ports from the internet, and everything else from the tier that needs it',
  equivalents: ['InfraGuard ecs-security-group-not-open-all-port'],
  evaluate(rule) {
    const w = worldIngress(rule);
    if (w.kind === 'none') return NOT_APPLICABLE;
    if (w.kind === 'reference') return unknown(w.detail);
    return w.from <= 1 && w.to >= 65535 ? nonCompliant(describe(w)) : COMPLIANT;
  },
};
