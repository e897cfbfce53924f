/**
 * Checks synthesized Terraform JSON against the provider schemas kept in provider/ — the project's stand-in
 * for `terraform validate`, which needs Terraform and the provider registry. It reports unknown attributes
 * and blocks, missing required ones, type mismatches, nested block counts, enums, ranges, lengths,
 * conflicting attributes and attributes that are computed-only or removed.
 *
 * Values that are Terraform expressions (`${...}`) are only known at plan time and are not checked.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The subset of `terraform providers schema -json` this checker reads, plus the `x_` facts. */
export interface SchemaAttribute {
  readonly type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
  readonly sensitive?: boolean;
  readonly x_enum?: readonly (string | number)[];
  readonly x_enum_ignore_case?: boolean;
  readonly x_min?: number;
  readonly x_max?: number;
  readonly x_min_length?: number;
  readonly x_max_length?: number;
  readonly x_min_items?: number;
  readonly x_max_items?: number;
  readonly x_pattern?: string;
  readonly x_conflicts_with?: readonly string[];
  readonly x_exactly_one_of?: readonly string[];
  readonly x_at_least_one_of?: readonly string[];
  readonly x_required_with?: readonly string[];
  readonly x_elem?: SchemaAttribute;
  readonly x_removed?: string;
  readonly x_force_new?: boolean;
  readonly x_sdk_type?: string;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly min_items?: number;
  readonly max_items?: number;
  readonly block: SchemaBlock;
  readonly x_conflicts_with?: readonly string[];
  readonly x_removed?: string;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
}

export interface ProviderSchemaFile {
  readonly provider_schemas: Readonly<
    Record<
      string,
      {
        readonly resource_schemas?: Readonly<Record<string, { block: SchemaBlock }>>;
        readonly data_source_schemas?: Readonly<Record<string, { block: SchemaBlock }>>;
      }
    >
  >;
  readonly provider_versions?: Readonly<Record<string, string>>;
}

export interface SchemaIndex {
  readonly resources: ReadonlyMap<string, SchemaBlock>;
  readonly dataSources: ReadonlyMap<string, SchemaBlock>;
  /** Provider local names the schemas cover (`alicloud`, `random`): other types are not checked. */
  readonly providers: ReadonlySet<string>;
}

export interface SchemaProblem {
  /** `resource_type.name` or `data.type.name`. */
  readonly address: string;
  readonly problem: string;
}

const PROVIDER_DIR = path.resolve(__dirname, '..', '..', 'provider');

export function loadSchemas(files: readonly string[] = ['alicloud.schema.json', 'random.schema.json'].map((f) => path.join(PROVIDER_DIR, f))): SchemaIndex {
  const resources = new Map<string, SchemaBlock>();
  const dataSources = new Map<string, SchemaBlock>();
  const providers = new Set<string>();
  for (const f of files) {
    const doc: ProviderSchemaFile = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const [fqpn, ps] of Object.entries(doc.provider_schemas)) {
      providers.add(fqpn.split('/').pop()!);
      for (const [t, s] of Object.entries(ps.resource_schemas ?? {})) resources.set(t, s.block);
      for (const [t, s] of Object.entries(ps.data_source_schemas ?? {})) dataSources.set(t, s.block);
    }
  }
  return { resources, dataSources, providers };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpr = (v: unknown) => typeof v === 'string' && (v.includes('${') || v.includes('%{'));
const META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};
const numeric = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^[-+]?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;

function checkType(v: unknown, type: unknown, where: string, out: string[], sdkType?: string): void {
  if (v === null || v === undefined || isExpr(v) || type === 'dynamic') return;
  if (typeof type === 'string') {
    if (type === 'string' && (Array.isArray(v) || isObj(v))) out.push(`${where}: expected string, got ${show(v)}`);
    if (type === 'number') {
      const n = numeric(v);
      if (n === undefined) out.push(`${where}: expected number, got ${show(v)}`);
      else if (sdkType === 'TypeInt' && !Number.isInteger(n)) out.push(`${where}: expected a whole number, got ${show(v)}`);
    }
    if (type === 'bool' && typeof v !== 'boolean' && v !== 'true' && v !== 'false') out.push(`${where}: expected bool, got ${show(v)}`);
    return;
  }
  if (!Array.isArray(type)) return;
  const [kind, inner] = type as [string, unknown];
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) out.push(`${where}: expected ${kind}, got ${show(v)}`);
    else v.forEach((e, i) => checkType(e, inner, `${where}[${i}]`, out));
  } else if (kind === 'map') {
    if (!isObj(v)) out.push(`${where}: expected map, got ${show(v)}`);
    else for (const [k, e] of Object.entries(v)) checkType(e, inner, `${where}["${k}"]`, out);
  } else if (kind === 'object') {
    if (!isObj(v)) out.push(`${where}: expected object, got ${show(v)}`);
    else
      for (const [k, e] of Object.entries(v)) {
        const fields = inner as Obj;
        if (!(k in fields)) out.push(`${where}: unexpected object attribute "${k}"`);
        else checkType(e, fields[k], `${where}.${k}`, out);
      }
  }
}

