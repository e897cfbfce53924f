/**
 * The policy report, in cdk-nag's columns: rule id, resource, compliance, exception reason, level, info.
 * Rows are sorted and carry no timestamps or absolute paths, so the report diffs cleanly between commits.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from './engine';

export const REPORT_BASENAME = 'policy-report';

const COLUMNS = ['Rule ID', 'Resource ID', 'Compliance', 'Exception Reason', 'Rule Level', 'Rule Info'] as const;

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function reportCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [f.ruleId, f.resource, f.compliance, f.exceptionReason, f.level, f.info]);
  return [COLUMNS as readonly string[], ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function reportJson(findings: readonly Finding[]): string {
  const summary: Record<string, number> = { Compliant: 0, 'Non-Compliant': 0, Unknown: 0, Suppressed: 0 };
  for (const f of findings) summary[f.compliance] += 1;
  const rows = findings.map((f) => ({
    ruleId: f.ruleId,
    resource: f.resource,
    compliance: f.compliance,
    exceptionReason: f.exceptionReason,
    level: f.level,
    info: f.info,
    fix: f.fix,
  }));
  return JSON.stringify({ summary, findings: rows }, null, 2) + '\n';
}

/** Writes `<outdir>/policy-report.csv` and `.json`; returns their paths. */
export function writePolicyReport(outdir: string, findings: readonly Finding[]): { csv: string; json: string } {
  fs.mkdirSync(outdir, { recursive: true });
  const csv = path.join(outdir, `${REPORT_BASENAME}.csv`);
  const json = path.join(outdir, `${REPORT_BASENAME}.json`);
  fs.writeFileSync(csv, reportCsv(findings));
  fs.writeFileSync(json, reportJson(findings));
  return { csv, json };
}
