/**
 * The deploy gate on placeholders: while the declaration holds example values (lib/topology/placeholders.ts), a
 * deploy is refused, listing every placeholder with the field to set; synth, diff and the tests are not affected.
 *
 * The app cannot ask cdktf which command runs it (cdktf passes only CDKTF_OUTDIR, CDKTF_CONTEXT_JSON and
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS, and spawns the app through a shell:
 * node_modules/@cdktf/cli-core/src/lib/synth-stack.js), so `invokingCommand` finds out in two ways:
 * - `UNIT_CELLS_COMMAND=deploy`, which `npm run deploy` (scripts/deploy.ts) exports for the cdktf it starts;
 * - otherwise the command lines of the app's ancestor processes: the cdktf CLI is a node process running its `cdktf`
 *   script with the command as its first argument (`cdktf deploy unit-cn`, `npx cdktf apply`, `cdktf watch`). Read from
 *   /proc on Linux and with `ps` on macOS and other Unixes.
 * Not covered (docs/operations.md, "Placeholders"): Windows, where neither works; `cdktf deploy --skip-synth`, which
 * does not run the app; `terraform apply` in cdktf.out, which bypasses cdktf altogether.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { placeholderFindings, placeholderLines } from '../topology/placeholders';
import type { TopologyDeclaration } from '../topology/types';
import { UserError } from './cli';

/** The variable `npm run deploy` sets for the cdktf it starts: the command the app is run for. */
export const COMMAND_ENV = 'UNIT_CELLS_COMMAND';

/** cdktf commands that apply (`apply` is an alias of `deploy`; `watch` deploys on every change). */
export const DEPLOY_COMMANDS: readonly string[] = ['deploy', 'apply', 'watch'];

/** How far up the process tree to look: app ← shell ← cdktf ← npx/npm ← shell, with room to spare. */
const MAX_ANCESTORS = 8;

/**
 * The cdktf command in a process's arguments, when the process is the cdktf CLI: the first argument after the `cdktf`
 * script that is not an option (`node …/node_modules/.bin/cdktf deploy unit-cn` → `deploy`).
 */
export function cdktfCommandOf(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => /^cdktf(\.js|\.cmd)?$/.test(path.basename(a)));
  if (i < 0) return undefined;
  return argv.slice(i + 1).find((a) => !a.startsWith('-'));
}

interface ProcessInfo {
  readonly ppid: number;
  readonly argv: readonly string[];
}

function processInfo(pid: number): ProcessInfo | undefined {
  try {
    if (fs.existsSync('/proc/self/stat')) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: the fields after its closing parenthesis are state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return { ppid, argv };
    }
    if (process.platform === 'win32') return undefined;
    const line = execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const m = /^(\d+)\s+(.*)$/.exec(line);
    // ps joins the arguments with spaces: good enough to find a `cdktf` word and the word after it.
    return m ? { ppid: Number(m[1]), argv: m[2].split(/\s+/) } : undefined;
  } catch {
    return undefined;
  }
}

export interface InvokingCommand {
  readonly command: string;
  /** Where it was found. */
  readonly via: typeof COMMAND_ENV | 'parent process';
}

/** The cdktf command this process runs for, when it can be told (see the module comment); undefined otherwise. */
export function invokingCommand(env: NodeJS.ProcessEnv = process.env, ppid: number = process.ppid): InvokingCommand | undefined {
  const declared = env[COMMAND_ENV];
  if (declared) return { command: declared, via: COMMAND_ENV };
  let pid = ppid;
  for (let depth = 0; depth < MAX_ANCESTORS && pid > 1; depth++) {
    const info = processInfo(pid);
    if (!info) return undefined;
    const command = cdktfCommandOf(info.argv);
    if (command) return { command, via: 'parent process' };
    pid = info.ppid;
  }
  return undefined;
}

/** The refusal to deploy `declared`: every placeholder, one per line, with the field to set; undefined when none remains. */
export function placeholderRefusal(declared: TopologyDeclaration): string | undefined {
  const lines = placeholderLines(placeholderFindings(declared));
  if (lines.length === 0) return undefined;
  return [
    `refusing to deploy: the declaration still holds ${lines.length} placeholder${lines.length === 1 ? '' : 's'} (example values no account has):`,
    ...lines.map((l) => `  - ${l}`),
    'synth, diff and the tests work as they are; deploy once every value is real (docs/operations.md, "Placeholders").',
  ].join('\n');
}

/** Throws a UserError listing the placeholders when `declared` holds any: for entry points that are known to deploy. */
export function assertNoPlaceholders(declared: TopologyDeclaration): void {
  const refusal = placeholderRefusal(declared);
  if (refusal) throw new UserError(refusal);
}

/**
 * The refusal text when this process runs for a deploy (`command`, default: found by `invokingCommand`) and `declared`
 * holds placeholders; undefined otherwise, so synth and diff go on.
 */
export function deployRefusal(declared: TopologyDeclaration, command: InvokingCommand | undefined = invokingCommand()): string | undefined {
  if (!command || !DEPLOY_COMMANDS.includes(command.command)) return undefined;
  const refusal = placeholderRefusal(declared);
  return refusal ? `${refusal}\n(cdktf ${command.command}, found from ${command.via})` : undefined;
}
