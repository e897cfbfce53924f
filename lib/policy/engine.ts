/**
 * The policy pack. After `app.synth()`, it reads each stack's `cdk.tf.json` (the file Terraform will read, not a
 * second resolution of the constructs) and asks each rule for its resource type, finding the construct behind
 * each resource by the construct path cdktf records in the resource's metadata, for suppressions. Findings are
 * collected, not thrown, so one synth reports every finding of every stack at once.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type App, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { TopologyModel } from '../topology/model';
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
  /** Gives residency, replication and cross-border rules what was declared (the resolved model). */
  readonly model?: TopologyModel;
}

/** A stack's synthesized configuration, as cdktf wrote it. */
type StackJson = {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, Record<string, unknown>[]>;
};

export class PolicyPack {
  readonly rules: readonly PolicyRule[];
  private readonly model?: TopologyModel;
  private readonly byId: ReadonlyMap<string, PolicyRule>;
  /** Rows per stack path: checking a stack again (after another synth) replaces its rows. */
  private readonly results = new Map<string, Finding[]>();
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
    this.model = props.model;
    this.byId = new Map(props.rules.map((r) => [r.id, r]));
  }

  /**
   * Checks every stack of `app` as last synthesized: call after `app.synth()`. Checking again (after another
   * synth) replaces a stack's earlier rows rather than adding to them.
   */
  check(app: App): void {
    for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
      const file = path.join(app.outdir, app.manifest.forStack(stack).synthesizedStackPath);
      if (!file.endsWith('.json')) {
        throw new Error(
          `policy pack: ${stack.node.id} was synthesized as HCL (${path.basename(file)}); the pack reads Terraform JSON: synthesize without --hcl (SYNTH_HCL_OUTPUT unset)`,
        );
      }
      if (!fs.existsSync(file)) throw new Error(`policy pack: ${file} does not exist; call check(app) after app.synth()`);
      this.checkStack(stack, JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson);
    }
  }

  private checkStack(stack: TerraformStack, json: StackJson): void {
    this.checkSuppressionIds(stack);
    const constructs = new Map<string, IConstruct>(stack.node.findAll().map((c) => [c.node.path, c]));
    const { context, views } = this.indexOf(stack, json);
    const rows: Finding[] = [];
    for (const view of views) {
      for (const rule of this.rules) {
        if (!rule.resourceTypes.includes(view.type)) continue;
        const row = this.finding(rule, constructs.get(view.path), view, this.evaluate(rule, view, context));
        if (row) rows.push(row);
      }
    }
    this.results.set(stack.node.path, rows);
  }

  /** Every evaluated rule on every resource (not-applicable ones omitted), sorted by resource then rule id. */
  get findings(): Finding[] {
    return [...this.results.values()]
      .flat()
      .sort(
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

  /**
   * The report row of one rule on one resource, none when not applicable. `node` is the construct at the
   * resource's path: undefined only for a resource written by a stack override.
   */
  private finding(rule: PolicyRule, node: IConstruct | undefined, view: ResourceView, result: RuleResult): Finding | undefined {
    if (result.kind === 'not-applicable') return undefined;
    const detail = result.kind === 'compliant' ? '' : `: ${result.detail}`;
    let compliance: Compliance = result.kind === 'compliant' ? 'Compliant' : result.kind === 'unknown' ? 'Unknown' : 'Non-Compliant';
    let exceptionReason = '';
    if (compliance !== 'Compliant') {
      const suppression = node && findSuppression(node, rule.id);
      if (suppression) {
        this.usedSuppressions.add(`${suppression.scopePath}\u0000${rule.id}`);
        compliance = 'Suppressed';
        exceptionReason = suppression.reason;
      }
    }
    return { ruleId: rule.id, resource: view.path, compliance, exceptionReason, level: rule.level, info: `${rule.info}${detail}`, fix: rule.fix };
  }

  private checkSuppressionIds(stack: TerraformStack): void {
    for (const node of stack.node.findAll()) {
      for (const s of suppressionsOn(node)) {
        const key = `${node.node.path}\u0000${s.id}`;
        this.declaredSuppressions.add(key);
        if (this.byId.has(s.id)) this.suppressionProblems.delete(key);
        else
          this.suppressionProblems.set(
            key,
            `${s.id} ${node.node.path}: suppression names no rule of the policy pack; remove it or correct the id (see docs/policy-rules.md)`,
          );
      }
    }
  }

  private indexOf(stack: TerraformStack, json: StackJson): { readonly context: RuleContext; readonly views: ResourceView[] } {
    const views: ResourceView[] = [];
    const byType = new Map<string, ResourceView[]>();
    for (const [type, blocks] of Object.entries(json.resource ?? {})) {
      const ofType: ResourceView[] = [];
      for (const [name, config] of Object.entries(blocks)) {
        const metadata = (config['//'] as { metadata?: { path?: unknown } } | undefined)?.metadata;
        const constructPath = typeof metadata?.path === 'string' ? metadata.path : `${stack.node.path}/${type}.${name}`;
        ofType.push({ type, name, address: `${type}.${name}`, path: constructPath, config });
      }
      byType.set(type, ofType);
      views.push(...ofType);
    }
    const providerRegions = new Map<string, unknown>();
    for (const [type, configs] of Object.entries(json.provider ?? {})) {
      for (const cfg of configs) providerRegions.set(cfg.alias ? `${type}.${cfg.alias}` : type, cfg.region);
    }
    const stackName = stack.node.id;
    const unit = this.model?.units.find((u) => u.stackName === stackName);
    const context: RuleContext = {
      stackName,
      model: this.model,
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
