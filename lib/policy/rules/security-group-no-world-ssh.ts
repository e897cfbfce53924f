import { describe, worldIngress } from '../security-group';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const SecurityGroupNoWorldSsh: PolicyRule = {
  id: 'ALI-SG-1',
  name: 'SecurityGroupNoWorldSsh',
  level: 'error',
  resourceTypes: ['alicloud_security_group_rule'],
  info: 'The security-group rule opens SSH (port 22) to the internet',
  explanation:
    'Remote-administration ports open to 0.0.0.0/0 are scanned and brute-forced within minutes; administration goes through a bastion or Cloud Assistant.',
  fix: 'remove the rule, or restrict cidr_ip to the bastion or office range',
  equivalents: ['Checkov CKV_ALI_2', 'InfraGuard sg-risky-ports-check'],
  evaluate(rule) {
    const w = worldIngress(rule);
    if (w.kind === 'none') return NOT_APPLICABLE;
    if (w.kind === 'reference') return unknown(w.detail);
    if (w.protocol === 'udp' || w.from > 22 || w.to < 22) return COMPLIANT;
    return nonCompliant(describe(w));
  },
};
