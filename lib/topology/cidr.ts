/**
 * IPv4 CIDR arithmetic for the IP plan. Parsing is left to ipaddr.js (strict dotted-quad parsing, the library
 * Node's own ecosystem relies on, e.g. express's proxy-addr); range math is plain integers.
 */
import * as ipaddr from 'ipaddr.js';

export interface Cidr {
  /** As written in the declaration. */
  readonly text: string;
  /** First address as an unsigned 32-bit integer. */
  readonly first: number;
  /** Last address as an unsigned 32-bit integer. */
  readonly last: number;
  readonly prefix: number;
}

/** Parses `a.b.c.d/n`; returns an error text (what is wrong) instead of throwing. */
export function parseCidr(text: unknown): Cidr | string {
  if (typeof text !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text)) {
    return 'is not an IPv4 CIDR of the form a.b.c.d/n';
  }
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return 'is not an IPv4 CIDR of the form a.b.c.d/n';
  }
  const [addr, prefix] = parsed;
  if (addr.kind() !== 'ipv4' || prefix > 32) return 'is not an IPv4 CIDR of the form a.b.c.d/n';
  const value = (addr as ipaddr.IPv4).toByteArray().reduce((acc, b) => acc * 256 + b, 0);
  const size = 2 ** (32 - prefix);
  if (value % size !== 0) {
    const base = value - (value % size);
    return `has host bits set; the network address is ${intToIp(base)}/${prefix}`;
  }
  return { text, first: value, last: value + size - 1, prefix };
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** The RFC 1918 ranges: Alibaba Cloud VPCs take private ranges (a public range needs a ticket and breaks routing). */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c) as Cidr);

export function isPrivate(c: Cidr): boolean {
  return PRIVATE.some((p) => contains(p, c));
}

/** The `index`-th subnet of size `/prefix` inside `outer` (for deriving tier CIDRs). */
export function subnet(outer: Cidr, prefix: number, index: number): string {
  const size = 2 ** (32 - prefix);
  const first = outer.first + index * size;
  if (prefix < outer.prefix || first + size - 1 > outer.last) {
    throw new Error(`subnet ${index} of /${prefix} does not fit in ${outer.text}`);
  }
  return `${intToIp(first)}/${prefix}`;
}