function checkConstraints(v: unknown, a: SchemaAttribute, where: string, out: string[]): void {
  if (v === null || v === undefined || isExpr(v) || typeof v === 'object') return;
  if (a.x_enum?.length) {
    const ok =
      typeof a.x_enum[0] === 'number'
        ? a.x_enum.includes(numeric(v) as number)
        : a.x_enum.some((e) => (a.x_enum_ignore_case ? String(e).toLowerCase() === String(v).toLowerCase() : String(e) === String(v)));
    if (!ok) out.push(`${where}: ${show(v)} is not one of ${JSON.stringify(a.x_enum)}`);
  }
  const n = typeof v === 'boolean' ? undefined : numeric(v);
  if (n !== undefined) {
    if (typeof a.x_min === 'number' && n < a.x_min) out.push(`${where}: ${n} is below the minimum ${a.x_min}`);
    if (typeof a.x_max === 'number' && n > a.x_max) out.push(`${where}: ${n} is above the maximum ${a.x_max}`);
  }
  if (typeof v === 'string') {
    // The provider's patterns are Go regular expressions; the ones it uses are also valid JavaScript.
    if (a.x_pattern && !new RegExp(a.x_pattern).test(v)) out.push(`${where}: ${show(v)} does not match ${a.x_pattern}`);
    if (typeof a.x_min_length === 'number' && v.length < a.x_min_length) out.push(`${where}: length ${v.length} is below ${a.x_min_length}`);
    if (typeof a.x_max_length === 'number' && v.length > a.x_max_length) out.push(`${where}: length ${v.length} is above ${a.x_max_length}`);
  }
}

/** Whether an SDK-style path (`a.0.b`) is set in the resource body. */
function isSet(root: Obj, sdkPath: string): boolean {
  let cur: unknown = root;
  for (const seg of sdkPath.split('.')) {
    if (/^\d+$/.test(seg)) {
      if (Array.isArray(cur)) cur = cur[Number(seg)];
      else if (!(isObj(cur) && seg === '0')) return false;
    } else {
      if (Array.isArray(cur)) cur = cur[0];
      if (!isObj(cur)) return false;
      cur = cur[seg];
    }
  }
  return cur !== undefined && cur !== null;
}

