import { resolveTopology } from '../../lib/topology/resolve';
/**
 * Minimal stacks for rule tests: one App, one stack with an alicloud provider, the rules under test applied as
 * the app applies them, synthesized for real so rules see exactly what cdk.tf.json would hold.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformResource, TerraformStack } from 'cdktf';
import { type Construct } from 'constructs';
import { AlicloudProvider } from '../../.gen/providers/alicloud/provider';
import { synthWithPolicy, type PolicyOutcome } from '../../lib/policy/enforce';
import { ALI_RULES } from '../../lib/policy/rules';
import type { Compliance, PolicyRule } from '../../lib/policy/types';
import type { TopologyDeclaration } from '../../lib/topology/types';
import { fixtureTopology } from '../fixtures/topology';

/** What the rules compare with: the two-unit fixture (hub t1 in cn-shanghai, t2 in ap-northeast-1). */
export const TOPOLOGY = fixtureTopology(['t1', 't2']);
export const unitOf = (id: string) => TOPOLOGY.units.find((u) => u.id === id)!;

export interface MinimalStackOptions {
  /** `unit-<id>` makes it that unit's stack for residency rules. @default 'minimal' */
  readonly stackName?: string;
  /** Region of the default provider. @default the hub t1's region */
  readonly region?: string;
  /** The declaration the pack compares with. @default the fixture topology */
  readonly topology?: TopologyDeclaration;
}

export function synthMinimal(rules: readonly PolicyRule[], build: (stack: TerraformStack) => void, options: MinimalStackOptions = {}): PolicyOutcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-'));
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, options.stackName ?? 'minimal');
  new AlicloudProvider(stack, 'alicloud', { region: options.region ?? unitOf('t1').region });
  build(stack);
  try {
    return synthWithPolicy(app, resolveTopology(options.topology ?? TOPOLOGY), rules);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The compliance of `ruleId` on the resource at construct path `minimal/<id>` (or the given stack), or 'N/A'. */
export function complianceOf(outcome: PolicyOutcome, ruleId: string, resourceId: string, stackName = 'minimal'): Compliance | 'N/A' {
  return outcome.findings.find((f) => f.ruleId === ruleId && f.resource === `${stackName}/${resourceId}`)?.compliance ?? 'N/A';
}

/** A resource type the project has no binding for, written attribute by attribute as Terraform will see it. */
export function rawResource(scope: Construct, id: string, type: string, config: Record<string, unknown>): TerraformResource {
  const r = new TerraformResource(scope, id, { terraformResourceType: type });
  for (const [k, v] of Object.entries(config)) r.addOverride(k, v);
  return r;
}

export interface RuleCase {
  readonly rule: string;
  readonly name: string;
  readonly build: (stack: TerraformStack) => void;
  /** Construct id (below the stack) of the resource the rule judges. */
  readonly resource: string;
  readonly expected: Compliance | 'N/A';
  readonly stack?: MinimalStackOptions;
}

export const ruleById = (id: string): PolicyRule => {
  const rule = ALI_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

/**
 * Runs a family's table: each case on its own minimal stack with only its rule, and checks that every rule of
 * the family has at least one compliant and one non-compliant case.
 */
export function describeRuleFamily(family: string, cases: readonly RuleCase[]): void {
  describe(`${family} rules`, () => {
    test.each(cases.map((c) => [c.rule, c.name, c] as const))('%s: %s', (_id, _name, c) => {
      const outcome = synthMinimal([ruleById(c.rule)], c.build, c.stack);
      expect(complianceOf(outcome, c.rule, c.resource, c.stack?.stackName)).toBe(c.expected);
    });

    test.each(ALI_RULES.filter((r) => r.id.startsWith(`ALI-${family}-`)).map((r) => [r.id]))('%s has a compliant and a non-compliant case', (id) => {
      const outcomes = cases.filter((c) => c.rule === id).map((c) => c.expected);
      expect(outcomes).toContain('Compliant');
      expect(outcomes).toContain('Non-Compliant');
    });
  });
}
