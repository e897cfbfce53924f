/**
 * The domestic unit: serves headquarters staff in China and keeps their data in cn-hangzhou.
 * It is the hub: every other unit links to it over CEN, and the link and accel stacks keep their state here.
 */
import type { UnitDeclaration } from '../../lib/topology/types';

export const unit: UnitDeclaration = {
  id: 'cn',
  name: 'Domestic unit (HQ, China)',
  country: 'CN',
  region: 'cn-hangzhou',
  zones: ['cn-hangzhou-h', 'cn-hangzhou-i'],
  network: {
    vpcCidr: '10.1.0.0/16',
    subnets: {
      ingress: { 'cn-hangzhou-h': '10.1.0.0/24', 'cn-hangzhou-i': '10.1.1.0/24' },
      app: { 'cn-hangzhou-h': '10.1.10.0/24', 'cn-hangzhou-i': '10.1.11.0/24' },
      data: { 'cn-hangzhou-h': '10.1.20.0/24', 'cn-hangzhou-i': '10.1.21.0/24' },
      link: { 'cn-hangzhou-h': '10.1.30.0/28', 'cn-hangzhou-i': '10.1.30.16/28' },
    },
  },
  sizing: {
    // ~3,000 staff: four app instances at the daily peak, room to double for month-end approvals.
    app: { instanceType: 'ecs.g7.xlarge', minInstances: 4, maxInstances: 8 },
    database: { instanceClass: 'mysql.n4.large.2c', storageGb: 500, backupRetentionDays: 30, logBackupRetentionDays: 30 },
    cache: { instanceClass: 'redis.shard.mid.2.ce' },
  },
  mastersTables: ['departments', 'positions', 'directory_entries'],
  monitoring: {
    // acme_cn_oncall in CloudMonitor (group acme_cn_oncall): the team mailbox, activated after the first deploy, and
    // the team's DingTalk group robot, which needs no activation (webhook: TF_VAR_dingtalk_webhook_cn_oncall at deploy).
    contacts: [{ role: 'oncall', email: 'platform-oncall-cn@example.com', dingTalk: true }],
  },
  replication: {
    // The org schema (cdktf.out/sql/org-schema-cn.sql) is applied in org_cn: its DTS jobs may run.
    enabled: true,
  },
  // Keys: a KMS default key, which needs no KMS instance bought beforehand; the choice is made before the first deploy
  // because moving the key into a KMS instance later replaces it. TDE encrypts with the unit key, a key the unit
  // controls and audits; that needs the RDS service role (checked at plan time), and TDE stays on for good
  // (docs/unit.md, "Keys and TDE").
  encryption: { keyStore: 'default-key', tde: 'unit-key' },
};
