/**
 * `npm run preflight [-- --json]`: lists, from the declaration, the account prerequisites no plan-time check can see
 * (approvals, activations, authorisations, robots and mailboxes), each with why the declaration needs it and the
 * document that says how, and the placeholders still to replace before a deploy (lib/preflight/prerequisites.ts).
 */
import { runCli } from '../lib/app/cli';
import { accountPrerequisites, formatPrerequisites } from '../lib/preflight/prerequisites';
import { placeholderFindings, placeholderLines } from '../lib/topology/placeholders';
import { resolveTopology } from '../lib/topology/resolve';
import { validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

runCli(
  {
    name: 'preflight',
    summary:
      'Lists the account prerequisites of the declared topology that no data source can check (enterprise verification, cross-border approvals, GA and CDT activation, ICP filing, service roles, DingTalk robots, mailbox activation), each with the document that says how, and the placeholders deploy still refuses.',
    options: { json: { type: 'boolean' } },
    describe: { json: 'print the prerequisites and placeholders as JSON' },
    notes: ['exit codes: 0 listed; 1 the declaration has problems'],
  },
  ({ values }) => {
    const declared = validateTopology(loadTopology());
    const prerequisites = accountPrerequisites(resolveTopology(declared));
    const placeholders = placeholderFindings(declared);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ prerequisites, placeholders }, null, 2)}\n`);
      return 0;
    }
    const lines = [`Account prerequisites of the declared topology (${prerequisites.length}), in deploy order:`, '', formatPrerequisites(prerequisites), ''];
    lines.push(
      placeholders.length
        ? `Placeholders to replace before npm run deploy (${placeholders.length}):\n${placeholderLines(placeholders)
            .map((l) => `  - ${l}`)
            .join('\n')}`
        : 'No placeholders: the declaration can be deployed.',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
);
