/**
 * The synthesized stacks as the analysis reads them: every resource and data source of every `cdk.tf.json`, the
 * region of the provider each uses, the references between them, and the cross-stack channel resolved: a read of an
 * OOS parameter (`${data.alicloud_oos_parameters.X.parameters[0].value}`) leads, through data source X's `ids[0]`, to
 * the `alicloud_oos_parameter` of that name in the stack that writes it, and on to the resource its `value` names
 * (`${alicloud_vpc.unit_network_vpc_….route_table_id}`). Reads only JSON: never a construct.
 */
import type { SynthOutput } from '../review/diff';
import type { ResourceRef } from '../register/register';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A resource or data source of one stack. */
export interface Node {
  readonly stack: string;
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  /** Terraform's address inside the stack: `type.name`, or `data.type.name`. */
  readonly address: string;
  /** Its block in `cdk.tf.json`. */
  readonly body: Obj;
}

/** Where a finding points: a stack and an address in it. */
export interface Address {
  readonly stack: string;
  readonly address: string;
}

export const addressOf = (n: Node): Address => ({ stack: n.stack, address: n.address });

/** What a reference leads to: the node, the attribute read, and the OOS parameters it went through. */
export interface Resolved {
  readonly node: Node;
  readonly attribute: string;
  /** The parameter reads and writes followed on the way, in order (reader first). */
  readonly via: readonly Node[];
}

