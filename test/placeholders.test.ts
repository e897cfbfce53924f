/**
 * Placeholders: what counts as one (declared paths, reserved example names), and when the deploy gate refuses. The
 * refusal of the real entry points (`npm run deploy`, `cdktf deploy`) runs in test/e2e/deploy-refusal.test.ts.
 */
import { cdktfCommandOf, COMMAND_ENV, deployRefusal, invokingCommand, placeholderRefusal } from '../lib/app/placeholders';
import { parsePath, placeholderFindings, reservedExampleDomain } from '../lib/topology/placeholders';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology, unitIn } from './fixtures/topology';

describe('placeholders of the shipped declaration', () => {
  const findings = placeholderFindings(loadTopology());

  it('are the example values a newcomer synthesizes with: domains, mailboxes, certificates, image, org prefix, legal references', () => {
    expect(findings.map((f) => f.path)).toEqual([
      'access.domain',
      'access.listener.certificateId',
      'flows.approval-notifications.legalBasis.reference',
      'flows.conversation-relay-cn-sg.legalBasis.reference',
      'flows.conversation-relay-sg-cn.legalBasis.reference',
      'org.prefix',
      'platform.appImageName',
      'platform.certificates.international',
      'platform.certificates.mainland',
      'units.cn.monitoring.contacts[0].email',
      'units.sg.monitoring.contacts[0].email',
      'units.sg.residency.legalBasis.reference',
    ]);
  });

  it('each say why and what to set', () => {
    for (const f of findings) expect(f.fix.length).toBeGreaterThan(20);
    expect(findings.find((f) => f.path === 'org.prefix')).toMatchObject({ value: 'acme', reason: 'is declared a placeholder' });
    expect(findings.find((f) => f.path === 'access.domain')).toMatchObject({ reason: 'uses collab.example.com, a domain reserved for examples' });
  });
});

describe('what counts as a placeholder', () => {
  it.each([
    ['collab.example.com', 'collab.example.com'],
    ['oncall@example.org', 'example.org'],
    ['ops@fixture.example.net', 'fixture.example.net'],
    ['app.acme.test', 'app.acme.test'],
    ['x.invalid', 'x.invalid'],
    ['oncall@acme-parts.cn', undefined],
    ['collab.examples.com', undefined],
    ['notexample.com', undefined],
    ['legal/transfers/cn-to-sg-2026-001', undefined],
    ['14520011-cn-hangzhou', undefined],
  ])('%s → %s', (value, expected) => {
    expect(reservedExampleDomain(value)).toBe(expected);
  });

  it('parses field paths as the messages write them', () => {
    expect(parsePath('monitoring.contacts[0].email')).toEqual(['monitoring', 'contacts', 0, 'email']);
    expect(parsePath('flows["a.b"].legalBasis')).toEqual(['flows', 'a.b', 'legalBasis']);
    expect(parsePath('flows.conversation-relay-cn-sg.legalBasis')).toEqual(['flows', 'conversation-relay-cn-sg', 'legalBasis']);
    for (const bad of ['', '.a', 'a.', 'a..b', 'a[x]', 'a b"']) expect([bad, parsePath(bad)]).toEqual([bad, undefined]);
  });

  it('a declaration with real values has none', () => {
    const t = fixtureTopology(['t1', 't2'], (d) => {
      d.access.domain = 'collab.fixture-parts.cn';
      for (const u of d.units) for (const c of u.monitoring.contacts) if (c.email) c.email = c.email.replace('fixture.example.net', 'fixture-parts.cn');
    });
    expect(placeholderFindings(t)).toEqual([]);
    expect(placeholderRefusal(t)).toBeUndefined();
  });

  it('a listed path in a unit is reported from the root, with the list to edit', () => {
    const t = fixtureTopology(['t1'], (d) => (unitIn(d, 't1').placeholders = ['sizing.database.instanceClass']));
    expect(placeholderFindings(t).find((f) => f.path === 'units.t1.sizing.database.instanceClass')?.fix).toMatch(
      /then remove "sizing\.database\.instanceClass" from units\.t1\.placeholders$/,
    );
  });
});

describe('the deploy gate', () => {
  const shipped = loadTopology();

  it('finds the cdktf command in a command line', () => {
    expect(cdktfCommandOf(['node', '/p/node_modules/.bin/cdktf', 'deploy', 'unit-cn'])).toBe('deploy');
    expect(cdktfCommandOf(['node', '/p/node_modules/cdktf-cli/bundle/bin/cdktf', '--log-level=debug', 'apply'])).toBe('apply');
    expect(cdktfCommandOf(['/usr/local/bin/cdktf', 'synth'])).toBe('synth');
    expect(cdktfCommandOf(['cdktf.cmd', 'watch', '--auto-approve'])).toBe('watch');
    expect(cdktfCommandOf(['/bin/sh', '-c', 'node -r ./scripts/register.js main.ts'])).toBeUndefined();
    expect(cdktfCommandOf(['node', 'my-cdktf-tool.js', 'deploy'])).toBeUndefined();
  });

  it('refuses deploy, apply and watch while placeholders remain, listing each; synth and diff go on', () => {
    for (const command of ['deploy', 'apply', 'watch']) {
      const text = deployRefusal(shipped, { command, via: COMMAND_ENV });
      expect(text).toMatch(/^refusing to deploy: the declaration still holds 12 placeholders/);
      expect(text).toContain('  - org.prefix: "acme" is declared a placeholder;');
      expect(text).toContain(`(cdktf ${command}, found from ${COMMAND_ENV})`);
    }
    for (const command of ['synth', 'diff', 'destroy', 'output']) expect(deployRefusal(shipped, { command, via: 'parent process' })).toBeUndefined();
    expect(deployRefusal(shipped, undefined)).toBeUndefined();
  });

  it('takes the command from UNIT_CELLS_COMMAND first, and from no ancestor when none is cdktf (jest)', () => {
    expect(invokingCommand({ [COMMAND_ENV]: 'deploy' }, process.ppid)).toEqual({ command: 'deploy', via: COMMAND_ENV });
    expect(invokingCommand({}, process.ppid)).toBeUndefined();
  });
});
