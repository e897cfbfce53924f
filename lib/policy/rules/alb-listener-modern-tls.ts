import { tlsPolicyVerdict } from '../tls';
import { shown } from '../values';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const ALBListenerModernTls: PolicyRule = {
  id: 'ALI-ALB-3',
  name: 'ALBListenerModernTls',
  level: 'error',
  resourceTypes: ['alicloud_alb_listener'],
  info: 'The HTTPS listener accepts TLS versions older than 1.2',
  explanation: 'Without a security policy the ALB uses tls_cipher_policy_1_0, which still accepts TLS 1.0 and 1.1 and their weak ciphers.',
  fix: 'set security_policy_id = "tls_cipher_policy_1_2" (or a stricter predefined policy, or an alicloud_alb_security_policy with TLSv1.2/TLSv1.3 only)',
  equivalents: [],
  evaluate(listener, context) {
    if (listener.config.listener_protocol !== 'HTTPS') return NOT_APPLICABLE;
    const verdict = tlsPolicyVerdict(listener, context);
    if (verdict === 'modern') return COMPLIANT;
    if (verdict === 'unknown') return unknown(`security_policy_id is the reference ${listener.config.security_policy_id}, not a security policy of this stack`);
    return nonCompliant(
      `security_policy_id is ${shown(listener.config.security_policy_id)}${listener.config.security_policy_id === undefined ? ' (tls_cipher_policy_1_0)' : ''}`,
    );
  },
};
