/**
 * A copy of the project in a temporary folder, for tests that run entry points on an edited declaration: every file
 * git tracks or would track, with node_modules and .gen linked to the checkout's. Removed when the process ends.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProjectCopy {
  readonly dir: string;
  run(command: string, args: readonly string[], env?: Readonly<Record<string, string | undefined>>): Run;
  /** Rewrites a file; fails when the change changes nothing. */
  edit(relative: string, change: (text: string) => string): void;
}

const copies: string[] = [];
process.on('exit', () => copies.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

export function copyProject(): ProjectCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'project-copy-'));
  copies.push(dir);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(PROJECT_ROOT, f)) && fs.statSync(path.join(PROJECT_ROOT, f)).isFile());
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_ROOT, f), path.join(dir, f));
  }
  for (const link of ['node_modules', '.gen']) fs.symlinkSync(fs.realpathSync(path.join(PROJECT_ROOT, link)), path.join(dir, link));
  return {
    dir,
    run(command, args, env = {}) {
      const r = spawnSync(command, [...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    edit(relative, change) {
      const file = path.join(dir, relative);
      const before = fs.readFileSync(file, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${relative} changed nothing`);
      fs.writeFileSync(file, after);
    },
  };
}