function checkBody(body: unknown, block: SchemaBlock, where: string, sdkWhere: string, root: Obj, out: string[], top: boolean): void {
  if (!isObj(body)) {
    out.push(`${where || 'body'}: expected an object, got ${show(body)}`);
    return;
  }
  const attrs = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  const pre = where ? `${where}.` : '';
  const sdkPre = sdkWhere ? `${sdkWhere}.` : '';
  for (const [key, val] of Object.entries(body)) {
    if (key === '//' || (top && META.has(key))) continue;
    const a = attrs[key];
    if (a) {
      if (val === null) continue;
      if (a.computed && !a.optional && !a.required) out.push(`${pre}${key}: is computed by the provider and cannot be set`);
      else if (a.x_removed) out.push(`${pre}${key}: has been removed from the provider: ${a.x_removed}`);
      else {
        const before = out.length;
        checkType(val, a.type, pre + key, out, a.x_sdk_type);
        if (out.length === before) {
          checkConstraints(val, a, pre + key, out);
          if (a.x_elem && (Array.isArray(val) || isObj(val))) {
            for (const [k, e] of Object.entries(val)) checkConstraints(e, a.x_elem, `${pre}${key}[${k}]`, out);
          }
          if (Array.isArray(val)) {
            if (a.x_max_items && val.length > a.x_max_items) out.push(`${pre}${key}: ${val.length} elements, at most ${a.x_max_items} allowed`);
            if (a.x_min_items && val.length < a.x_min_items) out.push(`${pre}${key}: ${val.length} elements, at least ${a.x_min_items} required`);
          }
        }
      }
      continue;
    }
    const bt = blocks[key];
    if (bt) {
      if (val === null) continue;
      const items = Array.isArray(val) ? val : [val];
      if (bt.x_removed) out.push(`${pre}${key}: block has been removed from the provider: ${bt.x_removed}`);
      if ((bt.nesting_mode === 'single' || bt.nesting_mode === 'group') && items.length > 1)
        out.push(`${pre}${key}: only one block allowed, got ${items.length}`);
      if (bt.max_items && items.length > bt.max_items) out.push(`${pre}${key}: ${items.length} blocks, at most ${bt.max_items} allowed`);
      if (bt.min_items && items.length < bt.min_items) out.push(`${pre}${key}: ${items.length} blocks, at least ${bt.min_items} required`);
      items.forEach((it, i) => checkBody(it, bt.block, `${pre}${key}[${i}]`, `${sdkPre}${key}.${i}`, root, out, false));
      continue;
    }
    out.push(`${pre}${key}: unknown attribute or block`);
  }
  for (const [name, a] of Object.entries(attrs)) {
    if (a.required && (body[name] === undefined || body[name] === null)) out.push(`${pre}${name}: required attribute is missing`);
  }
  for (const [name, bt] of Object.entries(blocks)) {
    if (bt.min_items && (body[name] === undefined || body[name] === null)) out.push(`${pre}${name}: required block is missing (at least ${bt.min_items})`);
  }
  const reported = new Set<string>();
  type Rules = Pick<SchemaAttribute, 'x_conflicts_with' | 'x_exactly_one_of' | 'x_at_least_one_of' | 'x_required_with'>;
  for (const [name, s] of [...Object.entries(attrs), ...Object.entries(blocks)] as [string, Rules][]) {
    const self = sdkPre + name;
    const present = body[name] !== undefined && body[name] !== null;
    for (const other of present ? (s.x_conflicts_with ?? []) : []) {
      const pair = [self, other].sort().join(' / ');
      if (isSet(root, other) && !reported.has(pair)) {
        reported.add(pair);
        out.push(`${pre}${name}: conflicts with "${other}"; set only one of them`);
      }
    }
    for (const other of present ? (s.x_required_with ?? []) : []) {
      if (other !== self && !isSet(root, other)) out.push(`${pre}${name}: requires "${other}" to be set too`);
    }
    // the SDK adds the attribute itself to its exactly-one-of / at-least-one-of group
    for (const [rule, group] of [
      ['exactly', s.x_exactly_one_of],
      ['at least', s.x_at_least_one_of],
    ] as const) {
      if (!group?.length) continue;
      const members = [...new Set([...group, self])].sort();
      const key = `${rule}:${members.join('|')}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const set = members.filter((m) => isSet(root, m));
      if (set.length === 0 || (rule === 'exactly' && set.length > 1)) {
        out.push(`${pre}${name}: ${rule} one of ${JSON.stringify(members)} must be set, found ${set.length ? set.join(', ') : 'none'}`);
      }
    }
  }
}

/** Checks one synthesized stack (the parsed cdk.tf.json). */
export function checkStack(doc: unknown, schema: SchemaIndex): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isObj(doc)) return [{ address: '(file)', problem: 'top level is not an object' }];
  for (const [section, index, prefix] of [
    ['resource', schema.resources, ''],
    ['data', schema.dataSources, 'data.'],
  ] as const) {
    const types = doc[section];
    if (!isObj(types)) continue;
    for (const [type, byName] of Object.entries(types)) {
      if (!schema.providers.has(type.split('_')[0])) continue; // terraform_remote_state and other providers
      for (const [name, body] of Object.entries(isObj(byName) ? byName : {})) {
        const address = `${prefix}${type}.${name}`;
        const block = index.get(type);
        if (!block) {
          problems.push({
            address,
            problem: `unknown ${section === 'data' ? 'data source' : 'resource'} type; add it to provider/resource-types.json and run npm run schema:trim`,
          });
          continue;
        }
        const out: string[] = [];
        checkBody(body, block, '', '', isObj(body) ? body : {}, out, true);
        for (const problem of out) problems.push({ address, problem });
      }
    }
  }
  return problems;
}

/** Checks every cdktf.out/stacks/<stack>/cdk.tf.json below `outdir`. */
export function checkOutdir(
  outdir: string,
  schema: SchemaIndex = loadSchemas(),
): { stacks: number; resources: number; problems: (SchemaProblem & { stack: string })[] } {
  const stacksDir = path.join(outdir, 'stacks');
  const result = { stacks: 0, resources: 0, problems: [] as (SchemaProblem & { stack: string })[] };
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    result.stacks++;
    for (const section of ['resource', 'data']) {
      for (const byName of Object.values(isObj(doc[section]) ? doc[section] : {})) result.resources += Object.keys(isObj(byName) ? byName : {}).length;
    }
    for (const p of checkStack(doc, schema)) result.problems.push({ stack, ...p });
  }
  return result;
}
