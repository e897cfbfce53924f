/**
 * `npm run analyze [-- <cdktf.out>] [--json]`: the reachability and residency analysis of a synth output against the
 * declaration (lib/analyze, docs/data-flows.md). Prints, per check, what it proved and what it found, with the
 * resource addresses involved. Exit 0 without a violation, 1 with one; `npm run synth` runs the same analysis.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli, UserError } from '../lib/app/cli';
import { analyze } from '../lib/analyze/analyze';
import { errorsOf, formatAnalysisReport } from '../lib/analyze/report';
import { readSynthOutput } from '../lib/review/load';
import { resolveTopology } from '../lib/topology/resolve';
import { validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

runCli(
  {
    name: 'analyze',
    summary:
      'Checks a synthesized output (default cdktf.out) against the declaration: every declared flow admitted end to end, nothing else crossing units, personal data only in its region or on a registered path with a legal basis, state and secrets at home, and the data-flow register matching the output.',
    synopsis: '[<cdktf.out>]',
    positionals: true,
    options: { json: { type: 'boolean' } },
    describe: { json: 'print the analysis as JSON instead of the report' },
    notes: ['exit codes: 0 no violation, 1 a violation (or a declaration problem), 2 usage'],
  },
  ({ values, positionals }) => {
    if (positionals.length > 1) throw new UserError(`give one synth output directory, not ${positionals.length}`, 2);
    const outdir = positionals[0] ?? 'cdktf.out';
    if (!fs.existsSync(path.join(outdir, 'stacks')))
      throw new UserError(`${outdir}: no stacks/ folder; run \`npm run synth\` first, or pass a synth output directory`);
    const output = readSynthOutput(outdir);
    // The model of the backend the output was synthesized with (STATE_BACKEND may have chosen one for that run).
    const oss = Object.values(output).some((doc) =>
      JSON.stringify((doc as { terraform?: { backend?: unknown } }).terraform?.backend ?? {}).startsWith('{"oss"'),
    );
    const model = resolveTopology(validateTopology(loadTopology()), { stateBackend: oss ? 'oss' : 'local' });
    const analysis = analyze(output, model);
    process.stdout.write(values.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysisReport(analysis));
    return errorsOf(analysis).length > 0 ? 1 : 0;
  },
);
