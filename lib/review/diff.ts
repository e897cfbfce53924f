/**
 * Compares two synthesized cdktf outputs (base and head of a pull request) the way `terraform plan` would
 * classify each resource, without credentials or state:
 * - add / remove: the address exists on one side only;
 * - move: a removed and an added resource of the same type are the same thing (same name attribute, or the
 *   same configuration) under a new construct id. cdktf here emits no `moved` blocks, so Terraform destroys
 *   the old address and creates the new one;
 * - replace: a changed attribute is force-new in the provider schema (`x_force_new`, also inside force-new
 *   nested blocks), or a force-new attribute refers to a resource that is itself replaced, in its stack or
 *   through a cross-stack output (its value becomes known only after apply), or the resource moves to another
 *   provider configuration (region);
 * - update: anything else that changed.
 * Replacing, removing or moving a stateful resource is a data-loss risk.
 *
 * Pure: takes parsed JSON and the schema index, returns data. `renderReview` turns it into Markdown.
 */
import type { SchemaBlock, SchemaIndex } from '../schema-check/check';
import { isForceNew, pathSegments } from './schema';
import { isSensitive, SENSITIVE } from './sensitive';
import { isStateful, STATEFUL_TYPES } from '../facts/stateful';

/** One parsed `cdk.tf.json`. */
export type StackDoc = Readonly<Record<string, unknown>>;
/** A synth output: stack name → its parsed `cdk.tf.json`. */
export type SynthOutput = Readonly<Record<string, StackDoc>>;

export const ACTIONS = ['add', 'update', 'replace', 'move', 'remove'] as const;
export type Action = (typeof ACTIONS)[number];

export interface AttributeChange {
  /** `tags.unit`, `zone_mappings[0].zone_id`. */
  readonly path: string;
  /** Printable values, `(none)` when absent, `(sensitive)` when secret. */
  readonly before: string;
  readonly after: string;
  readonly forceNew: boolean;
}

export interface ResourceLocation {
  readonly stack: string;
  /** `type.name` as Terraform addresses it. */
  readonly address: string;
  /** The cdktf construct path, when the metadata has it. */
  readonly constructPath?: string;
}

export interface ResourceChange extends ResourceLocation {
  readonly type: string;
  readonly action: Action;
  /** Changed attribute paths (update and replace). */
  readonly changes: readonly AttributeChange[];
  /** Why a replace happens, one line each (`zone_id: "a" → "b"`). */
  readonly causes: readonly string[];
  /** For a move: the address it had in base. */
  readonly movedFrom?: ResourceLocation;
}

export interface DataLossRisk extends ResourceLocation {
  readonly type: string;
  readonly action: 'replace' | 'remove' | 'move';
  /** What is lost (from STATEFUL_TYPES). */
  readonly holds: string;
  readonly causes: readonly string[];
  /**
   * The head configuration keeps `prevent_destroy`, so `terraform apply` refuses the replacement. A removal or
   * a move drops the guard together with the old address, so it never applies to them.
   */
  readonly preventDestroy: boolean;
}

export interface StackReview {
  readonly name: string;
  /** Sorted by action (add, update, replace, move, remove), then address. */
  readonly changes: readonly ResourceChange[];
}

export type ActionCounts = Readonly<Record<Action, number>>;

export interface Review {
  /** Stacks with at least one change, by name. */
  readonly stacks: readonly StackReview[];
  readonly dataLoss: readonly DataLossRisk[];
  readonly totals: ActionCounts;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const META_KEY = '//';
const REF = /\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\./g;

interface Resource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly body: Obj;
  readonly constructPath?: string;
}

function resourcesOf(output: SynthOutput): Map<string, Resource> {
  const all = new Map<string, Resource>();
  for (const stack of Object.keys(output).sort()) {
    const section = output[stack].resource;
    if (!isObj(section)) continue;
    for (const type of Object.keys(section).sort()) {
      const byName = section[type];
      if (!isObj(byName)) continue;
      for (const name of Object.keys(byName).sort()) {
        const body = isObj(byName[name]) ? (byName[name] as Obj) : {};
        const meta = body[META_KEY];
        const constructPath = isObj(meta) && isObj(meta.metadata) && typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
        all.set(key(stack, `${type}.${name}`), { stack, type, name, address: `${type}.${name}`, body: withoutMeta(body) as Obj, constructPath });
      }
    }
  }
  return all;
}

