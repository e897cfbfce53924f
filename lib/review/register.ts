/**
 * The plan review's section on the data-flow register: what `cdktf.out/data-flows.json` gains, loses or changes
 * between the base and the head of a pull request, so a reviewer sees a new cross-border path (and its legal basis)
 * next to the resources that make it. Entries are compared by id; a changed entry lists its changed fields.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DataFlowRegister, RegisterEntry } from '../register/register';
import { diffValues } from './diff';

export const REGISTER_FILE = 'data-flows.json';

/** The register a synth output directory holds, or undefined when it has none (synthesized before the register). */
export function readRegisterFile(outdir: string): DataFlowRegister | undefined {
  const file = path.join(outdir, REGISTER_FILE);
  if (!fs.existsSync(file)) return undefined;
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: unknown };
  if (!Array.isArray(doc.entries)) throw new Error(`${file}: not a data-flow register (no entries); synthesize it with npm run synth`);
  return doc as DataFlowRegister;
}

export interface RegisterChange {
  readonly action: 'added' | 'changed' | 'removed';
  /** The head entry (the base one when removed). */
  readonly entry: RegisterEntry;
  /** Changed fields of a changed entry, printable. */
  readonly fields: readonly { readonly path: string; readonly before: string; readonly after: string }[];
}

const shown = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v).length > 80 ? `${JSON.stringify(v).slice(0, 77)}...` : JSON.stringify(v));

/** Changes from base to head, added first, then changed, then removed, each by id. */
export function diffRegister(base: DataFlowRegister | undefined, head: DataFlowRegister | undefined): RegisterChange[] {
  const before = new Map((base?.entries ?? []).map((e) => [e.id, e]));
  const after = new Map((head?.entries ?? []).map((e) => [e.id, e]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: RegisterChange[] = [];
  for (const id of ids) {
    const [b, a] = [before.get(id), after.get(id)];
    if (!b) changes.push({ action: 'added', entry: a!, fields: [] });
    else if (!a) changes.push({ action: 'removed', entry: b, fields: [] });
    else {
      const fields = diffValues(b, a).map((d) => ({ path: d.path, before: shown(d.before), after: shown(d.after) }));
      if (fields.length) changes.push({ action: 'changed', entry: a, fields });
    }
  }
  const order = { added: 0, changed: 1, removed: 2 };
  return changes.sort((x, y) => order[x.action] - order[y.action]);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const personalAbroad = (e: RegisterEntry) => e.dataClass === 'personal' && e.crossesBorder !== false;

/** The review section: a table of the changes, personal cross-border paths called out. */
export function renderRegisterChanges(base: DataFlowRegister | undefined, head: DataFlowRegister | undefined): string {
  const out = ['### Data-flow register (`data-flows.json`)', ''];
  if (!head) return [...out, 'The head output has no data-flow register.', ''].join('\n');
  if (!base) out.push('The base output has no data-flow register (synthesized before it existed): every head entry shows as added.', '');
  const changes = diffRegister(base, head);
  if (!changes.length) return [...out, 'No change: the same paths, classes and legal bases.', ''].join('\n');
  const count = (a: RegisterChange['action']) => changes.filter((c) => c.action === a).length;
  const abroad = changes.filter((c) => c.action !== 'removed' && personalAbroad(c.entry));
  out.push(`${count('added')} added, ${count('changed')} changed, ${count('removed')} removed.`, '');
  if (abroad.length)
    out.push(
      `> [!IMPORTANT]`,
      `> ${abroad.length} added or changed path${abroad.length === 1 ? '' : 's'} carr${abroad.length === 1 ? 'ies' : 'y'} personal data across a border: check ${abroad.length === 1 ? 'its' : 'each'} legal basis.`,
      '',
    );
  out.push('| change | entry | data class | crosses a border | legal basis | what changed |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of changes) {
    const e = c.entry;
    const border = e.crossesBorder === 'unknown' ? 'unknown' : e.crossesBorder ? 'yes' : 'no';
    const basis = e.legalBasis ? `${e.legalBasis.basis} (${e.legalBasis.reference})` : '—';
    const what = c.action === 'changed' ? c.fields.map((f) => `\`${f.path}\` ${f.before} → ${f.after}`).join('; ') : e.summary;
    out.push(`| ${c.action} | \`${e.id}\` | ${e.dataClass} | ${border} | ${cell(basis)} | ${cell(what)} |`);
  }
  out.push('');
  return out.join('\n');
}
