/**
 * `npm run paths`: prints the path report of the declared topology (the cdktf.out/paths.md that `npm run synth`
 * writes): for every site and hostname, the DNS answer, the path, distances, floors and estimates, and the budget.
 * A topology whose only problems are exceeded latency budgets is still reported, so that the architect sees why;
 * the problems follow on stderr and the exit code is 1. Any other problem is reported as by synth, exit 1.
 */
import { runCli } from '../lib/app/cli';
import { renderPathReport } from '../lib/paths/report';
import { TopologyError } from '../lib/topology/checks';
import { resolveTopology } from '../lib/topology/resolve';
import type { TopologyDeclaration } from '../lib/topology/types';
import { topologyProblems } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

/** A budget problem (validate-sites.ts): the routes are sound, only slower than the site asks. */
const BUDGET_PROBLEM = /^sites\.[^.:]+\.latencyBudgetMs(\.[^.:]+)?: /;

/** The report of `topology` on `out`, exceeded budgets on `err`; returns the exit code. Throws TopologyError on any other problem. */
export function paths(topology: TopologyDeclaration, out: (s: string) => void, err: (s: string) => void): number {
  const problems = topologyProblems(topology);
  if (problems.some((p) => !BUDGET_PROBLEM.test(p))) throw new TopologyError(problems);
  out(renderPathReport(resolveTopology(topology)));
  if (problems.length === 0) return 0;
  err(`${problems.length} latency budget${problems.length === 1 ? ' is' : 's are'} exceeded:\n  - ${problems.join('\n  - ')}\n`);
  return 1;
}

if (require.main === module) {
  runCli(
    {
      name: 'paths',
      summary:
        "Prints the path report of the declared topology (what `npm run synth` writes to cdktf.out/paths.md): for every site and hostname, what DNS answers, the path, each leg's great-circle distance, the physical floor and the estimate, beside the direct internet path. Exceeded latency budgets are listed on stderr after the report (exit code 1).",
      notes: ['exit codes: 0 report printed, 1 a problem in the declaration (or a budget exceeded), 2 usage mistake', 'model and calibration: docs/paths.md'],
    },
    () =>
      paths(
        loadTopology(),
        (s) => process.stdout.write(s),
        (s) => process.stderr.write(s),
      ),
  );
}
