/**
 * The pack registry: every rule, in id order. Ids are stable; a retired rule keeps its id reserved.
 */
import { ActionTrailAllEvents } from './actiontrail-all-events';
import { ActionTrailDeliversToUnitLogProject } from './actiontrail-delivers-to-unit-log-project';
import { ActionTrailRegionCoverage } from './actiontrail-region-coverage';
import { ALBDeletionProtection } from './alb-deletion-protection';
import { ALBListenerHttps } from './alb-listener-https';
import { ALBListenerModernTls } from './alb-listener-modern-tls';
import { CMSAlarmStatisticOfMetric } from './cms-alarm-statistic-of-metric';
import { DataResourceInUnitRegion } from './data-resource-in-unit-region';
import { DTSReplicatesOnlyAllowlistedTables } from './dts-replicates-only-allowlisted-tables';
import { GACrossBorderExplicit } from './ga-cross-border-explicit';
import { GAListenerModernTls } from './ga-listener-modern-tls';
import { GAListenerNoPlainHttp } from './ga-listener-no-plain-http';
import { KMSKeyDeletionProtection } from './kms-key-deletion-protection';
import { KMSKeyRotationEnabled } from './kms-key-rotation-enabled';
import { LaunchTemplateDisksEncrypted } from './launch-template-disks-encrypted';
import { LogStoreRetention } from './log-store-retention';
import { OSSBucketAccessLogging } from './oss-bucket-access-logging';
import { OSSBucketEncryptedWithKmsKey } from './oss-bucket-encrypted-with-kms-key';
import { OSSBucketNoForceDestroy } from './oss-bucket-no-force-destroy';
import { OSSBucketNotPublic } from './oss-bucket-not-public';
import { OSSBucketVersioningEnabled } from './oss-bucket-versioning-enabled';
import { OSSBucketZoneRedundant } from './oss-bucket-zone-redundant';
import { OSSReplicationStaysInUnit } from './oss-replication-stays-in-unit';
import { RAMPolicyNoFullAdmin } from './ram-policy-no-full-admin';
import { RDSBackupRetention } from './rds-backup-retention';
import { RDSDeletionProtection } from './rds-deletion-protection';
import { RDSMinorVersionAutoUpgrade } from './rds-minor-version-auto-upgrade';
import { RDSNotPublic } from './rds-not-public';
import { RDSSqlAuditRetention } from './rds-sql-audit-retention';
import { RDSSslEnabled } from './rds-ssl-enabled';
import { RDSTdeEnabled } from './rds-tde-enabled';
import { RedisNotPublic } from './redis-not-public';
import { RedisReleaseProtection } from './redis-release-protection';
import { RedisSslEnabled } from './redis-ssl-enabled';
import { ScalingConfigurationDisksEncrypted } from './scaling-configuration-disks-encrypted';
import { SecurityGroupNoWorldAllPorts } from './security-group-no-world-all-ports';
import { SecurityGroupNoWorldRdp } from './security-group-no-world-rdp';
import { SecurityGroupNoWorldSsh } from './security-group-no-world-ssh';
import { SecurityGroupWorldOnlyListenerPorts } from './security-group-world-only-listener-ports';
import { StatefulResourcePreventDestroy } from './stateful-resource-prevent-destroy';
import { VPCFlowLogsEnabled } from './vpc-flow-logs-enabled';
import type { PolicyRule } from '../types';

export const ALI_RULES: readonly PolicyRule[] = [
  OSSBucketNotPublic,
  OSSBucketVersioningEnabled,
  OSSBucketEncryptedWithKmsKey,
  OSSBucketAccessLogging,
  OSSBucketZoneRedundant,
  OSSReplicationStaysInUnit,
  OSSBucketNoForceDestroy,
  RDSNotPublic,
  RDSSslEnabled,
  RDSTdeEnabled,
  RDSSqlAuditRetention,
  RDSMinorVersionAutoUpgrade,
  RDSDeletionProtection,
  RDSBackupRetention,
  RedisReleaseProtection,
  RedisSslEnabled,
  RedisNotPublic,
  KMSKeyRotationEnabled,
  KMSKeyDeletionProtection,
  ActionTrailAllEvents,
  ActionTrailRegionCoverage,
  ActionTrailDeliversToUnitLogProject,
  SecurityGroupNoWorldSsh,
  SecurityGroupNoWorldRdp,
  SecurityGroupNoWorldAllPorts,
  SecurityGroupWorldOnlyListenerPorts,
  ALBListenerHttps,
  ALBDeletionProtection,
  ALBListenerModernTls,
  LaunchTemplateDisksEncrypted,
  ScalingConfigurationDisksEncrypted,
  LogStoreRetention,
  VPCFlowLogsEnabled,
  RAMPolicyNoFullAdmin,
  StatefulResourcePreventDestroy,
  DataResourceInUnitRegion,
  DTSReplicatesOnlyAllowlistedTables,
  GACrossBorderExplicit,
  GAListenerNoPlainHttp,
  GAListenerModernTls,
  CMSAlarmStatisticOfMetric,
];
