/**
 * The one shape of a declaration problem, and the field checks every validator shares:
 *   units.sg.network.vpcCidr: "10.0.0.0/12" overlaps units.cn.network.vpcCidr 10.1.0.0/16; give each unit its own range (for example 10.3.0.0/16)
 * Validators (validate-*.ts) import these; validate.ts composes the validators. Nothing here imports a validator,
 * so the checks and the validators never form a cycle.
 */

/** Every problem of a declaration, thrown once. `problems` holds one line per problem, in a stable order. */
export class TopologyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the topology declaration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TopologyError';
  }
}

/** Shows a received value in a message: JSON, except what JSON cannot show (undefined, NaN, Infinity). */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Collects problems, each `<path>: <value> <problem>; <fix>`. */
export class Problems {
  readonly list: string[] = [];
  add(path: string, value: unknown, problem: string, fix?: string): void {
    // A missing value has nothing to show: "units.sg.link: is missing", not "missing is missing".
    const text = value === undefined ? `${path}: ${problem}` : `${path}: ${shownValue(value)} ${problem}`;
    this.list.push(`${text}${fix ? `; ${fix}` : ''}`);
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const show = (xs: readonly unknown[]): string => xs.map((x) => String(x)).join(', ');
/** A list for prose: `a, b and c`, or `none`. */
export const listText = (xs: readonly string[]): string =>
  xs.length === 0 ? 'none' : xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** Reports keys of `value` not in `allowed` (typos would otherwise be silently ignored). */
export function checkKeys(p: Problems, path: string, value: unknown, allowed: readonly string[]): value is Obj {
  if (!isObj(value)) {
    p.add(path, value, value === undefined ? 'is missing' : 'is not an object', 'declare it as an object literal');
    return false;
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) p.add(`${path}.${k}`, value[k], 'is not a known field', `use one of ${allowed.join(', ')} (check the spelling)`);
  }
  return true;
}

export function checkString(p: Problems, path: string, v: unknown, pattern: RegExp, fix: string): v is string {
  if (typeof v !== 'string' || !pattern.test(v)) {
    p.add(path, v, v === undefined ? 'is missing' : typeof v === 'string' ? 'is not valid' : 'is not a string', fix);
    return false;
  }
  return true;
}

export function checkInt(p: Problems, path: string, v: unknown, min: number, max: number, fix?: string): v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const problem =
      v === undefined
        ? 'is missing'
        : typeof v !== 'number'
          ? `is not a number (a whole number from ${min} to ${max} is needed)`
          : `is not a whole number from ${min} to ${max}`;
    p.add(path, v, problem, fix);
    return false;
  }
  return true;
}

export function checkOneOf<T extends string>(p: Problems, path: string, v: unknown, allowed: readonly T[]): v is T {
  if (!allowed.includes(v as T)) {
    const asString = typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    const hint = asString !== undefined && allowed.includes(asString as T) ? ` (write it as the string "${asString}")` : '';
    p.add(path, v, v === undefined ? 'is missing' : 'is not allowed', `use one of ${show(allowed)}${hint}`);
    return false;
  }
  return true;
}

export function checkBool(p: Problems, path: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') p.add(path, v, 'is not a boolean', 'use true or false');
}

/** A legal basis: `{ basis, reference }`, both named. */
export function checkLegalBasis(p: Problems, path: string, v: unknown): void {
  if (!checkKeys(p, path, v, ['basis', 'reference'])) return;
  checkString(p, `${path}.basis`, v.basis, /\S/, 'name the instrument that allows the transfer, e.g. "PIPL standard contract"');
  checkString(p, `${path}.reference`, v.reference, /\S/, 'say where its record is kept: a contract or filing number, or a document link');
}
