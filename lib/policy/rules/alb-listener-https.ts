import { attachedTo, blocks, firstBlock, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, type ResourceView, unknown } from '../types';

/** True for an alb_rule that sends every path of its listener to HTTPS. */
function redirectsAllToHttps(rule: ResourceView): boolean {
  const redirects = blocks(rule.config.rule_actions).some((a) => a.type === 'Redirect' && firstBlock(a.redirect_config)?.protocol === 'HTTPS');
  const catchAll = blocks(rule.config.rule_conditions).some((c) => {
    const values = firstBlock(c.path_config)?.values;
    return c.type === 'Path' && Array.isArray(values) && values.includes('/*');
  });
  return redirects && catchAll;
}

export const ALBListenerHttps: PolicyRule = {
  id: 'ALI-ALB-1',
  name: 'ALBListenerHttps',
  level: 'error',
  resourceTypes: ['alicloud_alb_listener'],
  info: 'The ALB listener serves plain HTTP',
  explanation: 'Logins and messages over plain HTTP can be read and altered on the way; an HTTP listener may exist only to redirect to HTTPS.',
  fix: 'use listener_protocol "HTTPS" with a certificate, or give the HTTP listener an alicloud_alb_rule with a Path "/*" condition and a Redirect action to protocol HTTPS',
  equivalents: ['KICS alb_listening_on_http'],
  evaluate(listener, context) {
    const protocol = listener.config.listener_protocol;
    if (protocol === 'HTTPS' || protocol === 'QUIC') return COMPLIANT;
    if (isReference(protocol)) return unknown(`listener_protocol is the reference ${protocol}`);
    if (protocol !== 'HTTP') return nonCompliant(`listener_protocol is ${shown(protocol)}`);
    const rules = attachedTo(context.resourcesOfType('alicloud_alb_rule'), 'listener_id', listener);
    return rules.some(redirectsAllToHttps) ? COMPLIANT : nonCompliant('an HTTP listener without a catch-all redirect to HTTPS');
  },
};
