/**
 * `npm run deploy -- <stack|pattern...> [cdktf deploy flags]`: `cdktf deploy` with Terraform's checkpoint
 * (version-check) calls switched off. Naming a `bootstrap-<region>` stack switches the bootstrap stacks on for
 * this run (STATE_BOOTSTRAP=1); otherwise they are not part of the app, so `'*'` never touches them.
 */
import { spawnSync } from 'child_process';

const args = process.argv.slice(2);
const bootstrap = args.some((a) => !a.startsWith('-') && a.startsWith('bootstrap-'));
const env = { ...process.env, CHECKPOINT_DISABLE: '1', ...(bootstrap ? { STATE_BOOTSTRAP: '1' } : {}) };
const r = spawnSync('cdktf', ['deploy', ...args], { stdio: 'inherit', env });
if (r.error) throw r.error;
process.exitCode = r.status ?? 1;
