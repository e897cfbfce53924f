/**
 * The pack as the app runs it: on the declared topology (which must pass, whatever its units), then on a
 * fixture (a lone hub, t1: the cheapest whole app) with suppressions, failing the synth, writing the report.
 * Rule-by-rule cases live in the family test files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DbInstance } from '../../.gen/providers/alicloud/db-instance';
import { OssBucket } from '../../.gen/providers/alicloud/oss-bucket';
import { AlicloudProvider } from '../../.gen/providers/alicloud/provider';
import { PolicyPack } from '../../lib/policy/engine';
import { formatPolicyOutcome, policyPackFor, synthWithPack, synthWithPolicy } from '../../lib/policy/enforce';
import { reportCsv } from '../../lib/policy/report';
import { withRulesTable } from '../../lib/policy/rules-table';
import { ALI_RULES } from '../../lib/policy/rules';
import { suppressPolicyRules } from '../../lib/policy/suppressions';
import type { PolicyRule } from '../../lib/policy/types';
import type { TopologyDeclaration } from '../../lib/topology/types';
import { buildApp } from '../../stacks/app';
import { loadTopology } from '../../stacks/topology';
import { fixtureTopology } from '../fixtures/topology';
import { complianceOf, ruleById, synthMinimal } from './harness';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'policy-app-'));

/** A lone hub: every behaviour below happens in its unit stack, and one unit is the cheapest app to synthesize. */
const FIXTURE = fixtureTopology(['t1']);

function synthApp(topology: TopologyDeclaration, change?: (built: ReturnType<typeof buildApp>) => void) {
  const outdir = tmp();
  const built = buildApp(topology, { outdir });
  change?.(built);
  return { outdir, outcome: synthWithPolicy(built.app, built.model) };
}
const synthFixture = (change?: (built: ReturnType<typeof buildApp>) => void) => synthApp(FIXTURE, change);

/** A bucket that breaks only ALI-OSS-1 (public) and ALI-OSS-4 (no access logging, a warning). */
const publicBucket = (scope: Construct, id: string) =>
  new OssBucket(scope, id, {
    bucket: 'fx-t1-public',
    acl: 'public-read',
    redundancyType: 'ZRS',
    versioning: { status: 'Enabled' },
    serverSideEncryptionRule: { sseAlgorithm: 'KMS', kmsMasterKeyId: 'key-1' },
    lifecycle: { preventDestroy: true },
  });

