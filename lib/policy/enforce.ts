/**
 * Wiring the pack into the app flow: main.ts calls `synthWithPolicy(app, model)`, which synthesizes, checks
 * every stack's written `cdk.tf.json` with the pack, writes the report next to the stacks and returns the lines
 * that must fail the build (main.ts prints them and exits non-zero). Tests call the same function. The pack runs
 * here rather than in buildApp so that tests synthesizing the app for other reasons do not pay for it.
 */
import * as path from 'path';
import type { App } from 'cdktf';
import type { TopologyModel } from '../topology/model';
import { type Finding, PolicyPack } from './engine';
import { writePolicyReport } from './report';
import { ALI_RULES } from './rules';
import type { PolicyRule } from './types';

/** A pack of the full rule set (unless told otherwise) for the model; `synthWithPack` runs it. */
export function policyPackFor(model?: TopologyModel, rules: readonly PolicyRule[] = ALI_RULES): PolicyPack {
  return new PolicyPack({ rules, model });
}

export interface PolicyOutcome {
  /** Every report row, sorted. */
  readonly findings: Finding[];
  /** One line per unsuppressed error: `<rule id> <resource path>: <info>; fix: <fix>`. Empty when the app passes. */
  readonly failures: string[];
  /** Suppressions that covered no finding (stale): printed, not failing. */
  readonly unusedSuppressions: string[];
  readonly report: { readonly csv: string; readonly json: string };
}

/**
 * Synthesizes `app`, checks every stack with the pack (the full rule set unless told otherwise), writes the
 * policy report into the app's outdir, and returns what must fail the build.
 */
export function synthWithPolicy(app: App, model?: TopologyModel, rules: readonly PolicyRule[] = ALI_RULES): PolicyOutcome {
  return synthWithPack(app, policyPackFor(model, rules));
}

/** As `synthWithPolicy`, with a pack already made: every stack of the app at synth time is checked. */
export function synthWithPack(app: App, pack: PolicyPack): PolicyOutcome {
  app.synth();
  return checkSynthesized(app, pack);
}

/** The half of `synthWithPack` after `app.synth()`: checks the written stacks and writes the report. */
export function checkSynthesized(app: App, pack: PolicyPack): PolicyOutcome {
  pack.check(app);
  const findings = pack.findings;
  const report = writePolicyReport(app.outdir, findings);
  return { findings, failures: pack.failures, unusedSuppressions: pack.unusedSuppressions, report };
}

/**
 * What main.ts prints after synth: a summary line with the report's path, one line per failing finding, then
 * one warning line per stale suppression.
 */
export function formatPolicyOutcome(outcome: PolicyOutcome): string {
  const count = (c: string) => outcome.findings.filter((f) => f.compliance === c).length;
  const report = path.relative(process.cwd(), outcome.report.csv);
  const n = outcome.failures.length;
  const head = `policy: ${count('Compliant')} compliant, ${count('Suppressed')} suppressed, ${count('Non-Compliant')} non-compliant, ${count('Unknown')} unknown; ${n} failing (report: ${report})`;
  return [head, ...outcome.failures, ...outcome.unusedSuppressions.map((l) => `warning: ${l}`)].join('\n') + '\n';
}
