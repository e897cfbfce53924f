/**
 * Placeholders: values of the declaration that are examples, kept so that `npm run synth` works for a newcomer, which
 * must never reach an account. Two sources, both read from the declaration:
 * - the declared lists: `placeholders` of the shared declaration (paths from its root, e.g. `org.prefix`) and of each
 *   unit (paths from the unit, e.g. `residency.legalBasis.reference`);
 * - reserved example names found anywhere: domains and mailboxes under example.com, example.net, example.org
 *   (RFC 2606 §3) and under the reserved top-level names .example, .test, .invalid, .localhost (RFC 2606 §2, RFC 6761).
 *
 * `placeholderFindings` lists every one with its field; the deploy entry points refuse while the list is not empty
 * (lib/app/placeholders.ts). Validation checks that every listed path names a field that exists (`placeholderListProblems`).
 */
import { shownValue } from './checks';
import type { TopologyDeclaration } from './types';

/** One placeholder still in the declaration. */
export interface PlaceholderFinding {
  /** The field, from the declaration's root: `units.cn.monitoring.contacts[0].email`. */
  readonly path: string;
  readonly value: unknown;
  /** Why it is a placeholder. */
  readonly reason: string;
  /** What to set instead. */
  readonly fix: string;
}

/** Domains reserved for examples: a value naming one can never be a real address. */
const EXAMPLE_DOMAIN = /(^|\.)(example\.(com|net|org)|[a-z0-9-]+\.(example|test|invalid|localhost))$/i;
const EXAMPLE_TLD = /(^|\.)(example|test|invalid|localhost)$/i;

/** The reserved domain in `value` (a domain name or an e-mail address), if any. */
export function reservedExampleDomain(value: string): string | undefined {
  const domain = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : value;
  if (!/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$|^[A-Za-z0-9.-]+$/.test(domain) || !domain.includes('.')) return undefined;
  if (EXAMPLE_DOMAIN.test(domain) || EXAMPLE_TLD.test(domain)) return domain.toLowerCase();
  return undefined;
}

type Segment = string | number;

/** Splits `a.b[0].c` / `flows["x.y"].legalBasis` into segments; undefined when the path is malformed. */
export function parsePath(path: string): Segment[] | undefined {
  const segments: Segment[] = [];
  const re = /\[(\d+)\]|\["([^"]+)"\]|([^.[\]"]+)|(\.)/gy;
  let expectName = true;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path)) !== null) {
    last = re.lastIndex;
    if (m[1] !== undefined) segments.push(Number(m[1]));
    else if (m[2] !== undefined) segments.push(m[2]);
    else if (m[3] !== undefined) {
      if (!expectName) return undefined;
      segments.push(m[3]);
    } else if (m[4] !== undefined) {
      // A dot follows a segment, never another dot.
      if (expectName) return undefined;
      expectName = true;
      continue;
    }
    expectName = false;
  }
  if (last !== path.length || segments.length === 0 || path.startsWith('.') || path.endsWith('.')) return undefined;
  return segments;
}

/** The value at `segments` below `root`, or undefined. */
function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (typeof s === 'number') v = Array.isArray(v) ? v[s] : undefined;
    else v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[s] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** Shows segments as the declaration's messages do: `a.b[0]`, with keys that are not identifiers quoted. */
function pathText(prefix: string, segments: readonly Segment[]): string {
  return segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(s) ? (acc ? `${acc}.${s}` : s) : `${acc}["${s}"]`),
    prefix,
  );
}

/** What to set instead of the example in a field, by the field's shape. */
function fixFor(path: string): string {
  if (path === 'org.prefix') return "choose the organisation's own prefix: it begins every resource name, and changing it later replaces them";
  if (path === 'platform.appImageName') return 'name the app image as your image pipeline publishes it in every unit region';
  if (/^platform\.certificates\./.test(path) || /ingress\.certificateId$/.test(path) || path === 'access.listener.certificateId')
    return 'upload the certificate to Certificate Management Service and give its id (<number>-<region>)';
  if (path === 'access.domain') return 'give the domain you host in Alibaba Cloud DNS';
  if (/\.email$/.test(path)) return 'give the team mailbox that receives the alarms';
  if (/legalBasis\.reference$/.test(path)) return 'say where the signed record of the legal basis is kept (contract or filing number, document link)';
  return 'replace the example value with the real one';
}

