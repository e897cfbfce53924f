/**
 * `npm test`: the type check, ESLint, Prettier, the layer check and the unit tests, in one command that stays within
 * the 20 s budget on two cores.
 *
 * Run one after the other (tsc, eslint, prettier, depcruise, jest) they spend about 43 s of CPU, 11 of them starting
 * processes and building the same TypeScript program twice (tsc's and typescript-eslint's). Here jest starts first, in
 * its own process; this process meanwhile builds the program once, reports its diagnostics (what `tsc --noEmit`
 * reports) and hands the same program to ESLint's type-aware rules (typescript-eslint `parserOptions.programs`), then
 * checks formatting and layers through Prettier's and dependency-cruiser's APIs. Every check runs, whatever the others
 * report; the exit code is 1 if any failed.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FormatDiagnosticsHost, Program } from 'typescript';
import { runCli } from '../lib/app/cli';

const ROOT = path.resolve(__dirname, '..');

interface Outcome {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly output: string;
}

async function timed(name: string, run: () => Promise<{ ok: boolean; output: string }>): Promise<Outcome> {
  const start = process.hrtime.bigint();
  try {
    const { ok, output } = await run();
    return { name, ok, output, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  } catch (e) {
    return { name, ok: false, output: `${name} could not run: ${(e as Error).stack ?? String(e)}\n`, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  }
}

function jest(args: readonly string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--ci', ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** `tsc --noEmit -p .`, keeping the program for ESLint. */
async function typecheck(): Promise<{ ok: boolean; output: string; program: Program }> {
  const ts = await import('typescript');
  const configFile = ts.findConfigFile(ROOT, (f) => ts.sys.fileExists(f), 'tsconfig.json')!;
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, incremental: false, tsBuildInfoFile: undefined } });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const host: FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  return { ok: diagnostics.length === 0, output: ts.formatDiagnostics(diagnostics, host), program };
}

async function lint(program: Program): Promise<{ ok: boolean; output: string }> {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({
    cwd: ROOT,
    // The same rules as eslint.config.mjs, with the program already built instead of a second one.
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, programs: [program] } } }],
  });
  const results = await eslint.lintFiles(['.']);
  const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
  const formatter = await eslint.loadFormatter('stylish');
  return { ok: problems === 0, output: await formatter.format(results) };
}

/** Files git tracks or would add (untracked, not ignored). */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && fs.existsSync(path.join(ROOT, f)));
}

async function format(): Promise<{ ok: boolean; output: string }> {
  const prettier = await import('prettier');
  const unformatted: string[] = [];
  for (const file of projectFiles()) {
    const full = path.join(ROOT, file);
    const info = await prettier.getFileInfo(full, { ignorePath: path.join(ROOT, '.prettierignore') });
    if (info.ignored || !info.inferredParser) continue;
    const options = await prettier.resolveConfig(full);
    if (!(await prettier.check(fs.readFileSync(full, 'utf8'), { ...options, filepath: full }))) unformatted.push(file);
  }
  return { ok: unformatted.length === 0, output: unformatted.map((f) => `not formatted: ${f} (run npm run format)\n`).join('') };
}

async function layers(): Promise<{ ok: boolean; output: string }> {
  // dependency-cruiser is an ES module only: a real dynamic import (the transpiler would turn `import()` into require).
  const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
  const cruiser = (await importModule('dependency-cruiser')) as {
    cruise: (files: string[], options: object) => Promise<{ exitCode: number; output: unknown }>;
  };
  const config = ((await importModule(pathToFileURL(path.join(ROOT, '.dependency-cruiser.cjs')).href)) as { default: { options: object } }).default;
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruiser.cruise(['lib', 'stacks', 'scripts', 'main.ts', 'test'], { ...config.options, ruleSet: config, outputType: 'err' });
    const summary = typeof result.output === 'string' ? result.output : JSON.stringify(result.output);
    return { ok: result.exitCode === 0, output: summary };
  } finally {
    process.chdir(previous);
  }
}

runCli(
  {
    name: 'test',
    summary:
      'Runs every check of the project at once: the type check, ESLint (with type information), Prettier, the layer rules (.dependency-cruiser.cjs) and the unit tests (jest --ci, test/ without test/e2e). Arguments after -- go to jest.',
    synopsis: '[jest arguments]',
    positionals: true,
    notes: ['exit codes: 0 all checks pass, 1 a check failed', 'the end-to-end tier is separate: npm run test:e2e'],
  },
  async ({ positionals }) => {
    const tests = timed('jest', () => jest(positionals));
    const outcomes: Outcome[] = [];
    let program: Program | undefined;
    outcomes.push(
      await timed('typecheck', async () => {
        const r = await typecheck();
        program = r.program;
        return r;
      }),
    );
    if (program) {
      const p = program;
      outcomes.push(await timed('eslint', () => lint(p)));
    }
    outcomes.push(await timed('prettier', format));
    outcomes.push(await timed('layers', layers));
    outcomes.push(await tests);
    for (const o of outcomes) if (o.output.trim()) process.stdout.write(`\n── ${o.name} ──\n${o.output.trimEnd()}\n`);
    process.stdout.write(`\n${outcomes.map((o) => `${o.ok ? 'ok  ' : 'FAIL'} ${o.name.padEnd(10)} ${o.seconds.toFixed(1)} s`).join('\n')}\n`);
    return outcomes.every((o) => o.ok) ? 0 : 1;
  },
);
