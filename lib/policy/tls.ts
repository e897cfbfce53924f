/** TLS policies of ALB and GA HTTPS listeners. */
import { isReference } from './values';
import type { ResourceView, RuleContext } from './types';

/** Predefined policies that accept TLS 1.2 and later only; the default (`tls_cipher_policy_1_0`) accepts TLS 1.0. */
export const MODERN_TLS_POLICIES = ['tls_cipher_policy_1_2', 'tls_cipher_policy_1_2_strict', 'tls_cipher_policy_1_2_strict_with_1_3'];

const OLD_TLS_VERSIONS = ['TLSv1.0', 'TLSv1.1'];

/**
 * Whether a listener's `security_policy_id` admits only TLS 1.2+: a modern predefined policy, or a reference to
 * an `alicloud_alb_security_policy` of the stack whose `tls_versions` exclude 1.0 and 1.1.
 */
export function tlsPolicyVerdict(listener: ResourceView, context: RuleContext): 'modern' | 'old' | 'unknown' {
  const id = listener.config.security_policy_id ?? 'tls_cipher_policy_1_0';
  if (typeof id === 'string' && MODERN_TLS_POLICIES.includes(id)) return 'modern';
  if (!isReference(id)) return 'old';
  const custom = context.resourcesOfType('alicloud_alb_security_policy').find((p) => String(id).includes(`\${${p.address}.`));
  const versions = custom?.config.tls_versions;
  if (!Array.isArray(versions) || versions.some(isReference)) return 'unknown';
  return versions.some((v) => OLD_TLS_VERSIONS.includes(String(v))) ? 'old' : 'modern';
}