/** Every placeholder of a declaration: the declared lists and the reserved example names, in a stable order. */
export function placeholderFindings(t: TopologyDeclaration): PlaceholderFinding[] {
  const found = new Map<string, PlaceholderFinding>();
  const listed = (root: unknown, prefix: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      if (typeof entry !== 'string') continue;
      const segments = parsePath(entry);
      if (!segments) continue;
      const value = valueAt(root, segments);
      if (value === undefined) continue;
      const path = pathText(prefix, segments);
      found.set(path, {
        path,
        value,
        reason: 'is declared a placeholder',
        fix: `${fixFor(path)}, then remove "${entry}" from ${prefix ? `${prefix}.` : ''}placeholders`,
      });
    }
  };
  listed(t, '', t.placeholders);
  const units: readonly unknown[] = Array.isArray(t.units) ? t.units : [];
  units.forEach((u, i) => {
    const id = typeof u === 'object' && u !== null ? (u as { id?: unknown }).id : undefined;
    listed(u, typeof id === 'string' ? `units.${id}` : `units[${i}]`, (u as { placeholders?: unknown })?.placeholders);
  });
  // Reserved example names, wherever they are (domains, mailboxes, tags).
  const walk = (v: unknown, segments: Segment[], prefix: string) => {
    if (typeof v === 'string') {
      const domain = reservedExampleDomain(v);
      const path = pathText(prefix, segments);
      if (domain && !found.has(path)) found.set(path, { path, value: v, reason: `uses ${domain}, a domain reserved for examples`, fix: fixFor(path) });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...segments, i], prefix));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (k !== 'placeholders') walk(x, [...segments, k], prefix);
  };
  const { units: _units, ...shared } = t;
  walk(shared, [], '');
  units.forEach((u, i) => {
    const id = typeof u === 'object' && u !== null ? (u as { id?: unknown }).id : undefined;
    walk(u, [], typeof id === 'string' ? `units.${id}` : `units[${i}]`);
  });
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One line per finding: `<path>: <value> <reason>; <fix>`. */
export function placeholderLines(findings: readonly PlaceholderFinding[]): string[] {
  return findings.map((f) => `${f.path}: ${shownValue(f.value)} ${f.reason}; ${f.fix}`);
}

/**
 * Problems of the declared placeholder lists: not a list, an entry that is not a path, names no field, or is listed
 * twice. `root` is what the paths start from (the shared declaration or one unit); `at` its path in messages.
 */
export function placeholderListProblems(root: unknown, at: string, list: unknown): { path: string; value: unknown; problem: string; fix: string }[] {
  if (list === undefined) return [];
  const where = at ? `${at}.placeholders` : 'placeholders';
  if (!Array.isArray(list))
    return [{ path: where, value: list, problem: 'is not a list', fix: 'list the paths of the fields that still hold example values, e.g. ["org.prefix"]' }];
  const seen = new Set<string>();
  const problems: { path: string; value: unknown; problem: string; fix: string }[] = [];
  list.forEach((entry, i) => {
    const path = `${where}[${i}]`;
    const segments = typeof entry === 'string' ? parsePath(entry) : undefined;
    if (!segments) {
      problems.push({ path, value: entry, problem: 'is not a field path', fix: 'write it like "platform.appImageName" or "monitoring.contacts[0].email"' });
      return;
    }
    if (segments[0] === 'placeholders' || (at === '' && segments[0] === 'units')) {
      problems.push({
        path,
        value: entry,
        problem: 'cannot be a placeholder here',
        fix: at === '' ? "list a unit's placeholders in that unit's own placeholders, relative to the unit" : 'name a field of the unit',
      });
      return;
    }
    if (valueAt(root, segments) === undefined) {
      problems.push({
        path,
        value: entry,
        problem: 'names no field of the declaration',
        fix: 'name a field that exists (check the spelling), or remove the entry',
      });
      return;
    }
    if (seen.has(entry as string)) problems.push({ path, value: entry, problem: 'is listed twice', fix: 'list each field once' });
    seen.add(entry as string);
  });
  return problems;
}