const REF = /(?<![A-Za-z0-9_.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)/g;

/** A literal string: one without any Terraform expression. */
export const isLiteral = (v: unknown): v is string => typeof v === 'string' && !v.includes('${');

/** The blocks of a nested-block attribute: cdktf writes a single block as an object, several as an array. */
export function blocks(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/** A list attribute's items, or a comma-separated string's parts. */
export function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string' && isLiteral(v)) return v.split(',').map((s) => s.trim());
  return v === undefined ? [] : [v];
}

export class OutputIndex {
  readonly stacks: readonly string[];
  private readonly nodes: Node[] = [];
  /** Nodes by `<r|d>:<type>` and by `<r|d>:<type>:<stack>`, in stack then name order; and by stack. */
  private readonly byType = new Map<string, Node[]>();
  private readonly byStack = new Map<string, Node[]>();
  private readonly byAddress = new Map<string, Node>();
  private readonly regions = new Map<string, Map<string, string>>();
  private readonly backends = new Map<string, Obj>();
  private readonly outputs = new Map<string, Obj>();
  /** OOS parameter writers by parameter name: `secret:` prefix for secret parameters. */
  private readonly writers = new Map<string, Node[]>();

  constructor(output: SynthOutput) {
    this.stacks = Object.keys(output).sort();
    for (const stack of this.stacks) {
      const doc = output[stack] as Obj;
      for (const [section, data] of [
        ['resource', false],
        ['data', true],
      ] as const) {
        const byType = isObj(doc[section]) ? doc[section] : {};
        for (const type of Object.keys(byType).sort()) {
          const byName = isObj(byType[type]) ? byType[type] : {};
          for (const name of Object.keys(byName).sort()) {
            // The block as written (cdktf's `//` metadata included, which no check reads): copying every body costs
            // more than the whole analysis of a small topology.
            const body = isObj(byName[name]) ? byName[name] : {};
            const node: Node = { stack, data, type, name, address: `${data ? 'data.' : ''}${type}.${name}`, body };
            this.nodes.push(node);
            for (const key of [`${data ? 'd' : 'r'}:${type}`, `${data ? 'd' : 'r'}:${type}:${stack}`]) {
              const same = this.byType.get(key);
              if (same) same.push(node);
              else this.byType.set(key, [node]);
            }
            const inStack = this.byStack.get(stack);
            if (inStack) inStack.push(node);
            else this.byStack.set(stack, [node]);
            this.byAddress.set(`${stack}\u0000${node.address}`, node);
          }
        }
      }
      const providers = new Map<string, string>();
      const alicloud = isObj(doc.provider) ? doc.provider.alicloud : undefined;
      for (const p of blocks(alicloud)) {
        if (typeof p.region === 'string') providers.set(typeof p.alias === 'string' ? `alicloud.${p.alias}` : 'alicloud', p.region);
      }
      this.regions.set(stack, providers);
      const terraform = isObj(doc.terraform) ? doc.terraform : {};
      if (isObj(terraform.backend)) this.backends.set(stack, terraform.backend);
      if (isObj(doc.output)) this.outputs.set(stack, doc.output);
    }
    for (const n of this.all('alicloud_oos_parameter')) this.addWriter(n.body.parameter_name, n);
    for (const n of this.all('alicloud_oos_secret_parameter')) this.addWriter(n.body.secret_parameter_name, n, 'secret:');
  }

  private addWriter(name: unknown, n: Node, prefix = ''): void {
    if (!isLiteral(name)) return;
    this.writers.set(prefix + name, [...(this.writers.get(prefix + name) ?? []), n]);
  }

  /** Every managed resource of `type` (in `stack`, or in every stack), in stack then name order. */
  all(type: string, stack?: string): Node[] {
    return [...(this.byType.get(`r:${type}${stack === undefined ? '' : `:${stack}`}`) ?? [])];
  }

  /** Every data source of `type`. */
  dataSources(type: string, stack?: string): Node[] {
    return [...(this.byType.get(`d:${type}${stack === undefined ? '' : `:${stack}`}`) ?? [])];
  }

  /** Every node of a stack (or of all stacks). */
  everything(stack?: string): Node[] {
    return [...(stack === undefined ? this.nodes : (this.byStack.get(stack) ?? []))];
  }

  node(stack: string, address: string): Node | undefined {
    return this.byAddress.get(`${stack}\u0000${address}`);
  }

  backend(stack: string): Obj | undefined {
    return this.backends.get(stack);
  }

  outputsOf(stack: string): Obj {
    return this.outputs.get(stack) ?? {};
  }

  /** The region of the alicloud provider a node uses; undefined for other providers or an unknown alias. */
  regionOf(n: Node): string | undefined {
    const provider = typeof n.body.provider === 'string' ? n.body.provider : n.type.startsWith('alicloud_') ? 'alicloud' : undefined;
    return provider === undefined ? undefined : this.regions.get(n.stack)?.get(provider);
  }

  /** The nodes of `stack` that `value` refers to (anywhere inside its expressions), with the attribute read. */
  refsIn(stack: string, value: unknown): { node: Node; attribute: string }[] {
    if (typeof value !== 'string' || !value.includes('${')) return [];
    const out: { node: Node; attribute: string }[] = [];
    for (const expr of value.match(/\$\{[^}]*\}/g) ?? []) {
      for (const m of expr.matchAll(REF)) {
        const node = this.node(stack, `${m[1] ?? ''}${m[2]}.${m[3]}`);
        if (node) out.push({ node, attribute: m[4].replace(/^\./, '') });
      }
    }
    return out;
  }

  /**
   * What a value refers to, following OOS parameter reads to the resource the writing stack published: the first
   * reference of the value. Undefined for a literal, or a reference that leads nowhere in the output.
   */
  resolve(stack: string, value: unknown, via: readonly Node[] = []): Resolved | undefined {
    const [ref] = this.refsIn(stack, value);
    if (!ref) return undefined;
    const { node, attribute } = ref;
    if (node.data && (node.type === 'alicloud_oos_parameters' || node.type === 'alicloud_oos_secret_parameters')) {
      const writer = this.writerOf(node);
      if (!writer) return { node, attribute, via };
      const written = writer.body.value;
      return this.resolve(writer.stack, written, [...via, node, writer]) ?? { node: writer, attribute: 'value', via: [...via, node] };
    }
    return { node, attribute, via };
  }

  /** The parameter name an OOS parameter read asks for (`ids[0]`). */
  parameterRead(n: Node): string | undefined {
    const ids = n.body.ids;
    return Array.isArray(ids) && ids.length === 1 && isLiteral(ids[0]) ? ids[0] : undefined;
  }

  /** The resource that writes the parameter an OOS read asks for, if exactly one stack does. */
  writerOf(read: Node): Node | undefined {
    const name = this.parameterRead(read);
    if (name === undefined) return undefined;
    const found = this.writers.get(`${read.type === 'alicloud_oos_secret_parameters' ? 'secret:' : ''}${name}`) ?? [];
    return found.length === 1 ? found[0] : undefined;
  }

  private readonly byValue = new Map<string, Map<string, Node[]>>();

  /** The nodes a register resource reference names: its stack, type and literal attribute values. */
  matching(ref: ResourceRef): Node[] {
    const holds = (n: Node, k: string, want: string) => {
      const v = n.body[k];
      return Array.isArray(v) ? v.includes(want) : v === want;
    };
    const [first, ...rest] = Object.entries(ref.match);
    const kind = ref.data ? 'd' : 'r';
    if (!first) return [...(this.byType.get(`${kind}:${ref.type}:${ref.stack}`) ?? [])];
    // Candidates by the first attribute's value, indexed once per stack, type and attribute.
    const key = `${kind}:${ref.type}:${ref.stack}:${first[0]}`;
    let index = this.byValue.get(key);
    if (!index) {
      index = new Map();
      for (const n of this.byType.get(`${kind}:${ref.type}:${ref.stack}`) ?? []) {
        for (const v of listOf(n.body[first[0]])) if (typeof v === 'string') index.set(v, [...(index.get(v) ?? []), n]);
      }
      this.byValue.set(key, index);
    }
    return (index.get(first[1]) ?? []).filter((n) => holds(n, first[0], first[1]) && rest.every(([k, want]) => holds(n, k, want)));
  }
}
