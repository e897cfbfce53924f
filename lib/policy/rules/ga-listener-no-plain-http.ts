import { attachedTo, blocks, firstBlock, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, PolicyRule, ResourceView, unknown } from '../types';

/** True for a forwarding rule that redirects every path to HTTPS. */
function redirectsAllToHttps(rule: ResourceView): boolean {
  const redirects = blocks(rule.config.rule_actions).some(
    (a) => a.rule_action_type === 'Redirect' && /"protocol"\s*:\s*"HTTPS"/i.test(String(a.rule_action_value ?? '')),
  );
  const catchAll = blocks(rule.config.rule_conditions).some((c) => {
    if (c.rule_condition_type !== 'Path') return false;
    const values = firstBlock(c.path_config)?.values;
    return (Array.isArray(values) && values.includes('/*')) || String(c.rule_condition_value ?? '').includes('"/*"');
  });
  return redirects && catchAll;
}

export const GAListenerNoPlainHttp: PolicyRule = {
  id: 'ALI-GA-2',
  name: 'GAListenerNoPlainHttp',
  level: 'error',
  resourceTypes: ['alicloud_ga_listener'],
  info: 'The accelerator listener serves plain HTTP',
  explanation: 'The access point carries logins and messages from overseas staff; a plain-HTTP listener exposes them on the public leg before the backbone. HTTP may exist only to redirect.',
  fix: 'use protocol "HTTPS" (or "TCP" to pass TLS through to the unit ALBs), or give the HTTP listener an alicloud_ga_forwarding_rule with a Path "/*" condition and a Redirect action to HTTPS',
  equivalents: [],
  evaluate(listener, context) {
    const protocol = listener.config.protocol ?? 'TCP';
    if (isReference(protocol)) return unknown(`protocol is the reference ${protocol}`);
    if (protocol !== 'HTTP') return COMPLIANT;
    const rules = attachedTo(context.resourcesOfType('alicloud_ga_forwarding_rule'), 'listener_id', listener);
    return rules.some(redirectsAllToHttps) ? COMPLIANT : nonCompliant(`protocol is ${shown(protocol)} without a catch-all redirect to HTTPS`);
  },
};
