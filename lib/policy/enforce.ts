/**
 * Wiring the pack into the app flow: `applyPolicyPack` adds it to every stack; `synthWithPolicy` synthesizes,
 * writes the report next to the stacks and returns the lines that must fail the build (main.ts prints them
 * and exits non-zero). Tests call the same two functions.
 */
import * as path from 'path';
import { Aspects, App, TerraformStack } from 'cdktf';
import type { TopologyDeclaration } from '../topology/types';
import { Finding, PolicyPack } from './engine';
import { writePolicyReport } from './report';
import { ALI_RULES } from './rules';
import type { PolicyRule } from './types';

/** Adds one pack (the full rule set unless told otherwise) to every stack of `app`, and returns it. */
export function applyPolicyPack(app: App, topology?: TopologyDeclaration, rules: readonly PolicyRule[] = ALI_RULES): PolicyPack {
  const pack = new PolicyPack({ rules, topology });
  for (const stack of app.node.findAll().filter(TerraformStack.isStack)) Aspects.of(stack).add(pack);
  return pack;
}

export interface PolicyOutcome {
  /** Every report row, sorted. */
  readonly findings: Finding[];
  /** One line per unsuppressed error: `<rule id> <resource path>: <info>; fix: <fix>`. Empty when the app passes. */
  readonly failures: string[];
  readonly report: { readonly csv: string; readonly json: string };
}

/** Synthesizes `app`, writes the policy report into its outdir, and returns what must fail the build. */
export function synthWithPolicy(app: App, pack: PolicyPack): PolicyOutcome {
  // Stacks added after applyPolicyPack are checked too: the pack is for every stack, not the ones present then.
  for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
    if (!Aspects.of(stack).all.includes(pack)) Aspects.of(stack).add(pack);
  }
  app.synth();
  const findings = pack.findings;
  const report = writePolicyReport(app.outdir, findings);
  return { findings, failures: pack.failures, report };
}

/**
 * What main.ts prints after synth: a summary line with the report's path, then one line per failing finding.
 */
export function formatPolicyOutcome(outcome: PolicyOutcome): string {
  const count = (c: string) => outcome.findings.filter((f) => f.compliance === c).length;
  const report = path.relative(process.cwd(), outcome.report.csv);
  const n = outcome.failures.length;
  const head = `policy: ${count('Compliant')} compliant, ${count('Suppressed')} suppressed, ${count('Non-Compliant')} non-compliant, ${count('Unknown')} unknown; ${n} failing (report: ${report})`;
  return [head, ...outcome.failures].join('\n') + '\n';
}
