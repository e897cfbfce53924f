/**
 * Real `terraform plan` with the stand-in provider (../shared/tools/tfmock beside the project): `standIn()` says
 * whether both are there (else why not, for a one-line skip notice), `plan()` runs tf-plan.sh over stack folders with
 * fixed data-source answers and returns its exit code, its output and the message of every error it reports.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TFMOCK_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'tools', 'tfmock');

export function standIn(): { ok: true } | { ok: false; missing: string } {
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) return { ok: false, missing: 'terraform is not on PATH' };
  if (!fs.existsSync(path.join(TFMOCK_DIR, 'tf-plan.sh'))) return { ok: false, missing: `${TFMOCK_DIR} is absent` };
  return { ok: true };
}

/** `KEY=value` lines of an env file (comments and blank lines skipped). */
export function readEnvFile(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.trim().startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

export interface PlanResult {
  readonly status: number | null;
  readonly output: string;
  /** The message of every `Error:` block (its last line: Terraform prints a condition's error_message there). */
  readonly errors: readonly string[];
}

let tfrc: string | undefined;

/** Plans `stackDirs` with `facts` as TFMOCK_DATA_FILE and `vars` in the environment (TF_VAR_*). */
export function plan(stackDirs: readonly string[], facts: unknown, vars: Readonly<Record<string, string>> = {}): PlanResult {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-checks-'));
  if (!tfrc) {
    tfrc = path.join(work, 'cli.tfrc');
    fs.writeFileSync(tfrc, '');
  }
  const factsFile = path.join(work, 'facts.json');
  fs.writeFileSync(factsFile, JSON.stringify(facts));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: os.tmpdir(),
    CHECKPOINT_DISABLE: '1',
    TFMOCK_DATA_FILE: factsFile,
    TF_CLI_CONFIG_FILE: tfrc,
    ...vars,
  };
  const r = spawnSync('bash', [path.join(TFMOCK_DIR, 'tf-plan.sh'), ...stackDirs], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(factsFile, { force: true });
  const output = `${r.stdout}${r.stderr}`;
  const errors = output
    .split(/\n\s*Error: /)
    .slice(1)
    .map((block) => {
      const lines = block
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('WARNING:') && !l.startsWith('This was checked'));
      return lines[lines.length - 1];
    });
  return { status: r.status, output, errors };
}
