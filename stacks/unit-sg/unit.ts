/**
 * The overseas unit: serves the Vietnam factory's staff from Singapore and keeps their data there,
 * out of mainland China as Vietnam's data rules ask.
 */
import type { UnitDeclaration } from '../../lib/topology/types';

export const unit: UnitDeclaration = {
  id: 'sg',
  name: 'Overseas unit (Vietnam factory, served from Singapore)',
  country: 'VN',
  region: 'ap-southeast-1',
  zones: ['ap-southeast-1b', 'ap-southeast-1c'],
  network: {
    vpcCidr: '10.2.0.0/16',
    subnets: {
      ingress: { 'ap-southeast-1b': '10.2.0.0/24', 'ap-southeast-1c': '10.2.1.0/24' },
      app: { 'ap-southeast-1b': '10.2.10.0/24', 'ap-southeast-1c': '10.2.11.0/24' },
      data: { 'ap-southeast-1b': '10.2.20.0/24', 'ap-southeast-1c': '10.2.21.0/24' },
      link: { 'ap-southeast-1b': '10.2.30.0/28', 'ap-southeast-1c': '10.2.30.16/28' },
    },
  },
  sizing: {
    // ~500 staff: two instances (one per zone) carry the load.
    app: { instanceType: 'ecs.g7.large', minInstances: 2, maxInstances: 4 },
    database: { instanceClass: 'mysql.n2.medium.2c', storageGb: 100, backupRetentionDays: 14, logBackupRetentionDays: 14 },
    cache: { instanceClass: 'redis.shard.small.2.ce' },
  },
  mastersTables: ['departments', 'positions', 'directory_entries'],
  monitoring: {
    // acme_sg_oncall in CloudMonitor (group acme_sg_oncall): the team mailbox, activated after the first deploy, and
    // the team's DingTalk group robot, which needs no activation (webhook: TF_VAR_dingtalk_webhook_sg_oncall at deploy).
    contacts: [{ role: 'oncall', email: 'platform-oncall-sg@example.com', dingTalk: true }],
  },
  replication: {
    // The org schema (cdktf.out/sql/org-schema-sg.sql) is applied in org_sg: its DTS jobs may run.
    enabled: true,
    instanceClass: 'small',
    structureInitialization: true,
    dataInitialization: true,
    delayAlertSeconds: 60,
  },
  // Vietnamese staff data is kept in Singapore, outside Vietnam: Decree 13/2023 asks for a transfer impact assessment.
  residency: {
    legalBasis: { basis: 'Decree 13/2023 overseas transfer impact assessment (factory staff data in Singapore)', reference: 'legal/residency/vn-sg-2026-001' },
  },
  // Keys: a KMS default key, which needs no KMS instance bought beforehand; the choice is made before the first deploy
  // because moving the key into a KMS instance later replaces it. TDE encrypts with the unit key, a key the unit
  // controls and audits; that needs the RDS service role (checked at plan time), and TDE stays on for good
  // (docs/unit.md, "Keys and TDE").
  encryption: { keyStore: 'default-key', tde: 'unit-key' },
  // The example reference of the residency basis: deploy refuses until it names the real record.
  placeholders: ['residency.legalBasis.reference'],
};
