/**
 * `npm run bench [-- --runs 5 --sizes 8,22 --no-test --register ts-node/register]`: times whole processes, as an engineer or CI runs them.
 *
 * Cases: the floor (an empty cdktf app through the same toolchain), the app's synth for the declared topology,
 * generated topologies of each size, and `npm test`. Each case runs once to warm the file cache, then `--runs`
 * rounds run every case once each; the table shows the median with min/max, the ratio of the median to the floor's, and the peak resident
 * memory of the largest single process (GNU time's %M, when /usr/bin/time exists). Synth output goes to a
 * temporary directory (CDKTF_OUTDIR), so cdktf.out/ is left alone. A second table splits each synth case into
 * phases (scripts/bench/phases.ts, in process, --runs times each): node start-up, loading modules, building the
 * constructs, cdktf's synth, the policy pack; "before synth" against the budget shows whether a ratio target
 * is reachable at all while cdktf synthesizes.
 *
 * Targets (2-core machine): declared topology ≤ 1.5× floor; the largest topology ≤ 3× floor and < 1 GB;
 * npm test ≤ 30 s. Exit code 1 when one is missed, so CI or the lead can rerun it as a check.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { maxBenchUnits } from './bench/generate-topology';

interface Case {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Ratio to the floor's median that this case must stay within. */
  readonly maxRatio?: number;
  readonly maxSeconds?: number;
  readonly maxPeakMb?: number;
  /** Argument of scripts/bench/phases.ts that synthesizes the same app, for the breakdown table. */
  readonly phases?: string;
}

interface Result {
  readonly name: string;
  readonly seconds: number[];
  readonly peakMb?: number;
}

