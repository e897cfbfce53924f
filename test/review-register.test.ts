/**
 * The plan review's data-flow register section: registers of two fixture models (base, and a head that changes the
 * declaration the way a pull request would) compared by entry id, and the review CLI printing the section from the
 * `data-flows.json` of two synth output directories.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeArtifacts } from '../lib/app/artifacts';
import { dataFlowRegister } from '../lib/register/register';
import { diffRegister, readRegisterFile, renderRegisterChanges } from '../lib/review/register';
import { fixtureTopology, type Mutable } from './fixtures/topology';
import { modelOf, tempDir } from './helpers/synth';

const ROOT = path.resolve(__dirname, '..');
const registerOf = (change?: (t: Mutable) => void) => dataFlowRegister(modelOf(fixtureTopology(['t1', 't2', 't3'], change)));
const base = registerOf();

describe('register changes between base and head', () => {
  it('shows nothing when the paths are the same', () => {
    expect(diffRegister(base, registerOf())).toEqual([]);
    expect(renderRegisterChanges(base, registerOf())).toContain('No change: the same paths, classes and legal bases.');
  });

  it('shows a new personal flow across a border, with its basis, and calls it out', () => {
    const head = registerOf((t) => {
      t.flows['files-t3-t1'] = {
        from: 't3',
        to: 't1',
        service: 'files-sync',
        port: 9000,
        protocol: 'tcp',
        carries: 'personal',
        legalBasis: { basis: 'EU SCC 2021/914', reference: 'fx/legal/scc-7' },
        bandwidthMbps: 4,
        description: 'Syncs shared files from t3 to the hub',
      };
    });
    const changes = diffRegister(base, head);
    expect(changes.map((c) => `${c.action} ${c.entry.id}`)).toEqual(['added flow/files-t3-t1']);
    const md = renderRegisterChanges(base, head);
    expect(md).toContain('1 added, 0 changed, 0 removed.');
    expect(md).toContain('> 1 added or changed path carries personal data across a border: check its legal basis.');
    expect(md).toContain('| added | `flow/files-t3-t1` | personal | yes | EU SCC 2021/914 (fx/legal/scc-7) | Syncs shared files from t3 to the hub |');
  });

  it('shows a changed legal basis field by field, and removed routes', () => {
    const head = registerOf((t) => {
      t.access.hostnames.oa.crossBorderUse.reference = 'fx/legal/010-v2';
      delete t.access.hostnames.de;
    });
    const changes = diffRegister(base, head);
    const ids = (action: string) => changes.filter((c) => c.action === action).map((c) => c.entry.id);
    const crossing = (label: string) => base.entries.filter((e) => e.id.startsWith(`access/${label}/`) && e.crossesBorder === true).map((e) => e.id);
    expect(crossing('oa').length).toBeGreaterThan(0);
    expect(ids('removed')).toEqual(base.entries.filter((e) => e.id.startsWith('access/de/')).map((e) => e.id));
    // With de. gone, no record points at t3's ALB by CNAME: the accel state no longer holds its DNS name.
    expect(ids('changed')).toEqual([...crossing('oa'), 'state/accel/t3']);
    for (const c of changes.filter((x) => x.action === 'changed' && x.entry.kind === 'access'))
      expect(c.fields).toEqual([{ path: 'legalBasis.reference', before: '"fx/legal/010"', after: '"fx/legal/010-v2"' }]);
    expect(renderRegisterChanges(base, head)).toContain(
      `| changed | \`${crossing('oa')[0]}\` | personal | yes | Fixture transfer assessment (oa) (fx/legal/010-v2) | \`legalBasis.reference\` "fx/legal/010" → "fx/legal/010-v2" |`,
    );
  });

  it('says so when the base has no register yet', () => {
    const md = renderRegisterChanges(undefined, base);
    expect(md).toContain('The base output has no data-flow register');
    expect(md).toContain(`${base.entries.length} added, 0 changed, 0 removed.`);
  });
});

it('the review CLI prints the register section from the two outputs', () => {
  const dirs = ['base', 'head'].map((side) => {
    const dir = path.join(tempDir('review-register-'), side);
    fs.mkdirSync(path.join(dir, 'stacks'), { recursive: true });
    return dir;
  });
  writeArtifacts(dirs[0], modelOf(fixtureTopology(['t1', 't2', 't3'])));
  writeArtifacts(dirs[1], modelOf(fixtureTopology(['t1', 't2', 't3'], (t) => delete t.flows['report-t1-t3'])));
  expect(readRegisterFile(dirs[0])?.entries).toEqual(base.entries);
  const stdout = execFileSync(process.execPath, ['-r', './scripts/register.js', 'scripts/review.ts', ...dirs], { cwd: ROOT, encoding: 'utf8' });
  expect(stdout).toContain('### Data-flow register (`data-flows.json`)');
  expect(stdout).toContain('| removed | `flow/report-t1-t3` | org-structure | yes | — | Reads aggregates from t3 |');
});
