/**
 * The policy pack as a cdktf Aspect. Applied to a stack, it visits every resource at synth time (after cdktf's
 * prepare phase has wired cross-stack references), resolves the resource's configuration exactly as the stack
 * will write it, and asks each rule for its resource type. Findings are collected, not thrown, so one synth
 * reports every finding of every stack at once.
 */
import { DefaultTokenResolver, IAspect, StringConcat, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import { unitStackName } from '../../stacks/unit-stack';
import type { TopologyDeclaration } from '../topology/types';
import { findSuppression, suppressionsOn } from './suppressions';
import type { Compliance, PolicyRule, ResourceView, RuleContext, RuleLevel, RuleResult } from './types';
import { unknown } from './types';

/** One row of the report: one rule on one resource. */
export interface Finding {
  readonly ruleId: string;
  /** Construct path of the resource. */
  readonly resource: string;
  readonly compliance: Compliance;
  /** The suppression's reason; empty unless `compliance` is Suppressed. */
  readonly exceptionReason: string;
  readonly level: RuleLevel;
  /** The rule's info, plus what this resource has (`security_ips contains "0.0.0.0/0"`). */
  readonly info: string;
  readonly fix: string;
}

export interface PolicyPackProps {
  readonly rules: readonly PolicyRule[];
  /** Gives residency, replication and cross-border rules what was declared. */
  readonly topology?: TopologyDeclaration;
}

// cdktf 0.21 resolves a stack's elements with this resolver (lib/_tokens.ts, not exported); using the public
// Tokenization API with the same resolver yields exactly what the stack writes to cdk.tf.json.
const RESOLVER = new DefaultTokenResolver(new StringConcat());

function resolveIn(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}

interface StackIndex {
  readonly context: RuleContext;
  readonly views: Map<IConstruct, ResourceView>;
}

export class PolicyPack implements IAspect {
  readonly rules: readonly PolicyRule[];
  private readonly topology?: TopologyDeclaration;
  private readonly byId: ReadonlyMap<string, PolicyRule>;
  private readonly indexes = new Map<TerraformStack, StackIndex>();
  /** Keyed by rule id and path, so a second synth of the same app replaces rather than duplicates rows. */
  private readonly results = new Map<string, Finding>();
  private readonly suppressionProblems = new Map<string, string>();
  /** Every suppression in the checked stacks, keyed by construct path and rule id. */
  private readonly declaredSuppressions = new Set<string>();
  /** The suppressions that covered a finding. */
  private readonly usedSuppressions = new Set<string>();

  constructor(props: PolicyPackProps) {
    const ids = new Set<string>();
    for (const r of props.rules) {
      if (ids.has(r.id)) throw new Error(`policy pack: rule id ${r.id} is used twice (${r.name}); give every rule its own id`);
      ids.add(r.id);
    }
    this.rules = props.rules;
    this.topology = props.topology;
    this.byId = new Map(props.rules.map((r) => [r.id, r]));
  }

  visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      // Re-index on every synth: the tree may have grown since the last one (tests add resources).
      this.indexes.delete(node);
      this.checkSuppressionIds(node);
      return;
    }
    if (!TerraformResource.isTerraformResource(node)) return;
    const stack = TerraformStack.of(node);
    const index = this.indexOf(stack);
    const view = index.views.get(node);
    if (!view) return;
    for (const rule of this.rules) {
      if (!rule.resourceTypes.includes(view.type)) continue;
      this.record(rule, node, view, this.evaluate(rule, view, index.context));
    }
  }

  /** Every evaluated rule on every resource (not-applicable ones omitted), sorted by resource then rule id. */
  get findings(): Finding[] {
    return [...this.results.values()].sort(
      (a, b) => cmp(a.resource, b.resource) || cmp(a.ruleId.replace(/\d+$/, ''), b.ruleId.replace(/\d+$/, '')) || ruleNumber(a.ruleId) - ruleNumber(b.ruleId),
    );
  }

  /**
   * What fails the synth, one line each: unsuppressed error-level findings that are non-compliant or unknown,
   * and suppressions naming a rule the pack does not have.
   */
  get failures(): string[] {
    const lines = this.findings
      .filter((f) => f.level === 'error' && (f.compliance === 'Non-Compliant' || f.compliance === 'Unknown'))
      .map((f) => `${f.ruleId} ${f.resource}: ${f.compliance === 'Unknown' ? 'cannot be checked: ' : ''}${f.info}; fix: ${f.fix}`);
    return [...lines, ...[...this.suppressionProblems.values()].sort()];
  }

  /**
   * Suppressions of real rules that covered no finding: the finding they were written for is gone (fixed, or the
   * construct moved), and a stale suppression would silently hide the next one. Reported, not failing.
   */
  get unusedSuppressions(): string[] {
    return [...this.declaredSuppressions]
      .filter((key) => !this.usedSuppressions.has(key) && this.byId.has(key.split('\u0000')[1]))
      .map((key) => {
        const [path, id] = key.split('\u0000');
        return `${id} ${path}: suppression covers no finding; remove it`;
      })
      .sort();
  }

  private evaluate(rule: PolicyRule, view: ResourceView, context: RuleContext): RuleResult {
    try {
      return rule.evaluate(view, context);
    } catch (e) {
      // A rule that cannot read a configuration has not shown it compliant.
      return unknown(`rule ${rule.name} failed on this configuration: ${(e as Error).message}`);
    }
  }

  private record(rule: PolicyRule, node: IConstruct, view: ResourceView, result: RuleResult): void {
    const key = `${rule.id}\u0000${view.path}`;
    if (result.kind === 'not-applicable') {
      this.results.delete(key);
      return;
    }
    const detail = result.kind === 'compliant' ? '' : `: ${result.detail}`;
    let compliance: Compliance = result.kind === 'compliant' ? 'Compliant' : result.kind === 'unknown' ? 'Unknown' : 'Non-Compliant';
    let exceptionReason = '';
    if (compliance !== 'Compliant') {
      const suppression = findSuppression(node, rule.id);
      if (suppression) {
        this.usedSuppressions.add(`${suppression.scopePath}\u0000${rule.id}`);
        compliance = 'Suppressed';
        exceptionReason = suppression.reason;
      }
    }
    this.results.set(key, { ruleId: rule.id, resource: view.path, compliance, exceptionReason, level: rule.level, info: `${rule.info}${detail}`, fix: rule.fix });
  }

  private checkSuppressionIds(stack: TerraformStack): void {
    for (const node of stack.node.findAll()) {
      for (const s of suppressionsOn(node)) {
        const key = `${node.node.path}\u0000${s.id}`;
        this.declaredSuppressions.add(key);
        if (this.byId.has(s.id)) this.suppressionProblems.delete(key);
        else this.suppressionProblems.set(key, `${s.id} ${node.node.path}: suppression names no rule of the policy pack; remove it or correct the id (see docs/policy-rules.md)`);
      }
    }
  }

  private indexOf(stack: TerraformStack): StackIndex {
    let index = this.indexes.get(stack);
    if (!index) {
      index = this.buildIndex(stack);
      this.indexes.set(stack, index);
    }
    return index;
  }

  private buildIndex(stack: TerraformStack): StackIndex {
    const views = new Map<IConstruct, ResourceView>();
    const byType = new Map<string, ResourceView[]>();
    const providerRegions = new Map<string, unknown>();
    for (const node of stack.node.findAll()) {
      if (TerraformResource.isTerraformResource(node)) {
        const tf = resolveIn(stack, node.toTerraform());
        const blocksOfType: Record<string, Record<string, unknown>> = tf?.resource?.[node.terraformResourceType] ?? {};
        for (const [name, config] of Object.entries(blocksOfType)) {
          const view: ResourceView = { type: node.terraformResourceType, name, address: `${node.terraformResourceType}.${name}`, path: node.node.path, config };
          views.set(node, view);
          byType.set(view.type, [...(byType.get(view.type) ?? []), view]);
        }
      } else if (TerraformProvider.isTerraformProvider(node)) {
        const tf = resolveIn(stack, node.toTerraform());
        for (const cfg of (tf?.provider?.[node.terraformResourceType] ?? []) as Record<string, unknown>[]) {
          const key = cfg.alias ? `${node.terraformResourceType}.${cfg.alias}` : node.terraformResourceType;
          providerRegions.set(key, cfg.region);
        }
      }
    }
    const stackName = stack.node.id;
    const unit = this.topology?.units.find((u) => unitStackName(u.id) === stackName);
    const context: RuleContext = {
      stackName,
      topology: this.topology,
      unit,
      resourcesOfType: (type) => byType.get(type) ?? [],
      providerRegion: (resource) => {
        const provider = resource.config.provider;
        const providerType = resource.type.split('_')[0];
        const key = typeof provider === 'string' ? provider : providerType;
        const region = providerRegions.get(key);
        return typeof region === 'string' && !region.includes('${') ? region : undefined;
      },
    };
    return { context, views };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ruleNumber = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
