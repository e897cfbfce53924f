import { describe, worldIngress } from '../security-group';
import { asNumber } from '../values';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const SecurityGroupWorldOnlyListenerPorts: PolicyRule = {
  id: 'ALI-SG-4',
  name: 'SecurityGroupWorldOnlyListenerPorts',
  level: 'error',
  resourceTypes: ['alicloud_security_group_rule'],
  info: "The security-group rule opens a port to the internet that is not one of the stack's ALB listener ports",
  explanation: 'The only thing a unit serves to the internet is its ALB; any other port open to 0.0.0.0/0 bypasses TLS termination and the ALB ACLs.',
  fix: 'restrict the rule to the ALB listener ports (tcp), or to a private source range',
  equivalents: ['InfraGuard sg-public-access-check'],
  evaluate(rule, context) {
    const w = worldIngress(rule);
    if (w.kind === 'none') return NOT_APPLICABLE;
    if (w.kind === 'reference') return unknown(w.detail);
    const ports = new Set<number>();
    for (const listener of context.resourcesOfType('alicloud_alb_listener')) {
      const port = asNumber(listener.config.listener_port);
      if (port === 'reference') return unknown(`${listener.path} listener_port is the reference ${listener.config.listener_port}`);
      if (port !== undefined) ports.add(port);
    }
    if (w.protocol !== 'tcp') return nonCompliant(`${describe(w)}; ALB listeners are tcp`);
    for (let p = w.from; p <= w.to; p++) {
      if (!ports.has(p)) {
        const listed = [...ports].sort((a, b) => a - b).join(', ') || 'none';
        return nonCompliant(`${describe(w)}; ALB listener ports in this stack: ${listed}`);
      }
    }
    return COMPLIANT;
  },
};
