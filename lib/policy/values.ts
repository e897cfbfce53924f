/**
 * Reading synthesized configuration. After resolution a value is a literal, or a string holding a Terraform
 * expression (`${alicloud_kms_key.key.id}`) whose value only Terraform knows.
 */
import { COMPLIANT, nonCompliant, type RuleResult, unknown, type ResourceView } from './types';

/** True for a string that is (or contains) a Terraform expression: its value is not known at synth time. */
export function isReference(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

/** True when the attribute is present (a reference counts: it will hold a value). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/**
 * The blocks of a nested-block attribute. cdktf writes a single-item block as an object and others as an
 * array; raw overrides may write either.
 */
export function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter((b): b is Record<string, unknown> => typeof b === 'object' && b !== null);
  if (typeof v === 'object' && v !== null) return [v as Record<string, unknown>];
  return [];
}

/** The first block of a nested-block attribute, if any. */
export function firstBlock(v: unknown): Record<string, unknown> | undefined {
  return blocks(v)[0];
}

/** A boolean attribute as written (`true`/`"true"`), a reference, or absent. */
export function asBool(v: unknown): boolean | 'reference' | undefined {
  if (isReference(v)) return 'reference';
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** A numeric attribute as written (number or numeric string), a reference, or absent. */
export function asNumber(v: unknown): number | 'reference' | undefined {
  if (isReference(v)) return 'reference';
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

/**
 * True when `value` refers to `target`: a reference to any of its attributes (`${type.name.attr}`), or, for
 * resources that name their parent by a literal (an OSS bucket name), that literal.
 */
export function refersTo(value: unknown, target: ResourceView, literalAttribute?: string): boolean {
  if (typeof value !== 'string') return false;
  if (value.includes(`\${${target.address}.`)) return true;
  if (literalAttribute === undefined) return false;
  const literal = target.config[literalAttribute];
  return typeof literal === 'string' && !isReference(literal) && literal === value;
}

/** The resources of `type` in the context whose `attribute` refers to `target`. */
export function attachedTo(candidates: readonly ResourceView[], attribute: string, target: ResourceView, literalAttribute?: string): ResourceView[] {
  return candidates.filter((c) => refersTo(c.config[attribute], target, literalAttribute));
}

/** Display form of a value for a finding's detail. */
export function shown(v: unknown): string {
  return v === undefined ? 'unset' : JSON.stringify(v);
}

/** True for an IPv4/IPv6 source that means "anyone on the internet". */
export function isWorld(cidr: unknown): boolean {
  return typeof cidr === 'string' && ['0.0.0.0/0', '0.0.0.0', '::/0'].includes(cidr.trim());
}

/**
 * Verdict on an IP whitelist (`security_ips` of RDS or Redis, a list or a comma-separated string): non-compliant
 * when it admits anyone, unknown when part of it is a reference, compliant otherwise. Unset is compliant: both
 * services default to 127.0.0.1.
 */
export function whitelistVerdict(ips: unknown): RuleResult {
  if (ips === undefined) return COMPLIANT;
  if (isReference(ips)) return unknown(`security_ips is the reference ${ips}`);
  const list = Array.isArray(ips) ? ips : String(ips).split(',');
  const world = list.find(isWorld);
  if (world) return nonCompliant(`security_ips contains ${JSON.stringify(world)}`);
  const ref = list.find(isReference);
  if (ref) return unknown(`security_ips contains the reference ${ref}`);
  return COMPLIANT;
}
