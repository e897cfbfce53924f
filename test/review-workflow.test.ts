/**
 * The pull-request workflow: actions pinned to commits, the review's exit code wired to the approval gate,
 * telemetry off. Text checks (no YAML parser dependency); they fail when the workflow drifts from the review.
 */
import * as fs from 'fs';
import * as path from 'path';
import { APPROVAL_LABEL } from '../lib/review/markdown';

const workflow = fs.readFileSync(path.join(__dirname, '..', '.github', 'workflows', 'pr.yml'), 'utf8');
const uses = [...workflow.matchAll(/uses:\s*(\S+)(.*)$/gm)].map((m) => ({ action: m[1], comment: m[2] }));

it('pins every action to a full commit SHA, with its version as a comment', () => {
  expect(uses.length).toBeGreaterThanOrEqual(5);
  for (const u of uses) {
    expect(u.action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    expect(u.comment).toMatch(/# v\d+\.\d+\.\d+/);
  }
});

it('disables cdktf telemetry', () => {
  expect(workflow).toMatch(/CHECKPOINT_DISABLE: '1'/);
});

it('runs the review on base and head synths and gates exit code 3 on the label the review names', () => {
  expect(workflow).toContain('npm run --silent review -- ../base/cdktf.out cdktf.out');
  expect(workflow).toContain(`APPROVAL_LABEL: ${APPROVAL_LABEL}`);
  expect(workflow).toContain(`contains(github.event.pull_request.labels.*.name, '${APPROVAL_LABEL}')`);
  expect(workflow).toMatch(/"\$EXIT_CODE" = 3/);
});

it('never interpolates pull-request text into a shell script', () => {
  for (const run of workflow.split(/\n\s*- /).filter((s) => /\brun: /.test(s))) {
    expect(run).not.toMatch(/\$\{\{\s*github\.event\.pull_request\.(title|body|head\.ref)/);
  }
});
