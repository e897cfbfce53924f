import { attachedTo, blocks, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, type ResourceView, unknown } from '../types';

const redirectsToHttps = (rule: ResourceView) =>
  blocks(rule.config.rule_actions).some((a) => a.rule_action_type === 'Redirect' && /"protocol"\s*:\s*"HTTPS"/i.test(String(a.rule_action_value ?? '')));
const forwards = (rule: ResourceView) => blocks(rule.config.rule_actions).some((a) => a.rule_action_type === 'ForwardGroup');

export const GAListenerNoPlainHttp: PolicyRule = {
  id: 'ALI-GA-2',
  name: 'GAListenerNoPlainHttp',
  level: 'error',
  resourceTypes: ['alicloud_ga_listener'],
  info: 'The accelerator listener serves plain HTTP',
  explanation:
    'The access point carries logins and messages from overseas staff; a plain-HTTP listener that forwards exposes them on the public leg before the backbone. An HTTP listener may exist only to redirect: it has redirect rules to HTTPS and nothing (no endpoint group, no forwarding rule) that forwards.',
  fix: 'use protocol "HTTPS" (or "TCP" to pass TLS through to the unit ALBs); keep an HTTP listener only with alicloud_ga_forwarding_rule Redirect actions to HTTPS and no endpoint group or ForwardGroup rule on it',
  equivalents: [],
  evaluate(listener, context) {
    const protocol = listener.config.protocol ?? 'TCP';
    if (isReference(protocol)) return unknown(`protocol is the reference ${protocol}`);
    if (protocol !== 'HTTP') return COMPLIANT;
    const groups = attachedTo(context.resourcesOfType('alicloud_ga_endpoint_group'), 'listener_id', listener);
    if (groups.length) return nonCompliant(`HTTP listener forwards to endpoint group ${groups[0].path}`);
    const rules = attachedTo(context.resourcesOfType('alicloud_ga_forwarding_rule'), 'listener_id', listener);
    const forwarding = rules.find(forwards);
    if (forwarding) return nonCompliant(`HTTP listener forwards through ${forwarding.path}`);
    return rules.some(redirectsToHttps) ? COMPLIANT : nonCompliant(`protocol is ${shown(protocol)} and no forwarding rule redirects it to HTTPS`);
  },
};
