import { tlsPolicyVerdict } from '../tls';
import { shown } from '../values';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const GAListenerModernTls: PolicyRule = {
  id: 'ALI-GA-3',
  name: 'GAListenerModernTls',
  level: 'error',
  resourceTypes: ['alicloud_ga_listener'],
  info: 'The HTTPS accelerator listener accepts TLS versions older than 1.2',
  explanation: 'An HTTPS listener without a security policy uses tls_cipher_policy_1_0, which still accepts TLS 1.0 and 1.1.',
  fix: 'set security_policy_id = "tls_cipher_policy_1_2" or a stricter policy',
  equivalents: [],
  evaluate(listener, context) {
    if (listener.config.protocol !== 'HTTPS') return NOT_APPLICABLE;
    const verdict = tlsPolicyVerdict(listener, context);
    if (verdict === 'modern') return COMPLIANT;
    if (verdict === 'unknown') return unknown(`security_policy_id is the reference ${listener.config.security_policy_id}`);
    return nonCompliant(
      `security_policy_id is ${shown(listener.config.security_policy_id)}${listener.config.security_policy_id === undefined ? ' (tls_cipher_policy_1_0)' : ''}`,
    );
  },
};
