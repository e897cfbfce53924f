/**
 * The vocabulary of the policy pack, modelled on cdk-nag v2: a rule is a pure function of one resource's
 * synthesized configuration (plus a read-only view of its stack) that answers compliant, non-compliant,
 * unknown or not-applicable.
 */
import type { TopologyModel, UnitModel } from '../topology/model';

/** `error` findings fail `npm run synth`; `warning` findings are reported only. */
export type RuleLevel = 'error' | 'warning';

/** What the report says about one rule on one resource (cdk-nag's "Compliance" column, plus Unknown). */
export type Compliance = 'Compliant' | 'Non-Compliant' | 'Unknown' | 'Suppressed';

/**
 * A rule's answer. `unknown` means the rule needs a literal value but found an unresolved Terraform reference
 * (or no topology to compare with): it is a finding like `non-compliant`, never a silent pass.
 */
export type RuleResult =
  | { readonly kind: 'compliant' }
  | { readonly kind: 'not-applicable' }
  | { readonly kind: 'non-compliant'; readonly detail: string }
  | { readonly kind: 'unknown'; readonly detail: string };

export const COMPLIANT: RuleResult = { kind: 'compliant' };
export const NOT_APPLICABLE: RuleResult = { kind: 'not-applicable' };
export const nonCompliant = (detail: string): RuleResult => ({ kind: 'non-compliant', detail });
export const unknown = (detail: string): RuleResult => ({ kind: 'unknown', detail });

/** One resource as it will be synthesized: every token resolved, references as `${type.name.attr}` strings. */
export interface ResourceView {
  /** Terraform type, e.g. `alicloud_oss_bucket`. */
  readonly type: string;
  /** Terraform logical name (cdktf's friendly unique id). */
  readonly name: string;
  /** `type.name`: what other resources' references start with. */
  readonly address: string;
  /** Construct path, e.g. `unit-cn/unit/database/instance`: the "resource" column of the report. */
  readonly path: string;
  /** The resource's block in cdk.tf.json (attributes, blocks, `provider`, `lifecycle`). */
  readonly config: Readonly<Record<string, unknown>>;
}

/** What a rule may read besides the resource itself. Read-only, identical for every resource of a stack. */
export interface RuleContext {
  /** The resource's stack name (`unit-cn`, `link`, `accel`, ...). */
  readonly stackName: string;
  /** The resolved topology, when the pack was given one (the app always gives it). */
  readonly model?: TopologyModel;
  /** The unit whose stack this is (`unit-<id>` of a declared unit), if any. */
  readonly unit?: UnitModel;
  /** Every resource of `type` in the same stack, in synthesis order. */
  resourcesOfType(type: string): readonly ResourceView[];
  /**
   * The region of the provider a resource uses: its `provider` meta-argument, or the stack's default
   * alicloud provider. `undefined` when the stack has no such provider or the region is not a literal.
   */
  providerRegion(resource: ResourceView): string | undefined;
}

export interface PolicyRule {
  /** Stable id (`ALI-OSS-1`). Never reuse or renumber: suppressions and reports refer to it. */
  readonly id: string;
  /** Named for the compliant condition (`OSSBucketVersioningEnabled`), as its file is. */
  readonly name: string;
  readonly level: RuleLevel;
  /** Resource types the rule looks at; others are not applicable without calling `evaluate`. */
  readonly resourceTypes: readonly string[];
  /** One line: what a non-compliant resource lacks (the report's "info"). */
  readonly info: string;
  /** Why it matters. */
  readonly explanation: string;
  /** How to make the resource compliant. */
  readonly fix: string;
  /** Matching public checks, for the rules table (`CKV_ALI_1`, `KICS: ...`, `InfraGuard: ...`). */
  readonly equivalents?: readonly string[];
  evaluate(resource: ResourceView, context: RuleContext): RuleResult;
}
