/**
 * The deploy gate on placeholders through the real entry points, in copies of the project:
 * - `npm run deploy -- unit-cn` on the shipped declaration exits non-zero before starting cdktf (a stub `cdktf` on PATH
 *   records any call), listing every placeholder; with the placeholders replaced the deploy script reaches cdktf (the
 *   stub), telling it the run is a deploy;
 * - the real cdktf CLI: `cdktf deploy` refuses at synth, found from the parent process; `cdktf synth` goes on;
 * - the app under a process that merely looks like the cdktf CLI (`cdktf apply` / `cdktf diff`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { copyProject, type ProjectCopy } from './helpers/project-copy';

const NODE = process.execPath;

/** A folder with a `cdktf` that records its arguments and the gate's variable, then exits 0. */
function stubCdktf(copy: ProjectCopy): { path: string; calls: () => string[] } {
  const bin = path.join(copy.dir, '.stub-bin');
  const log = path.join(copy.dir, '.stub-calls');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'cdktf'),
    `#!/bin/sh\necho "$* UNIT_CELLS_COMMAND=$UNIT_CELLS_COMMAND CHECKPOINT_DISABLE=$CHECKPOINT_DISABLE" >> "${log}"\n`,
    { mode: 0o755 },
  );
  return { path: `${bin}${path.delimiter}${process.env.PATH}`, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) };
}

/** The shipped declaration with every placeholder replaced by a value of the kind a real one has. */
function replacePlaceholders(copy: ProjectCopy): void {
  copy.edit('stacks/topology.ts', (s) => s.replace(/\n {2}placeholders: \[[^\]]*\],\n/, '\n').replace(/collab\.example\.com/g, 'collab.acme-parts.cn'));
  copy.edit('stacks/unit-cn/unit.ts', (s) => s.replace('@example.com', '@acme-parts.cn'));
  copy.edit('stacks/unit-sg/unit.ts', (s) => s.replace('@example.com', '@acme-parts.cn').replace(/\n {2}placeholders: \[[^\]]*\],\n/, '\n'));
}

describe('npm run deploy', () => {
  it('refuses the shipped declaration before starting cdktf, listing every placeholder with the field to set', () => {
    const copy = copyProject();
    const stub = stubCdktf(copy);
    const r = copy.run('npm', ['run', '--silent', 'deploy', '--', 'unit-cn'], { PATH: stub.path });
    expect(r.status).toBe(1);
    // Nothing of cdktf ran (npm puts the real one first on PATH): no synth, no Terraform.
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(copy.dir, 'cdktf.out'))).toBe(false);
    // And the script itself, with only the stub to find, never calls it.
    const direct = copy.run(NODE, ['-r', './scripts/register.js', 'scripts/deploy.ts', 'unit-cn'], { PATH: stub.path });
    expect(direct.status).toBe(1);
    expect(stub.calls()).toEqual([]);
    expect(r.stderr).toMatch(/^deploy: refusing to deploy: the declaration still holds 12 placeholders/);
    for (const field of [
      'org.prefix',
      'platform.appImageName',
      'access.domain',
      'units.cn.monitoring.contacts[0].email',
      'units.sg.residency.legalBasis.reference',
    ])
      expect(r.stderr).toContain(`  - ${field}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reaches cdktf once the placeholders are replaced, telling the app the run is a deploy', () => {
    const copy = copyProject();
    replacePlaceholders(copy);
    const stub = stubCdktf(copy);
    // The script itself, as `npm run deploy` runs it: npm would put node_modules/.bin, the real cdktf, before the stub.
    const r = copy.run(NODE, ['-r', './scripts/register.js', 'scripts/deploy.ts', 'unit-cn'], { PATH: stub.path });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(stub.calls()).toEqual(['deploy unit-cn UNIT_CELLS_COMMAND=deploy CHECKPOINT_DISABLE=1']);
  });
});

describe('cdktf through the app', () => {
  const copy = copyProject();
  const cdktf = path.join(copy.dir, 'node_modules', '.bin', 'cdktf');

  it('cdktf deploy refuses at synth, listing the placeholders, found from the parent process', () => {
    const r = copy.run(cdktf, ['deploy', 'unit-cn']);
    expect(r.status).not.toBe(0);
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toContain('refusing to deploy: the declaration still holds 12 placeholders');
    expect(out).toContain('(cdktf deploy, found from parent process)');
    expect(out).toContain('  - platform.certificates.mainland: ');
  });

  it('cdktf synth goes on', () => {
    const r = copy.run(cdktf, ['synth']);
    expect([r.status, `${r.stdout}${r.stderr}`]).toEqual([0, expect.not.stringContaining('refusing to deploy')]);
    expect(fs.existsSync(path.join(copy.dir, 'cdktf.out', 'stacks', 'unit-cn', 'cdk.tf.json'))).toBe(true);
  });

  it('the app refuses under any process running a `cdktf` script with a deploying command, and not for diff', () => {
    // A stand-in CLI named cdktf that runs the app through a shell, as cdktf-cli does (synth-stack.js, shell: true).
    const fake = path.join(copy.dir, '.fake', 'cdktf');
    fs.mkdirSync(path.dirname(fake));
    fs.writeFileSync(
      fake,
      "const { spawnSync } = require('child_process');\nconst r = spawnSync('node -r ./scripts/register.js main.ts', { shell: true, stdio: 'inherit', env: { ...process.env, CDKTF_OUTDIR: '.fake/out' } });\nprocess.exit(r.status);\n",
    );
    const apply = copy.run(NODE, [fake, 'apply', 'unit-sg']);
    expect(apply.status).toBe(1);
    expect(apply.stderr).toMatch(/^refusing to deploy: .*\n(.*\n)*\(cdktf apply, found from parent process\)\n$/);
    const diff = copy.run(NODE, [fake, 'diff', 'unit-sg']);
    expect(diff.status).toBe(0);
  });
});
