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
    contactGroup: 'collab-sg-oncall',
    contacts: [{ name: 'platform-oncall-sg', email: 'platform-oncall-sg@example.com' }],
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
  // Factory staff open HQ's services (oa., reports.): their requests and access logs are processed in China.
  crossBorderAccess: {
    legalBasis: {
      basis: 'Decree 13/2023 overseas transfer impact assessment for factory staff requests to HQ services',
      reference: 'legal/transfers/vn-to-cn-2026-002',
    },
  },
};
