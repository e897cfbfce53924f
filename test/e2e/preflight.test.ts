/** `npm run preflight` as a user runs it, on the shipped declaration: it lists the prerequisites and writes nothing. */
import { spawnSync } from 'child_process';
import { PROJECT_ROOT } from './helpers/stand-in';

const run = (args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'preflight', ...(args.length ? ['--', ...args] : [])], { cwd: PROJECT_ROOT, encoding: 'utf8' });

it('lists the account prerequisites of the shipped declaration with their links, then the placeholders', () => {
  const r = run([]);
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toMatch(/^Account prerequisites of the declared topology \(9\), in deploy order:\n\n1\. Enterprise real-name verification of the account\n/);
  for (const title of [
    'CEN cross-border connection cn (cn-hangzhou) ↔ sg (ap-southeast-1)',
    'DTS cross-border synchronization',
    'ICP filing of collab.example.com',
    'Activation of the alarm mailboxes',
  ])
    expect(r.stdout).toContain(title);
  expect(r.stdout).toContain('see:    https://alibabacloud.com/help/en/dts/support/common-error-codes-returned-when-you-configure-dts-tasks-and-solutions');
  expect(r.stdout).toContain('Placeholders to replace before npm run deploy (12):');
});

it('gives JSON on --json and its usage on --help', () => {
  const json = JSON.parse(run(['--json']).stdout);
  expect(json.prerequisites).toHaveLength(9);
  expect(json.placeholders).toHaveLength(12);
  const help = run(['--help']);
  expect([help.status, help.stdout]).toEqual([0, expect.stringMatching(/^usage: npm run preflight -- \[options\]/)]);
});
