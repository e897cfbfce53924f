import { dbListJson, replicatedColumns } from '../../lib/topology/db-list';
import type { TerraformStack } from 'cdktf';
import { DbInstance } from '../../.gen/providers/alicloud/db-instance';
import { DtsSynchronizationJob } from '../../.gen/providers/alicloud/dts-synchronization-job';
import { GaAccelerator, type GaAcceleratorConfig } from '../../.gen/providers/alicloud/ga-accelerator';
import { GaBandwidthPackage } from '../../.gen/providers/alicloud/ga-bandwidth-package';
import { GaBandwidthPackageAttachment } from '../../.gen/providers/alicloud/ga-bandwidth-package-attachment';
import { GaEndpointGroup } from '../../.gen/providers/alicloud/ga-endpoint-group';
import { GaForwardingRule } from '../../.gen/providers/alicloud/ga-forwarding-rule';
import { GaListener } from '../../.gen/providers/alicloud/ga-listener';
import { KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { AlicloudProvider } from '../../.gen/providers/alicloud/provider';
import { orgDatabaseName } from '../../lib/topology/naming';
import type { TopologyDeclaration } from '../../lib/topology/types';
import { PREVENT_DESTROY } from '../../lib/core/protection';
import { describeRuleFamily, type RuleCase, TOPOLOGY, unitOf } from './harness';

const t2 = unitOf('t2');
const inT2 = { stackName: 'unit-t2', region: t2.region };

const database = (stack: TerraformStack, provider?: AlicloudProvider) =>
  new DbInstance(stack, 'db', {
    engine: 'MySQL',
    engineVersion: '8.0',
    instanceType: 'mysql.n2.medium.2c',
    instanceStorage: 20,
    provider,
    lifecycle: PREVENT_DESTROY,
  });

const orgDb = orgDatabaseName(TOPOLOGY.catalog.orgDatabase, 't2');
const [allowed] = TOPOLOGY.replication.allowlist;
const personal = Object.entries(TOPOLOGY.catalog.tables).find(([, c]) => c.class === 'personal')![0];
/** The column-level Table map the package builds for these tables: their org-structure columns. */
const orgColumns = (t: string) => (TOPOLOGY.catalog.tables[t].columns ? replicatedColumns(t, TOPOLOGY.catalog.tables[t].columns) : ['id']);
const tables = (...names: string[]) =>
  Object.fromEntries(names.map((t) => [t, { name: t, all: false, column: Object.fromEntries(orgColumns(t).map((c) => [c, { name: c }])) }]));
/** The db_list the package builds, with one more column of `table` named by hand. */
const withColumn = (table: string, column: string) => {
  const list = tables(...TOPOLOGY.replication.allowlist);
  list[table].column[column] = { name: column };
  return { [orgDb]: { name: orgDb, all: false, Table: list } };
};
const job = (dbList: object | string) => (stack: TerraformStack) =>
  new DtsSynchronizationJob(stack, 'job', {
    dtsInstanceId: 'dts-1',
    dtsJobName: 'fx-org-t2-to-t1',
    dbList: typeof dbList === 'string' ? dbList : JSON.stringify(dbList),
    structureInitialization: true,
    dataInitialization: true,
    dataSynchronization: true,
    sourceEndpointEngineName: 'MySQL',
    sourceEndpointInstanceType: 'RDS',
    destinationEndpointEngineName: 'MySQL',
    destinationEndpointInstanceType: 'RDS',
    lifecycle: PREVENT_DESTROY,
  });

const ga = (overrides: Partial<GaAcceleratorConfig>) => (stack: TerraformStack) =>
  new GaAccelerator(stack, 'ga', { acceleratorName: 'fx-ga', paymentType: 'PayAsYouGo', ...overrides });

const withAccess = (crossBorder: TopologyDeclaration['access']['crossBorder']): TopologyDeclaration => ({
  ...TOPOLOGY,
  access: { ...TOPOLOGY.access, crossBorder },
});
const cdt = { topology: withAccess({ billing: 'cdt' }) };
const packageDeclared = { topology: withAccess({ billing: 'bandwidth-package', bandwidthMbps: 20, basicBandwidthMbps: 20 }) };
const undeclared = { topology: withAccess(undefined) };
const withPackage = (type: 'Basic' | 'CrossDomain') => (stack: TerraformStack) => {
  const accelerator = ga({ bandwidthBillingType: 'BandwidthPackage' })(stack);
  const pkg = new GaBandwidthPackage(stack, 'package', {
    bandwidth: 20,
    type,
    bandwidthType: 'Basic',
    paymentType: 'PayAsYouGo',
    billingType: 'PayBy95',
    ratio: 30,
  });
  new GaBandwidthPackageAttachment(stack, 'attachment', { acceleratorId: accelerator.id, bandwidthPackageId: pkg.id });
};

const gaListener = (protocol: string, securityPolicyId?: string) => (stack: TerraformStack) => {
  const accelerator = ga({ bandwidthBillingType: 'CDT', crossBorderStatus: true })(stack);
  const port = protocol === 'HTTP' ? 80 : 443;
  return new GaListener(stack, 'listener', { acceleratorId: accelerator.id, protocol, securityPolicyId, portRanges: [{ fromPort: port, toPort: port }] });
};
/** An HTTP listener with one forwarding rule: a redirect (to `to`) or a forward, on a Path or Host condition. */
const gaRule =
  (action: { redirectTo: string } | 'forward', condition: 'Path' | 'Host' = 'Path', withEndpointGroup = false) =>
  (stack: TerraformStack) => {
    const listener = gaListener('HTTP')(stack);
    new GaForwardingRule(stack, 'rule', {
      acceleratorId: listener.acceleratorId,
      listenerId: listener.id,
      ruleConditions: [
        condition === 'Path'
          ? { ruleConditionType: 'Path', pathConfig: { values: ['/*'] } }
          : { ruleConditionType: 'Host', hostConfig: [{ values: [`oa.${TOPOLOGY.access.domain}`] }] },
      ],
      ruleActions: [
        action === 'forward'
          ? { order: 1, ruleActionType: 'ForwardGroup', ruleActionValue: JSON.stringify([{ type: 'endpointgroup', value: 'epg-1' }]) }
          : {
              order: 1,
              ruleActionType: 'Redirect',
              ruleActionValue: JSON.stringify({ protocol: action.redirectTo, domain: '$${host}', port: '443', code: '301' }),
            },
      ],
    });
    if (withEndpointGroup) {
      new GaEndpointGroup(stack, 'group', {
        acceleratorId: listener.acceleratorId,
        listenerId: listener.id,
        endpointGroupRegion: unitOf('t1').region,
        endpointConfigurations: [{ endpoint: 'alb-1.example.com', type: 'Domain', weight: 100 }],
      });
    }
  };

const cases: RuleCase[] = [
  { rule: 'ALI-PROT-1', name: 'RDS with prevent_destroy', build: (s) => database(s), resource: 'db', expected: 'Compliant' },
  { rule: 'ALI-PROT-1', name: 'KMS key without prevent_destroy', build: (s) => new KmsKey(s, 'key', {}), resource: 'key', expected: 'Non-Compliant' },
  {
    rule: 'ALI-PROT-1',
    name: 'accelerator without prevent_destroy',
    build: ga({ bandwidthBillingType: 'CDT', crossBorderStatus: true }),
    resource: 'ga',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-RES-1', name: "RDS on the unit's own provider", build: (s) => database(s), resource: 'db', expected: 'Compliant', stack: inT2 },
  {
    rule: 'ALI-RES-1',
    name: "RDS on a provider in another unit's region",
    build: (s) => database(s, new AlicloudProvider(s, 'other', { region: unitOf('t1').region, alias: 'other' })),
    resource: 'db',
    expected: 'Non-Compliant',
    stack: inT2,
  },
  {
    rule: 'ALI-RES-1',
    name: 'RDS on a provider whose region is only known at apply time',
    build: (s) => database(s, new AlicloudProvider(s, 'other', { region: '${var.region}', alias: 'other' })),
    resource: 'db',
    expected: 'Unknown',
    stack: inT2,
  },
  { rule: 'ALI-RES-1', name: 'RDS outside a unit stack', build: (s) => database(s), resource: 'db', expected: 'N/A' },
  {
    rule: 'ALI-DTS-1',
    name: 'allowlisted org tables only',
    build: job({ [orgDb]: { name: orgDb, all: false, Table: tables(...TOPOLOGY.replication.allowlist) } }),
    resource: 'job',
    expected: 'Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'exactly what the package builds from the catalog',
    build: job(dbListJson([{ database: orgDb, tables: TOPOLOGY.replication.allowlist.map((t) => ({ name: t, columns: orgColumns(t) })) }])),
    resource: 'job',
    expected: 'Compliant',
  },
  { rule: 'ALI-DTS-1', name: 'the whole org database', build: job({ [orgDb]: { name: orgDb, all: true } }), resource: 'job', expected: 'Non-Compliant' },
  {
    rule: 'ALI-DTS-1',
    name: 'a hand-edited db_list that adds a personal column',
    build: job(withColumn('directory_entries', 'full_name')),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'a column the catalog does not know',
    build: job(withColumn('positions', 'salary')),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'a whole table (every column, personal ones included)',
    build: job({ [orgDb]: { name: orgDb, all: false, Table: { directory_entries: { name: 'directory_entries', all: true } } } }),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'a personal-data table',
    build: job({ [orgDb]: { name: orgDb, all: false, Table: tables(allowed, personal) } }),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'the app database',
    build: job({ [TOPOLOGY.catalog.appDatabase]: { name: TOPOLOGY.catalog.appDatabase, all: false, Table: tables(allowed) } }),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-DTS-1',
    name: 'an allowlisted table renamed to a personal one at the destination',
    build: job({ [orgDb]: { name: orgDb, all: false, Table: { [allowed]: { ...tables(allowed)[allowed], name: personal } } } }),
    resource: 'job',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-DTS-1', name: 'db_list passed through from a variable', build: job('${var.db_list}'), resource: 'job', expected: 'Unknown' },
  {
    rule: 'ALI-GA-1',
    name: 'declared cdt: CDT with cross-border on',
    build: ga({ bandwidthBillingType: 'CDT', crossBorderStatus: true }),
    resource: 'ga',
    expected: 'Compliant',
    stack: cdt,
  },
  {
    rule: 'ALI-GA-1',
    name: 'declared cdt: CDT with cross-border off',
    build: ga({ bandwidthBillingType: 'CDT', crossBorderStatus: false }),
    resource: 'ga',
    expected: 'Non-Compliant',
    stack: cdt,
  },
  {
    rule: 'ALI-GA-1',
    name: 'declared cdt: bandwidth packages',
    build: ga({ bandwidthBillingType: 'BandwidthPackage' }),
    resource: 'ga',
    expected: 'Non-Compliant',
    stack: cdt,
  },
  {
    rule: 'ALI-GA-1',
    name: 'declared bandwidth-package: CrossDomain package attached',
    build: withPackage('CrossDomain'),
    resource: 'ga',
    expected: 'Compliant',
    stack: packageDeclared,
  },
  {
    rule: 'ALI-GA-1',
    name: 'declared bandwidth-package: only a Basic package',
    build: withPackage('Basic'),
    resource: 'ga',
    expected: 'Non-Compliant',
    stack: packageDeclared,
  },
  {
    rule: 'ALI-GA-1',
    name: 'undeclared: CDT with cross-border explicitly off',
    build: ga({ bandwidthBillingType: 'CDT', crossBorderStatus: false }),
    resource: 'ga',
    expected: 'Compliant',
    stack: undeclared,
  },
  {
    rule: 'ALI-GA-1',
    name: 'undeclared: CDT with cross-border unset',
    build: ga({ bandwidthBillingType: 'CDT' }),
    resource: 'ga',
    expected: 'Non-Compliant',
    stack: undeclared,
  },
  { rule: 'ALI-GA-1', name: 'undeclared: billing type unset', build: ga({}), resource: 'ga', expected: 'Non-Compliant', stack: undeclared },
  { rule: 'ALI-GA-2', name: 'HTTPS listener', build: gaListener('HTTPS', 'tls_cipher_policy_1_2'), resource: 'listener', expected: 'Compliant' },
  { rule: 'ALI-GA-2', name: 'TCP passthrough', build: gaListener('TCP'), resource: 'listener', expected: 'Compliant' },
  {
    rule: 'ALI-GA-2',
    name: 'HTTP listener redirecting every path to HTTPS',
    build: gaRule({ redirectTo: 'HTTPS' }),
    resource: 'listener',
    expected: 'Compliant',
  },
  {
    rule: 'ALI-GA-2',
    name: 'HTTP listener redirecting declared hosts to HTTPS',
    build: gaRule({ redirectTo: 'HTTPS' }, 'Host'),
    resource: 'listener',
    expected: 'Compliant',
  },
  { rule: 'ALI-GA-2', name: 'HTTP listener redirecting to HTTP', build: gaRule({ redirectTo: 'HTTP' }), resource: 'listener', expected: 'Non-Compliant' },
  { rule: 'ALI-GA-2', name: 'HTTP listener with a forwarding rule', build: gaRule('forward'), resource: 'listener', expected: 'Non-Compliant' },
  {
    rule: 'ALI-GA-2',
    name: 'HTTP listener redirecting but also serving an endpoint group',
    build: gaRule({ redirectTo: 'HTTPS' }, 'Path', true),
    resource: 'listener',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-GA-2', name: 'HTTP listener with no rule at all', build: gaListener('HTTP'), resource: 'listener', expected: 'Non-Compliant' },
  {
    rule: 'ALI-GA-3',
    name: 'HTTPS with tls_cipher_policy_1_2_strict',
    build: gaListener('HTTPS', 'tls_cipher_policy_1_2_strict'),
    resource: 'listener',
    expected: 'Compliant',
  },
  { rule: 'ALI-GA-3', name: 'HTTPS with the default policy', build: gaListener('HTTPS'), resource: 'listener', expected: 'Non-Compliant' },
  {
    rule: 'ALI-GA-3',
    name: 'HTTPS with tls_cipher_policy_1_1',
    build: gaListener('HTTPS', 'tls_cipher_policy_1_1'),
    resource: 'listener',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-GA-3', name: 'TCP passthrough', build: gaListener('TCP'), resource: 'listener', expected: 'N/A' },
];

for (const family of ['PROT', 'RES', 'DTS', 'GA'])
  describeRuleFamily(
    family,
    cases.filter((c) => c.rule.startsWith(`ALI-${family}-`)),
  );
