/**
 * `npm run deploy -- <stack|pattern...> [cdktf deploy flags]`: `cdktf deploy` with Terraform's checkpoint
 * (version-check) calls switched off. Naming a `bootstrap-<region>` stack switches the bootstrap stacks on for
 * this run (STATE_BOOTSTRAP=1); otherwise they are not part of the app, so `'*'` never touches them.
 *
 * It refuses, before starting cdktf, while the declaration holds placeholders (example values), listing each with
 * the field to set (lib/app/placeholders.ts); and it tells the app it runs for a deploy (UNIT_CELLS_COMMAND), so the
 * app refuses too if the declaration changes in between.
 */
import { spawnSync } from 'child_process';
import { reportError } from '../lib/app/cli';
import { assertNoPlaceholders, COMMAND_ENV } from '../lib/app/placeholders';
import { validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

const args = process.argv.slice(2);
// Asking for help deploys nothing: no refusal in its way.
if (!args.includes('--help') && !args.includes('-h')) {
  try {
    assertNoPlaceholders(validateTopology(loadTopology()));
  } catch (e) {
    process.exit(reportError('deploy', e));
  }
}
const bootstrap = args.some((a) => !a.startsWith('-') && a.startsWith('bootstrap-'));
const env = { ...process.env, CHECKPOINT_DISABLE: '1', [COMMAND_ENV]: 'deploy', ...(bootstrap ? { STATE_BOOTSTRAP: '1' } : {}) };
const r = spawnSync('cdktf', ['deploy', ...args], { stdio: 'inherit', env });
if (r.error) throw r.error;
process.exitCode = r.status ?? 1;