describe('the declared topology', () => {
  const declared = loadTopology();
  const { outdir, outcome } = synthApp(declared);

  test('has no unsuppressed finding of any level, and no stale suppression', () => {
    expect(outcome.failures).toEqual([]);
    expect(outcome.unusedSuppressions).toEqual([]);
    expect(outcome.findings.filter((f) => f.compliance === 'Non-Compliant' || f.compliance === 'Unknown')).toEqual([]);
  });

  test('is checked in every stack that holds a resource some rule looks at (the pack is on all of them)', () => {
    const covered = new Set(ALI_RULES.flatMap((r) => r.resourceTypes));
    const expected = fs
      .readdirSync(path.join(outdir, 'stacks'))
      .filter((name) => {
        const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
        return Object.keys(tf.resource ?? {}).some((type) => covered.has(type));
      })
      .sort();
    expect(expected).toEqual(expect.arrayContaining(declared.units.map((u) => `unit-${u.id}`)));
    expect([...new Set(outcome.findings.map((f) => f.resource.split('/')[0]))].sort()).toEqual(expected);
  });

  test('writes the CSV and JSON report into the outdir, every suppression with its reason', () => {
    const csv = fs.readFileSync(path.join(outdir, 'policy-report.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info');
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'policy-report.json'), 'utf8'));
    expect(json.findings).toHaveLength(outcome.findings.length);
    for (const f of json.findings.filter((x: { compliance: string }) => x.compliance === 'Suppressed')) {
      expect(f.exceptionReason.length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('the report', () => {
  test('is byte-identical on a second synth', () => {
    const first = synthFixture();
    const again = synthFixture();
    expect(first.outcome.findings.length).toBeGreaterThan(0);
    for (const ext of ['csv', 'json']) {
      expect(fs.readFileSync(path.join(again.outdir, `policy-report.${ext}`), 'utf8')).toBe(
        fs.readFileSync(path.join(first.outdir, `policy-report.${ext}`), 'utf8'),
      );
    }
  });
});

/** The one change several tests below judge: a public bucket in the unit stack, once with two suppressions. */
const withPublicBucket = synthFixture((b) => publicBucket(b.units.t1, 'public-files'));
const withSuppressedPublicBucket = synthFixture((b) => {
  const bucket = publicBucket(b.units.t1, 'public-files');
  suppressPolicyRules(bucket, [
    { id: 'ALI-OSS-1', reason: 'reviewed: public on purpose' },
    { id: 'ALI-OSS-5', reason: 'ZRS is already set here' },
  ]);
});

describe('a non-compliant change', () => {
  test('a public bucket in a unit stack fails the synth with the rule id, the path, the info and the fix', () => {
    const { outcome } = withPublicBucket;
    const rule = ruleById('ALI-OSS-1');
    expect(outcome.failures).toEqual([`ALI-OSS-1 unit-t1/public-files: ${rule.info}: acl is "public-read"; fix: ${rule.fix}`]);
    expect(formatPolicyOutcome(outcome)).toMatch(/1 failing .*\nALI-OSS-1 unit-t1\/public-files: /);
  });

  test('a stack added after the pack was made is checked too', () => {
    const built = buildApp(FIXTURE, { outdir: tmp() });
    const pack = policyPackFor(built.model);
    const extra = new TerraformStack(built.app, 'extra');
    new AlicloudProvider(extra, 'alicloud', { region: FIXTURE.units[0].region });
    publicBucket(extra, 'files');
    expect(synthWithPack(built.app, pack).failures).toEqual([expect.stringMatching(/^ALI-OSS-1 extra\/files: /)]);
  });

  test('a stack-level override is checked: the pack reads what cdk.tf.json holds, not the constructs', () => {
    const { outcome } = synthFixture((b) => {
      const bucket = b.units.t1.unit.storage.filesBucket;
      b.units.t1.addOverride(`resource.alicloud_oss_bucket.${b.units.t1.getLogicalId(bucket)}.acl`, 'public-read');
    });
    expect(outcome.failures).toEqual([expect.stringMatching(/^ALI-OSS-1 unit-t1\/unit\/storage\/files: .*acl is "public-read"/)]);
  });

  test('checking before the app is synthesized is refused, never an empty pass', () => {
    const built = buildApp(FIXTURE, { outdir: tmp() });
    expect(() => new PolicyPack({ rules: ALI_RULES }).check(built.app)).toThrow(/cdk\.tf\.json does not exist; call check\(app\) after app\.synth\(\)/);
  });

  test('an app synthesized as HCL (cdktf synth --hcl) is refused with the fix, not misread', () => {
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      const built = buildApp(FIXTURE, { outdir: tmp() });
      expect(() => synthWithPolicy(built.app, built.model)).toThrow(
        /^policy pack: [\w-]+ was synthesized as HCL \(cdk\.tf\); the pack reads Terraform JSON: synthesize without --hcl/,
      );
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  });

  test('a warning is reported but does not fail the synth', () => {
    const { outcome } = withPublicBucket;
    expect(outcome.findings.find((f) => f.ruleId === 'ALI-OSS-4' && f.resource === 'unit-t1/public-files')).toMatchObject({
      compliance: 'Non-Compliant',
      level: 'warning',
    });
    expect(outcome.failures.filter((l) => l.startsWith('ALI-OSS-4'))).toEqual([]);
  });

  test('an unresolvable value the rule needs fails as unknown, never passes', () => {
    const outcome = synthMinimal(
      [ruleById('ALI-RDS-1')],
      (s) =>
        new DbInstance(s, 'db', {
          engine: 'MySQL',
          engineVersion: '8.0',
          instanceType: 'mysql.n2.medium.2c',
          instanceStorage: 20,
          securityIps: ['${var.cidr}'],
        }),
    );
    expect(complianceOf(outcome, 'ALI-RDS-1', 'db')).toBe('Unknown');
    expect(outcome.failures).toEqual([expect.stringMatching(/^ALI-RDS-1 minimal\/db: cannot be checked: .*var\.cidr/)]);
  });

  test('a rule that throws reports unknown', () => {
    const broken: PolicyRule = {
      ...ruleById('ALI-KMS-1'),
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const outcome = synthMinimal([broken], (s) => new DbInstance(s, 'db', { engine: 'MySQL', engineVersion: '8.0', instanceType: 'x', instanceStorage: 20 }));
    expect(outcome.findings).toEqual([]);
    const withKey = synthMinimal(
      [{ ...broken, resourceTypes: ['alicloud_db_instance'] }],
      (s) => new DbInstance(s, 'db', { engine: 'MySQL', engineVersion: '8.0', instanceType: 'x', instanceStorage: 20 }),
    );
    expect(complianceOf(withKey, 'ALI-KMS-1', 'db')).toBe('Unknown');
  });
});

describe('suppressions', () => {
  test('accept a finding on the construct and its children, with the reason in the report', () => {
    const reason = 'a public bucket for the marketing site, reviewed in PR 42';
    const { outcome } = synthFixture((b) => {
      const site = new Construct(b.units.t1, 'site');
      publicBucket(site, 'assets');
      suppressPolicyRules(site, [{ id: 'ALI-OSS-1', reason }]);
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.findings.find((f) => f.ruleId === 'ALI-OSS-1' && f.resource === 'unit-t1/site/assets')).toMatchObject({
      compliance: 'Suppressed',
      exceptionReason: reason,
    });
  });

  test('cover only the rules they name', () => {
    const { outcome } = synthFixture((b) => {
      const bucket = publicBucket(b.units.t1, 'public-files');
      suppressPolicyRules(bucket, [{ id: 'ALI-OSS-5', reason: 'names another rule than the finding' }]);
    });
    expect(outcome.failures).toEqual([expect.stringMatching(/^ALI-OSS-1 unit-t1\/public-files: /)]);
  });

  test('leave compliant results compliant', () => {
    const { outcome } = withSuppressedPublicBucket;
    expect(complianceOf(outcome, 'ALI-OSS-5', 'public-files', 'unit-t1')).toBe('Compliant');
  });

  test.each([
    ['the app', (b: ReturnType<typeof buildApp>) => b.app, /cannot be scoped to the app/],
    [
      'a stack',
      (b: ReturnType<typeof buildApp>) => b.units.t1,
      /^unit-t1: policy suppressions cannot be scoped to a whole stack; attach them to the construct/,
    ],
  ])('refuse %s as scope', (_name, scope, error) => {
    const b = buildApp(FIXTURE, { outdir: tmp() });
    expect(() => suppressPolicyRules(scope(b), [{ id: 'ALI-VPC-1', reason: 'long enough reason' }])).toThrow(error);
  });

  test.each([
    ['a short reason', { id: 'ALI-OSS-1', reason: 'temp' }, /suppression of ALI-OSS-1 has reason "temp"; give a reason of at least 10 characters/],
    ['a blank-padded reason', { id: 'ALI-OSS-1', reason: '    ok    ' }, /at least 10 characters/],
    ['a malformed id', { id: 'OSS1', reason: 'a long enough reason' }, /suppression id "OSS1" is not a rule id; use the id from the report/],
  ])('refuse %s', (_name, suppression, error) => {
    const b = buildApp(FIXTURE, { outdir: tmp() });
    expect(() => suppressPolicyRules(b.units.t1.node.findChild('unit'), [suppression])).toThrow(error);
  });

  test('a suppression that covers no finding is reported as stale, without failing', () => {
    const { outcome } = withSuppressedPublicBucket;
    expect(outcome.failures).toEqual([]);
    expect(outcome.unusedSuppressions).toEqual(['ALI-OSS-5 unit-t1/public-files: suppression covers no finding; remove it']);
    expect(formatPolicyOutcome(outcome)).toContain('\nwarning: ALI-OSS-5 unit-t1/public-files: suppression covers no finding; remove it\n');
  });

  test('naming a rule the pack does not have fails the synth', () => {
    const { outcome } = synthFixture((b) =>
      suppressPolicyRules(b.units.t1.node.findChild('unit'), [{ id: 'ALI-OSS-99', reason: 'a rule that does not exist' }]),
    );
    expect(outcome.failures).toEqual([
      'ALI-OSS-99 unit-t1/unit: suppression names no rule of the policy pack; remove it or correct the id (see docs/policy-rules.md)',
    ]);
  });
});

describe('the pack', () => {
  test('has at least 25 rules with unique, well-formed ids and every text filled in', () => {
    expect(ALI_RULES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ALI_RULES.map((r) => r.id)).size).toBe(ALI_RULES.length);
    for (const r of ALI_RULES) {
      expect(r.id).toMatch(/^ALI-[A-Z]+-\d+$/);
      expect(r.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect([r.info, r.explanation, r.fix].every((t) => t.length > 10)).toBe(true);
      expect(r.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test('keeps one rule per file, the file named for the rule', () => {
    const dir = path.join(__dirname, '../../lib/policy/rules');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '').replace(/-/g, '')).sort()).toEqual(ALI_RULES.map((r) => r.name.toLowerCase()).sort());
  });

  test('has rule tests for every family', () => {
    const tested = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(__dirname, f), 'utf8').matchAll(/'ALI-([A-Z]+)-\d+'/g)].map((m) => m[1]));
    for (const r of ALI_RULES) expect(tested).toContain(r.id.split('-')[1]);
  });

  test('docs/policy-rules.md holds the current rules table (npm run policy:docs rewrites it)', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/policy-rules.md'), 'utf8');
    expect(withRulesTable(doc, ALI_RULES)).toBe(doc);
  });

  test('refuses two rules with one id', () => {
    const rule = ruleById('ALI-OSS-1');
    expect(() => new PolicyPack({ rules: [rule, { ...rule, name: 'Other' }] })).toThrow(/rule id ALI-OSS-1 is used twice \(Other\)/);
  });

  test('writes commas, quotes and newlines in CSV cells escaped', () => {
    const csv = reportCsv([
      { ruleId: 'ALI-X-1', resource: 'a/b', compliance: 'Suppressed', exceptionReason: 'says "why", twice', level: 'error', info: 'i', fix: 'f' },
    ]);
    expect(csv.split('\n')[1]).toBe('ALI-X-1,a/b,Suppressed,"says ""why"", twice",error,i');
  });
});
