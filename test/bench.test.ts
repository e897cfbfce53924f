import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unitStackName } from '../lib/topology/resolve';
import { topologyProblems } from '../lib/topology/validate';
import { benchProblems, generateTopology, maxBenchUnits } from '../scripts/bench/generate-topology';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology } from './fixtures/topology';

describe('benchmark topologies (generated from the two-unit fixture)', () => {
  it.each([2, 8, maxBenchUnits()])('%i generated units form a valid topology, one region each', (n) => {
    const t = generateTopology(n, fixtureTopology());
    expect(t.units).toHaveLength(n);
    expect(new Set(t.units.map((u) => u.region)).size).toBe(n);
    expect(topologyProblems(t)).toEqual([]);
  });

  it('refuses more units than the region table has regions, and says how many it can do', () => {
    expect(() => generateTopology(maxBenchUnits() + 1, fixtureTopology())).toThrow(
      `needs ${maxBenchUnits() + 1} distinct regions; lib/topology/regions.ts has ${maxBenchUnits()} with two zones or more (one unit per region): ask for ${maxBenchUnits()} or fewer`,
    );
  });

  it('refuses fewer units than the base declares', () => {
    expect(() => generateTopology(1, fixtureTopology())).toThrow('units: 1 is below the 2 declared units; ask for 2 or more');
  });

  it('32 units, for timing only, share regions and have no other problem', () => {
    const t = generateTopology(32, fixtureTopology(), { reuseRegions: true });
    expect(t.units).toHaveLength(32);
    expect(new Set(t.units.map((u) => u.id)).size).toBe(32);
    expect(topologyProblems(t).some((p) => p.includes('is already the region of'))).toBe(true);
    expect(benchProblems(t)).toEqual([]);
  });
});

describe("the app's require hook (scripts/register.js)", () => {
  const run = (code: string) =>
    execFileSync(process.execPath, ['-r', './scripts/register.js', '-e', code], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });

  it('loads TypeScript', () => {
    expect(run("console.log(require('./lib/topology/naming').regionCode('ap-southeast-1'))").trim()).toBe('apse1');
  });

  it("keeps real errors' stack traces and neither collects nor formats cdktf's token creation traces", () => {
    const out = JSON.parse(
      run(
        "const o = { stack: '' }; Error.captureStackTrace(o); const p = {}; Error.captureStackTrace(p); const e = new RangeError('late'); Error.captureStackTrace(e);" +
          "console.log(JSON.stringify([new TypeError('boom').stack, o.stack, 'stack' in p, e.stack]))",
      ),
    );
    expect(out[0]).toMatch(/^TypeError: boom\n {4}at /);
    expect(out[1]).toBe('');
    expect(out[2]).toBe(false);
    expect(out[3]).toMatch(/^RangeError: late\n {4}at /);
  });
});

describe('the phase breakdown (scripts/bench/phases.ts)', () => {
  const phases = (arg: string) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-phases-'));
    try {
      const out = execFileSync(process.execPath, ['-r', './scripts/register.js', 'scripts/bench/phases.ts', arg], {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return {
        marks: JSON.parse(out.trim()) as Record<string, number>,
        written: fs.readdirSync(path.join(outdir, 'stacks')).sort(),
        report: fs.existsSync(path.join(outdir, 'policy-report.json')),
      };
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };

  it('times the declared topology phase by phase, after synthesizing it and running the policy pack', () => {
    const { marks, written, report } = phases('declared');
    expect(Object.keys(marks)).toEqual(['start', 'load', 'build', 'synth', 'policy']);
    for (const ms of Object.values(marks)) expect(ms).toBeGreaterThan(0);
    expect(written).toEqual(['accel', 'link', ...loadTopology().units.map((u) => unitStackName(u.id))].sort());
    expect(report).toBe(true);
  });

  it('times the empty app without a policy phase', () => {
    const { marks, written } = phases('empty');
    expect(Object.keys(marks)).toEqual(['start', 'load', 'build', 'synth']);
    expect(written).toEqual(['empty']);
  });

  it('refuses an argument that is no case', () => {
    expect(() => phases('one')).toThrow(/phases: one is not empty, declared or a unit count of 2 or more/);
  });
});