const key = (stack: string, address: string) => `${stack}\u0000${address}`;

/** The value with every cdktf metadata (`//`) key removed, at any depth. */
export function withoutMeta(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMeta);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) if (k !== META_KEY) out[k] = withoutMeta(v[k]);
  return out;
}

interface RawChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Leaf-level differences; a list whose length changed is one change at the list's path. */
export function diffValues(before: unknown, after: unknown, path = ''): RawChange[] {
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== META_KEY).sort();
    return keys.flatMap((k) => diffValues(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => diffValues(b, after[i], `${path}[${i}]`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/** Every leaf of a value with its path. */
function leaves(v: unknown, path = ''): { path: string; value: unknown }[] {
  if (isObj(v)) return Object.keys(v).flatMap((k) => leaves(v[k], path ? `${path}.${k}` : k));
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  return [{ path, value: v }];
}

function printable(block: SchemaBlock | undefined, path: string, v: unknown): string {
  if (v === undefined) return '(none)';
  if (isSensitive(block, pathSegments(path), v)) return SENSITIVE;
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Terraform meta-arguments: not in the provider schema. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);

/** Attribute names that identify a resource to its owner (and usually to the cloud): the name it is known by. */
const IDENTITY_NAME = /(^|_)name$|^bucket$|^project$|^cidr_block$/;

/** The literal identifying attributes of a resource, or undefined when it has none. */
function identity(body: Obj): string | undefined {
  const pairs = Object.keys(body)
    .filter((k) => IDENTITY_NAME.test(k) && typeof body[k] === 'string' && !(body[k] as string).includes('${'))
    .sort()
    .map((k) => [k, body[k]]);
  return pairs.length ? JSON.stringify(pairs) : undefined;
}

/** The configuration with references made address-independent, so a moved parent does not hide a moved child. */
function shape(body: Obj): string {
  return JSON.stringify(body).replace(REF, (_m, type: string) => `\${${type}.*.`);
}

/** Pairs removed and added resources that are the same thing under a new address (identity first, then shape). */
function findMoves(removed: Resource[], added: Resource[]): [Resource, Resource][] {
  const pairs: [Resource, Resource][] = [];
  const taken = new Set<Resource>();
  for (const match of [identity, shape]) {
    for (const old of removed) {
      if (pairs.some(([o]) => o === old)) continue;
      const want = match(old.body);
      if (want === undefined) continue;
      const candidates = added.filter((a) => !taken.has(a) && a.type === old.type && match(a.body) === want);
      // Prefer the same stack; ambiguity (two equal candidates) is not a move we can name.
      const same = candidates.filter((a) => a.stack === old.stack);
      const pick = same.length === 1 ? same[0] : same.length === 0 && candidates.length === 1 ? candidates[0] : undefined;
      if (pick) {
        pairs.push([old, pick]);
        taken.add(pick);
      }
    }
  }
  return pairs;
}

export function reviewOutputs(base: SynthOutput, head: SynthOutput, schema: SchemaIndex): Review {
  const before = resourcesOf(base);
  const after = resourcesOf(head);
  const removed = [...before.entries()].filter(([k]) => !after.has(k)).map(([, r]) => r);
  const added = [...after.entries()].filter(([k]) => !before.has(k)).map(([, r]) => r);
  const moves = findMoves(removed, added);
  const movedOld = new Set(moves.map(([o]) => o));
  const movedNew = new Map(moves.map(([o, n]) => [n, o]));

  const changes = new Map<string, ResourceChange>();
  for (const r of removed) {
    if (!movedOld.has(r)) changes.set(key(r.stack, r.address), { ...loc(r), type: r.type, action: 'remove', changes: [], causes: [] });
  }
  for (const r of added) {
    const from = movedNew.get(r);
    changes.set(
      key(r.stack, r.address),
      from
        ? {
            ...loc(r),
            type: r.type,
            action: 'move',
            changes: [],
            causes: [`construct id moved from ${from.stack === r.stack ? '' : `${from.stack}/`}${from.address}: destroyed and created again (no moved block)`],
            movedFrom: loc(from),
          }
        : { ...loc(r), type: r.type, action: 'add', changes: [], causes: [] },
    );
  }

  // Resources on both sides: changed attributes, then replacement by force-new attributes.
  const common = [...after.entries()].filter(([k]) => before.has(k));
  for (const [k, r] of common) {
    const old = before.get(k)!;
    const block = schema.resources.get(r.type);
    const raw = diffValues(old.body, r.body);
    const [fromProvider, toProvider] = [providerConfig(base[old.stack], old), providerConfig(head[r.stack], r)];
    if (!raw.length && fromProvider === toProvider) continue;
    const attrs: AttributeChange[] = [];
    const causes: string[] = [];
    for (const c of raw) {
      const segs = pathSegments(c.path);
      // Meta-arguments are not in the schema; a provider change is judged below by where it points.
      const forceNew = META_ARGUMENTS.has(segs[0]) ? false : block ? isForceNew(block, segs) : schema.providers.has(r.type.split('_')[0]);
      const change = { path: c.path, before: printable(block, c.path, c.before), after: printable(block, c.path, c.after), forceNew };
      attrs.push(change);
      if (forceNew)
        causes.push(
          block ? `${c.path}: ${change.before} → ${change.after}` : `${c.path}: ${r.type} is not in the provider schema; assumed to force replacement`,
        );
    }
    if (fromProvider !== toProvider) {
      causes.push(`provider: ${fromProvider} → ${toProvider} (another region or account: Terraform looks for it there and creates it)`);
    }
    changes.set(k, { ...loc(r), type: r.type, action: causes.length ? 'replace' : 'update', changes: attrs, causes });
  }

  // A force-new attribute that refers to a replaced resource gets a new value at apply: it is replaced too.
  let grew = true;
  while (grew) {
    grew = false;
    const recreated = new Set([...changes.values()].filter((c) => c.action === 'replace' || c.action === 'move').map((c) => key(c.stack, c.address)));
    for (const [k, r] of common) {
      const current = changes.get(k);
      if (current?.action === 'replace') continue;
      const block = schema.resources.get(r.type);
      if (!block) continue;
      const causes: string[] = [];
      for (const leaf of leaves(r.body)) {
        if (typeof leaf.value !== 'string' || !isForceNew(block, pathSegments(leaf.path))) continue;
        for (const target of referencedResources(head, r.stack, leaf.value)) {
          if (!recreated.has(key(target.stack, target.address))) continue;
          const shown = target.stack === r.stack ? target.address : `${target.stack}/${target.address} (published to this stack)`;
          causes.push(`${leaf.path}: refers to ${shown}, which is replaced (known after apply)`);
        }
      }
      if (causes.length) {
        changes.set(k, { ...loc(r), type: r.type, action: 'replace', changes: current?.changes ?? [], causes: [...new Set(causes)] });
        grew = true;
      }
    }
  }

  // Code-unit order, not localeCompare: the same output on every machine whatever its locale.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const all = [...changes.values()].sort((a, b) => cmp(a.stack, b.stack) || ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) || cmp(a.address, b.address));
  const stacks: StackReview[] = [...new Set(all.map((c) => c.stack))].map((name) => ({ name, changes: all.filter((c) => c.stack === name) }));
  const dataLoss: DataLossRisk[] = all
    .filter(
      (c): c is ResourceChange & { action: DataLossRisk['action'] } =>
        isStateful(c.type) && (c.action === 'replace' || c.action === 'remove' || c.action === 'move'),
    )
    .map((c) => ({
      stack: c.stack,
      address: c.address,
      constructPath: c.constructPath,
      type: c.type,
      action: c.action,
      holds: STATEFUL_TYPES[c.type],
      causes: c.action === 'remove' ? ['removed from the code: prevent_destroy goes with it, so Terraform destroys it'] : c.causes,
      preventDestroy: c.action === 'replace' && preventsDestroy(after.get(key(c.stack, c.address))),
    }));
  const totals = Object.fromEntries(ACTIONS.map((a) => [a, all.filter((c) => c.action === a).length])) as Record<Action, number>;
  return { stacks, dataLoss, totals };
}

/** A value read from an OOS parameter another stack published (lib/core/contracts.ts, the cross-stack channel). */
const PARAMETER_READ = /\$\{data\.alicloud_oos_(?:secret_)?parameters\.([A-Za-z0-9_-]+)\.parameters\[0\]\.value\}/g;

/** The stack and resource that publish the OOS parameter `name`, and the value they publish. */
function publisher(output: SynthOutput, name: string): { stack: string; value: unknown } | undefined {
  for (const [stack, doc] of Object.entries(output)) {
    const resources = isObj(doc.resource) ? doc.resource : {};
    for (const type of ['alicloud_oos_parameter', 'alicloud_oos_secret_parameter']) {
      const byName = isObj(resources[type]) ? (resources[type] as Obj) : {};
      for (const body of Object.values(byName)) {
        if (!isObj(body)) continue;
        if (body.parameter_name === name || body.secret_parameter_name === name) return { stack, value: body.value };
      }
    }
  }
  return undefined;
}

/**
 * The resources a value refers to: `${type.name.attr}` in its own stack, and through the cross-stack channel (an
 * OOS parameter read, `${data.alicloud_oos_parameters.<name>.parameters[0].value}`) the resources the publishing
 * stack's parameter value refers to: when those are replaced, the reader sees a new value at its next plan.
 */
export function referencedResources(output: SynthOutput, stack: string, value: string): { stack: string; address: string }[] {
  const found: { stack: string; address: string }[] = [];
  for (const m of value.matchAll(REF)) if (m[1] !== 'data' && m[1] !== 'var' && m[1] !== 'local') found.push({ stack, address: `${m[1]}.${m[2]}` });
  const data = isObj(output[stack]?.data) ? (output[stack].data as Obj) : {};
  for (const m of value.matchAll(PARAMETER_READ)) {
    for (const type of ['alicloud_oos_parameters', 'alicloud_oos_secret_parameters']) {
      const read = isObj(data[type]) ? (data[type] as Obj)[m[1]] : undefined;
      const ids = isObj(read) && Array.isArray(read.ids) ? read.ids : [];
      const source = typeof ids[0] === 'string' ? publisher(output, ids[0]) : undefined;
      if (source && typeof source.value === 'string') {
        for (const r of source.value.matchAll(REF)) if (r[1] !== 'data') found.push({ stack: source.stack, address: `${r[1]}.${r[2]}` });
      }
    }
  }
  return found;
}

function loc(r: Resource): ResourceLocation {
  return r.constructPath ? { stack: r.stack, address: r.address, constructPath: r.constructPath } : { stack: r.stack, address: r.address };
}

/**
 * The configuration of the provider a resource uses (`provider` meta-argument: `alicloud` is the un-aliased
 * block, `alicloud.<alias>` an aliased one), as JSON; renaming an alias that keeps the region is no change.
 */
function providerConfig(doc: StackDoc | undefined, r: Resource): string {
  const ref = typeof r.body.provider === 'string' ? r.body.provider : r.type.split('_')[0];
  const [local, alias] = ref.split('.');
  const blocks = doc?.provider;
  const entries = isObj(blocks) ? blocks[local] : undefined;
  const list = Array.isArray(entries) ? entries : entries === undefined ? [] : [entries];
  const found = list.find((e) => isObj(e) && e.alias === alias) as Obj | undefined;
  if (!found) return JSON.stringify(ref);
  const { alias: _alias, ...config } = found;
  return JSON.stringify(withoutMeta(config));
}

function preventsDestroy(r: Resource | undefined): boolean {
  const lc = r?.body.lifecycle;
  return isObj(lc) && lc.prevent_destroy === true;
}

/** Counts per action of a list of changes. */
export function countActions(changes: readonly ResourceChange[]): ActionCounts {
  return Object.fromEntries(ACTIONS.map((a) => [a, changes.filter((c) => c.action === a).length])) as Record<Action, number>;
}

/** Process exit code of the review: 3 when any change risks losing data, so CI can require an approval. */
export function exitCodeOf(review: Review): 0 | 3 {
  return review.dataLoss.length ? 3 : 0;
}
