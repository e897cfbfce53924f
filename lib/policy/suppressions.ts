/**
 * Suppressions: a finding accepted on purpose, with the reason on record. Like cdk-nag's, they are attached to
 * a construct and cover it and everything below it; unlike a stack- or app-wide switch, they cannot hide a
 * rule for resources nobody looked at, so an App or a stack is refused.
 */
import { App, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

export interface PolicySuppression {
  /** Rule id, e.g. `ALI-VPC-1`. */
  readonly id: string;
  /** Why the finding is accepted: at least 10 characters, shown in the report next to the finding. */
  readonly reason: string;
}

/** Shortest reason accepted: long enough that "ok" or "temp" is refused. */
export const MIN_REASON_LENGTH = 10;

const METADATA_TYPE = 'unit-cells/policy-suppressions';
const RULE_ID = /^ALI-[A-Z]+-\d+$/;

export class SuppressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionError';
  }
}

/**
 * Accepts the given rules' findings on `scope` and its descendants. Throws on an App or stack scope, a
 * malformed rule id or a reason shorter than MIN_REASON_LENGTH.
 */
export function suppressPolicyRules(scope: IConstruct, suppressions: readonly PolicySuppression[]): void {
  const where = scope.node.path || '(app)';
  if (App.isApp(scope) || TerraformStack.isStack(scope)) {
    throw new SuppressionError(
      `${where}: policy suppressions cannot be scoped to ${App.isApp(scope) ? 'the app' : 'a whole stack'}; attach them to the construct that holds the finding (for example ${where}/unit/network/vpc)`,
    );
  }
  for (const s of suppressions) {
    if (!RULE_ID.test(s.id)) {
      throw new SuppressionError(`${where}: suppression id ${JSON.stringify(s.id)} is not a rule id; use the id from the report, for example ALI-OSS-1`);
    }
    if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_LENGTH) {
      throw new SuppressionError(
        `${where}: suppression of ${s.id} has reason ${JSON.stringify(s.reason)}; give a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable`,
      );
    }
    scope.node.addMetadata(METADATA_TYPE, { id: s.id, reason: s.reason.trim() });
  }
}

/** Suppressions attached directly to `scope` (not its ancestors). */
export function suppressionsOn(scope: IConstruct): PolicySuppression[] {
  return scope.node.metadata.filter((m) => m.type === METADATA_TYPE).map((m) => m.data as PolicySuppression);
}

/**
 * The suppression of `ruleId` that covers `construct` (on the construct itself or the nearest ancestor that
 * carries one), with the path of the construct it is attached to.
 */
export function findSuppression(construct: IConstruct, ruleId: string): (PolicySuppression & { readonly scopePath: string }) | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const hit = suppressionsOn(scope).find((s) => s.id === ruleId);
    if (hit) return { ...hit, scopePath: scope.node.path };
  }
  return undefined;
}