const ROOT = path.resolve(__dirname, '..');
const TIME = '/usr/bin/time';
const hasTime = fs.existsSync(TIME);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 5);
const sizes = (option('sizes') ?? '8,32').split(',').map(Number);
const withTest = !process.argv.includes('--no-test');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${option('runs')} is not a whole number of at least 1`);

// The toolchain cdktf.json runs the app with (swc require hook), for the floor and the apps alike;
// `--register ts-node/register` measures the previous one.
const register = option('register') ?? './scripts/register.js';
const app = (entry: string, ...args: string[]) => ['-r', register, entry, ...args];
const largest = Math.max(...sizes);
const cases: Case[] = [
  { name: 'floor: empty cdktf app', command: process.execPath, args: app('scripts/bench/empty-app.ts'), phases: 'empty' },
  { name: 'synth: declared topology', command: process.execPath, args: app('main.ts'), maxRatio: 1.5, phases: 'declared' },
  ...sizes.map((n) => ({
    name: `synth: ${n} units`,
    command: process.execPath,
    args: app('scripts/bench/generated-app.ts', String(n)),
    phases: String(n),
    ...(n === largest ? { maxRatio: 3, maxPeakMb: 1024 } : {}),
  })),
  ...(withTest ? [{ name: 'npm test', command: 'npm', args: ['test', '--silent'], maxSeconds: 30 }] : []),
];

function runOnce(c: Case, outdir: string): { seconds: number; peakMb?: number } {
  fs.rmSync(outdir, { recursive: true, force: true });
  const memFile = path.join(os.tmpdir(), `bench-mem-${process.pid}`);
  const [command, args] = hasTime ? [TIME, ['-f', '%M', '-o', memFile, c.command, ...c.args]] : [c.command, [...c.args]];
  const env = { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', CI: 'true' };
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`${c.name} failed (exit ${r.status}):\n${r.stdout?.toString().slice(-2000)}\n${r.stderr?.toString().slice(-2000)}`);
  }
  const kb = hasTime ? Number(fs.readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, peakMb: Number.isFinite(kb) ? kb / 1024 : undefined };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const PHASES = ['start', 'load', 'build', 'synth', 'policy'] as const;

/** Milliseconds per phase of one in-process run of scripts/bench/phases.ts. */
function phasesOnce(arg: string, outdir: string): Record<string, number> {
  fs.rmSync(outdir, { recursive: true, force: true });
  const env = { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', CI: 'true' };
  const r = spawnSync(process.execPath, app('scripts/bench/phases.ts', arg), { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`phases ${arg} failed (exit ${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const loadBefore = os.loadavg()[0];
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
const samples: { seconds: number; peakMb?: number }[][] = cases.map(() => []);
for (const c of cases) runOnce(c, outdir); // warm-up: file cache, swc's first load
// Round-robin, so that a burst of load from elsewhere on the machine hits every case alike.
for (let round = 0; round < runs; round++) {
  cases.forEach((c, i) => samples[i].push(runOnce(c, outdir)));
  process.stderr.write(`  round ${round + 1}/${runs} done\n`);
}
const results: Result[] = cases.map((c, i) => {
  const peaks = samples[i].map((s) => s.peakMb).filter((m): m is number => m !== undefined);
  return { name: c.name, seconds: samples[i].map((s) => s.seconds), peakMb: peaks.length ? Math.max(...peaks) : undefined };
});
// Where the time goes: each synth case once more per round, in process, split into phases (medians).
const phaseCases = cases.filter((c) => c.phases !== undefined);
const phaseSamples = phaseCases.map(() => [] as Record<string, number>[]);
for (let round = 0; round < runs; round++) phaseCases.forEach((c, i) => phaseSamples[i].push(phasesOnce(c.phases!, outdir)));
const phaseMedians = phaseSamples.map((samples) => Object.fromEntries(PHASES.map((p) => [p, median(samples.map((s) => s[p] ?? 0))])));
fs.rmSync(outdir, { recursive: true, force: true });

const floor = median(results[0].seconds);
const misses: string[] = [];
const rows = results.map((r, i) => {
  const c = cases[i];
  const m = median(r.seconds);
  const ratio = m / floor;
  if (c.maxRatio !== undefined && ratio > c.maxRatio) misses.push(`${c.name}: ${ratio.toFixed(2)}× floor, target ≤ ${c.maxRatio}×`);
  if (c.maxSeconds !== undefined && m > c.maxSeconds) misses.push(`${c.name}: ${m.toFixed(1)} s, target ≤ ${c.maxSeconds} s`);
  if (c.maxPeakMb !== undefined && r.peakMb !== undefined && r.peakMb >= c.maxPeakMb)
    misses.push(`${c.name}: ${r.peakMb.toFixed(0)} MB peak, target < ${c.maxPeakMb} MB`);
  const target = [
    c.maxRatio !== undefined ? `≤ ${c.maxRatio}×` : '',
    c.maxPeakMb !== undefined ? `< ${c.maxPeakMb / 1024} GB` : '',
    c.maxSeconds !== undefined ? `≤ ${c.maxSeconds} s` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    r.name,
    m.toFixed(3),
    `${Math.min(...r.seconds).toFixed(3)} / ${Math.max(...r.seconds).toFixed(3)}`,
    `${ratio.toFixed(2)}×`,
    r.peakMb !== undefined ? r.peakMb.toFixed(0) : 'n/a',
    target || '-',
  ];
});

const header = ['case', 'median s', 'min / max s', 'vs floor', 'peak MB', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
process.stdout.write(`${os.cpus().length} cores, node ${process.version}, apps run with -r ${register}, ${runs} runs per case after one warm-up\n`);
// Other work on the machine inflates every case; a load above the core count makes ratios unreliable.
const loadAfter = os.loadavg()[0];
process.stdout.write(
  `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after${Math.max(loadBefore, loadAfter) > os.cpus().length ? ' (busy machine: rerun when it is quiet)' : ''}\n\n`,
);
process.stdout.write([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n') + '\n');
if (largest > maxBenchUnits()) {
  process.stdout.write(
    `\n${largest} units exceed the ${maxBenchUnits()} regions of lib/topology/regions.ts: units past that share regions (timing only; validation refuses it)\n`,
  );
}
// A target is out of reach of any synth when the phases before cdktf's synth already spend its budget.
const phaseHeader = ['case', ...PHASES.map((p) => `${p} ms`), 'before synth ms', 'budget ms'];
const phaseRows = phaseCases.map((c, i) => {
  const m = phaseMedians[i];
  const before = m.start + m.load + m.build;
  return [c.name, ...PHASES.map((p) => m[p].toFixed(0)), before.toFixed(0), c.maxRatio !== undefined ? (c.maxRatio * floor * 1000).toFixed(0) : '-'];
});
const phaseWidths = phaseHeader.map((h, i) => Math.max(h.length, ...phaseRows.map((r) => r[i].length)));
const phaseLine = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(phaseWidths[i])).join(' | ')} |`;
process.stdout.write(
  `\nwhere the time goes (in process, medians; start = node and the require hook; budget = target ratio × floor median):\n\n` +
    [phaseLine(phaseHeader), `|${phaseWidths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...phaseRows.map(phaseLine)].join('\n') +
    '\n',
);
process.stdout.write(misses.length ? `\nmissed targets:\n  ${misses.join('\n  ')}\n` : '\nall targets met\n');
process.exitCode = misses.length ? 1 : 0;
