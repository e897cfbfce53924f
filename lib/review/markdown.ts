/**
 * Renders a Review as the Markdown a reviewer reads in the pull request: data-loss risks first, then per
 * stack what is added, changed in place, replaced, moved and removed, each stack with a one-line total.
 * Values were masked when the review was made; this module prints only what it is given.
 */
import { type Action, type ActionCounts, countActions, type DataLossRisk, type Review, type ResourceChange } from './diff';

/** The approval label CI asks for when a change risks data (see .github/workflows/pr.yml). */
export const APPROVAL_LABEL = 'data-loss-approved';

const HEADINGS: Readonly<Record<Action, string>> = {
  add: 'Added',
  update: 'Changed in place',
  replace: 'Replaced (destroyed, then created)',
  move: 'Moved construct id (destroyed, then created)',
  remove: 'Removed (destroyed)',
};

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
/** Table cells must not break the row. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function totalLine(c: ActionCounts): string {
  return `${c.add} to add, ${c.update} to change, ${c.replace} to replace, ${c.move} to move, ${c.remove} to destroy`;
}

function where(c: { address: string; constructPath?: string }): string {
  return c.constructPath ? `${code(c.address)} (${code(c.constructPath)})` : code(c.address);
}

function riskRow(r: DataLossRisk): string {
  const guard = r.preventDestroy ? 'prevent_destroy: apply stops' : 'nothing stops it';
  return `| ${r.stack} | ${cell(where(r))} | **${r.action}** | ${cell(r.holds)} | ${cell(r.causes.join('; '))} | ${guard} |`;
}

function changeLines(c: ResourceChange): string[] {
  switch (c.action) {
    case 'add':
    case 'remove':
      return [`- ${where(c)}`];
    case 'move':
      return [`- ${code(c.movedFrom!.address)} → ${where(c)}${c.movedFrom!.stack === c.stack ? '' : ` (from stack ${c.movedFrom!.stack})`}`];
    case 'update':
      return [`- ${where(c)}: ${c.changes.map((a) => `${code(a.path)} ${a.before} → ${a.after}`).join(', ')}`];
    case 'replace':
      return [
        `- ${where(c)}`,
        ...c.causes.map((cause) => `  - forced by ${cause}`),
        ...c.changes.filter((a) => !a.forceNew).map((a) => `  - also changes ${code(a.path)} ${a.before} → ${a.after}`),
      ];
  }
}

export function renderReview(review: Review): string {
  const out: string[] = ['## Plan review', ''];
  if (review.dataLoss.length) {
    out.push(
      `> [!CAUTION]`,
      `> **Data-loss risk: ${review.dataLoss.length} stateful resource${review.dataLoss.length === 1 ? '' : 's'} would be destroyed.** ` +
        `Merging needs the \`${APPROVAL_LABEL}\` label from someone who has checked backups and the migration path.`,
      '',
      '| stack | resource | action | holds | caused by | guard |',
      '| --- | --- | --- | --- | --- | --- |',
      ...review.dataLoss.map(riskRow),
      '',
    );
  } else {
    out.push('No data-loss risk: no stateful resource is replaced, moved or removed.', '');
  }
  if (!review.stacks.length) out.push('No resource changes.', '');
  for (const stack of review.stacks) {
    out.push(`### ${stack.name}`, '');
    for (const action of Object.keys(HEADINGS) as Action[]) {
      const of = stack.changes.filter((c) => c.action === action);
      if (!of.length) continue;
      out.push(`**${HEADINGS[action]}: ${of.length}**`, '', ...of.flatMap(changeLines), '');
    }
    out.push(`${stack.name}: ${totalLine(countActions(stack.changes))}.`, '');
  }
  out.push(`**Total: ${totalLine(review.totals)}.**`, '');
  return out.join('\n');
}
