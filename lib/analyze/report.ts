/**
 * What the analysis reports: per check, what it proved (each with the resource addresses that prove it) and what it
 * found (each with the addresses involved). Errors fail `npm run analyze` and `npm run synth`; warnings are printed.
 */
import type { Address } from './output';

export const CHECKS = {
  flows: '(a) every declared flow is admitted end to end',
  isolation: '(b) nothing else lets traffic cross units',
  residency: "(c) a unit's personal data lands only in its region, or where the register lists it with a legal basis",
  secrets: '(d) state and secrets stay home: no remote state, accounts and passwords in their unit, no secret outputs',
  register: '(e) the register and the output agree: every entry names resources the output has',
} as const;
export type CheckId = keyof typeof CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export interface Finding {
  readonly check: CheckId;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly resources: readonly Address[];
}

/** Something a check established, with the addresses it rests on. */
export interface Proof {
  readonly check: CheckId;
  readonly message: string;
  readonly resources: readonly Address[];
}

export interface Analysis {
  /** Stacks read. */
  readonly stacks: readonly string[];
  readonly proofs: readonly Proof[];
  /** Sorted by check, then message. */
  readonly findings: readonly Finding[];
}

/** Collects what the checks find and prove. */
export class Collector {
  readonly proofs: Proof[] = [];
  readonly findings: Finding[] = [];
  constructor(readonly check: CheckId) {}
  error(message: string, resources: readonly Address[] = []): void {
    this.findings.push({ check: this.check, severity: 'error', message, resources: dedupe(resources) });
  }
  warning(message: string, resources: readonly Address[] = []): void {
    this.findings.push({ check: this.check, severity: 'warning', message, resources: dedupe(resources) });
  }
  proved(message: string, resources: readonly Address[] = []): void {
    this.proofs.push({ check: this.check, message, resources: dedupe(resources) });
  }
}

function dedupe(resources: readonly Address[]): Address[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const k = `${r.stack} ${r.address}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const errorsOf = (a: Analysis): Finding[] => a.findings.filter((f) => f.severity === 'error');

const where = (resources: readonly Address[]) => (resources.length ? ` [${resources.map((r) => `${r.stack} ${r.address}`).join(', ')}]` : '');

/** One line per finding: `analyze (b) error: <message> [<stack> <address>, ...]`. */
export function findingLine(f: Finding): string {
  return `analyze ${CHECKS[f.check].slice(0, 3)} ${f.severity}: ${f.message}${where(f.resources)}`;
}

/** What `npm run synth` prints: a summary line, then one line per finding. */
export function formatAnalysisSummary(a: Analysis): string {
  const counts = CHECK_IDS.map((id) => {
    const errors = a.findings.filter((f) => f.check === id && f.severity === 'error').length;
    return `${CHECKS[id].slice(0, 3)} ${id} ${errors === 0 ? 'ok' : `${errors} violation${errors === 1 ? '' : 's'}`}`;
  });
  const warnings = a.findings.filter((f) => f.severity === 'warning').length;
  const head = `analysis: ${counts.join(', ')}; ${warnings} warning${warnings === 1 ? '' : 's'} (details: npm run analyze)`;
  return [head, ...a.findings.map(findingLine)].join('\n') + '\n';
}

/** The full report `npm run analyze` prints: per check what it proved and what it found, with addresses. */
export function formatAnalysisReport(a: Analysis): string {
  const out: string[] = [`Reachability and residency analysis of ${a.stacks.length} stacks (${a.stacks.join(', ')})`, ''];
  for (const id of CHECK_IDS) {
    const findings = a.findings.filter((f) => f.check === id);
    const proofs = a.proofs.filter((p) => p.check === id);
    const errors = findings.filter((f) => f.severity === 'error').length;
    out.push(`${CHECKS[id]}: ${errors === 0 ? 'passed' : `FAILED (${errors} violation${errors === 1 ? '' : 's'})`}`);
    for (const f of findings) out.push(`  ${f.severity === 'error' ? 'violation' : 'warning'}: ${f.message}${where(f.resources)}`);
    for (const p of proofs) out.push(`  ok: ${p.message}${where(p.resources)}`);
    out.push('');
  }
  const errors = errorsOf(a).length;
  out.push(errors === 0 ? 'No violation.' : `${errors} violation${errors === 1 ? '' : 's'}.`);
  return `${out.join('\n')}\n`;
}
