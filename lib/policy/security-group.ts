/** Reading `alicloud_security_group_rule`: is it an accepting ingress rule from the internet, on which ports? */
import { isReference, isWorld } from './values';
import type { ResourceView } from './types';

export type WorldIngress =
  /** Not an accepting ingress rule from 0.0.0.0/0 or ::/0 (egress, drop, a source group or a private range). */
  | { readonly kind: 'none' }
  /** The source or the port range is a Terraform reference. */
  | { readonly kind: 'reference'; readonly detail: string }
  /** From the internet; `from`..`to` inclusive (1..65535 for every port). */
  | { readonly kind: 'world'; readonly protocol: string; readonly from: number; readonly to: number; readonly source: string };

const ALL_PORTS = { from: 1, to: 65535 };

export function worldIngress(rule: ResourceView): WorldIngress {
  const c = rule.config;
  if (c.type !== 'ingress' || (c.policy ?? 'accept') !== 'accept') return { kind: 'none' };
  const source = c.cidr_ip ?? c.ipv6_cidr_ip;
  if (isReference(source)) return { kind: 'reference', detail: `the source is the reference ${source}` };
  if (!isWorld(source)) return { kind: 'none' };
  const protocol = String(c.ip_protocol);
  const range = String(c.port_range ?? '-1/-1');
  if (protocol !== 'tcp' && protocol !== 'udp') return { kind: 'world', protocol, ...ALL_PORTS, source: String(source) };
  if (isReference(range)) return { kind: 'reference', detail: `port_range is the reference ${range}` };
  const m = /^(-?\d+)\/(-?\d+)$/.exec(range);
  if (!m || Number(m[1]) < 1) return { kind: 'world', protocol, ...ALL_PORTS, source: String(source) };
  return { kind: 'world', protocol, from: Number(m[1]), to: Number(m[2]), source: String(source) };
}

export function describe(w: Extract<WorldIngress, { kind: 'world' }>): string {
  const ports = w.from === 1 && w.to === 65535 ? 'all ports' : w.from === w.to ? `port ${w.from}` : `ports ${w.from}-${w.to}`;
  return `${w.protocol} ${ports} open to ${w.source}`;
}
