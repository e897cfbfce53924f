import type { TerraformStack } from 'cdktf';
import { DbBackupPolicy } from '../../.gen/providers/alicloud/db-backup-policy';
import { DbInstance, type DbInstanceConfig } from '../../.gen/providers/alicloud/db-instance';
import { KvstoreInstance, type KvstoreInstanceConfig } from '../../.gen/providers/alicloud/kvstore-instance';
import { describeRuleFamily, type RuleCase } from './harness';

/** An RDS instance every RDS rule accepts (the backup policy is added by `withBackup`). */
function db(stack: TerraformStack, overrides: Partial<DbInstanceConfig> = {}): DbInstance {
  return new DbInstance(stack, 'db', {
    engine: 'MySQL',
    engineVersion: '8.0',
    instanceType: 'mysql.n2.medium.2c',
    instanceStorage: 100,
    instanceChargeType: 'Postpaid',
    securityIps: ['10.1.10.0/24'],
    sslAction: 'Open',
    tdeStatus: 'Enabled',
    sqlCollectorStatus: 'Enabled',
    sqlCollectorConfigValue: 180,
    autoUpgradeMinorVersion: 'Auto',
    deletionProtection: true,
    ...overrides,
  });
}

const withBackup = (days?: number) => (stack: TerraformStack) =>
  new DbBackupPolicy(stack, 'backup', { instanceId: db(stack).id, ...(days === undefined ? {} : { backupRetentionPeriod: days }) });

function redis(stack: TerraformStack, overrides: Partial<KvstoreInstanceConfig> = {}): KvstoreInstance {
  return new KvstoreInstance(stack, 'redis', {
    instanceClass: 'redis.shard.small.2.ce',
    securityIps: ['10.1.10.0/24'],
    sslEnable: 'Enable',
    instanceReleaseProtection: true,
    ...overrides,
  });
}

const rds = (rule: string, name: string, overrides: Partial<DbInstanceConfig>, expected: RuleCase['expected']): RuleCase => ({
  rule,
  name,
  build: (s) => db(s, overrides),
  resource: 'db',
  expected,
});
const kvs = (rule: string, name: string, overrides: Partial<KvstoreInstanceConfig>, expected: RuleCase['expected']): RuleCase => ({
  rule,
  name,
  build: (s) => redis(s, overrides),
  resource: 'redis',
  expected,
});

const cases: RuleCase[] = [
  rds('ALI-RDS-1', 'app tier only', {}, 'Compliant'),
  rds('ALI-RDS-1', 'whitelist unset (127.0.0.1)', { securityIps: undefined }, 'Compliant'),
  rds('ALI-RDS-1', '0.0.0.0/0 in the whitelist', { securityIps: ['10.1.10.0/24', '0.0.0.0/0'] }, 'Non-Compliant'),
  rds('ALI-RDS-1', 'a whitelist entry only known at apply time', { securityIps: ['${var.office_cidr}'] }, 'Unknown'),
  rds('ALI-RDS-2', 'ssl Open', {}, 'Compliant'),
  rds('ALI-RDS-2', 'ssl Close', { sslAction: 'Close' }, 'Non-Compliant'),
  rds('ALI-RDS-2', 'ssl unset', { sslAction: undefined }, 'Non-Compliant'),
  rds('ALI-RDS-3', 'TDE Enabled', {}, 'Compliant'),
  rds('ALI-RDS-3', 'TDE unset', { tdeStatus: undefined }, 'Non-Compliant'),
  rds('ALI-RDS-4', 'audit 180 days', {}, 'Compliant'),
  rds('ALI-RDS-4', 'audit 365 days', { sqlCollectorConfigValue: 365 }, 'Compliant'),
  rds('ALI-RDS-4', 'audit with the default 30 days', { sqlCollectorConfigValue: undefined }, 'Non-Compliant'),
  rds('ALI-RDS-4', 'audit off', { sqlCollectorStatus: 'Disabled' }, 'Non-Compliant'),
  rds('ALI-RDS-5', 'minor upgrades Auto', {}, 'Compliant'),
  rds('ALI-RDS-5', 'minor upgrades Manual', { autoUpgradeMinorVersion: 'Manual' }, 'Non-Compliant'),
  rds('ALI-RDS-6', 'deletion protection on', {}, 'Compliant'),
  rds('ALI-RDS-6', 'deletion protection unset', { deletionProtection: undefined }, 'Non-Compliant'),
  { rule: 'ALI-RDS-7', name: 'backup policy keeping 14 days', build: withBackup(14), resource: 'db', expected: 'Compliant' },
  { rule: 'ALI-RDS-7', name: 'backup policy with the default 7 days', build: withBackup(), resource: 'db', expected: 'Compliant' },
  { rule: 'ALI-RDS-7', name: 'no backup policy', build: (s) => db(s), resource: 'db', expected: 'Non-Compliant' },
  {
    rule: 'ALI-RDS-7',
    name: 'a backup policy for another instance only',
    build: (s) => {
      db(s);
      const other = new DbInstance(s, 'other', { engine: 'MySQL', engineVersion: '8.0', instanceType: 'mysql.n2.medium.2c', instanceStorage: 20 });
      new DbBackupPolicy(s, 'backup', { instanceId: other.id, backupRetentionPeriod: 30 });
    },
    resource: 'db',
    expected: 'Non-Compliant',
  },
  kvs('ALI-KVS-1', 'release protection on', {}, 'Compliant'),
  kvs('ALI-KVS-1', 'release protection unset', { instanceReleaseProtection: undefined }, 'Non-Compliant'),
  kvs('ALI-KVS-2', 'TLS on', {}, 'Compliant'),
  kvs('ALI-KVS-2', 'TLS off', { sslEnable: 'Disable' }, 'Non-Compliant'),
  kvs('ALI-KVS-3', 'app tier only', {}, 'Compliant'),
  kvs('ALI-KVS-3', '0.0.0.0/0 in the whitelist', { securityIps: ['0.0.0.0/0'] }, 'Non-Compliant'),
];

describeRuleFamily(
  'RDS',
  cases.filter((c) => c.rule.startsWith('ALI-RDS-')),
);
describeRuleFamily(
  'KVS',
  cases.filter((c) => c.rule.startsWith('ALI-KVS-')),
);
