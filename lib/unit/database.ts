import { Construct } from 'constructs';
import { DbBackupPolicy } from '../../.gen/providers/alicloud/db-backup-policy';
import { DbDatabase } from '../../.gen/providers/alicloud/db-database';
import { DbAccountPrivilege } from '../../.gen/providers/alicloud/db-account-privilege';
import { DbInstance } from '../../.gen/providers/alicloud/db-instance';
import { RdsAccount } from '../../.gen/providers/alicloud/rds-account';
import type { DatabaseSizingModel } from '../topology/model';
import { rdsDescription } from '../topology/naming';
import { addTags } from '../core/tags';
import { PREVENT_DESTROY } from '../core/protection';
import { generatedPassword } from '../core/secrets';

export interface UnitDatabaseProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  /** RDS instance name. */
  readonly instanceName: string;
  /** The master's zone, then the standby's. */
  readonly zones: readonly [string, string];
  readonly sizing: DatabaseSizingModel;
  /** The collaboration (personal) database and the unit's org database. */
  readonly appDatabaseName: string;
  readonly orgDatabaseName: string;
  /** Name of the app's own account. */
  readonly appAccountName: string;
  readonly vpcId: string;
  /** Data-tier vSwitch ids by zone. */
  readonly dataVswitchIds: Readonly<Record<string, string>>;
  /** KMS key that encrypts the instance's disks. */
  readonly kmsKeyId: string;
  /** Source ranges allowed to connect: the unit's app tier. DTS adds its own whitelist group when a job starts. */
  readonly allowedCidrs: readonly string[];
}

/** Hours RDS keeps binlogs on the instance (the provider's maximum, 7 days): what DTS resumes from. */
export const LOCAL_BINLOG_RETENTION_HOURS = 168;

/** Port MySQL listens on inside the VPC. */
export const MYSQL_PORT = 3306;

/**
 * The unit's RDS MySQL: high availability across the unit's first two zones, pay-as-you-go (deletion protection
 * exists only for pay-as-you-go instances), SSL and TDE on, SQL audit kept ≥ 180 days, backups with log backup.
 * Holds the unit's collaboration data and the org-structure database(s).
 */
export class UnitDatabase extends Construct {
  readonly instance: DbInstance;
  readonly backupPolicy: DbBackupPolicy;
  /** The database holding the org tables this unit masters (`<orgDatabase>_<unit>`). */
  readonly orgDatabase: DbDatabase;
  readonly appDatabase: DbDatabase;
  /** The app's own account: read/write on the app and org databases, nothing else. */
  readonly appAccount: RdsAccount;

  constructor(scope: Construct, id: string, props: UnitDatabaseProps) {
    super(scope, id);
    const { unitId, sizing } = props;
    const [primary, secondary] = props.zones;
    this.instance = new DbInstance(this, 'instance', {
      instanceName: props.instanceName,
      engine: 'MySQL',
      engineVersion: '8.0',
      category: 'HighAvailability',
      instanceType: sizing.instanceClass,
      instanceStorage: sizing.storageGb,
      dbInstanceStorageType: 'cloud_essd',
      storageAutoScale: 'Enable',
      storageThreshold: 20,
      storageUpperBound: sizing.storageUpperBoundGb,
      instanceChargeType: 'Postpaid',
      deletionProtection: true,
      zoneId: primary,
      zoneIdSlaveA: secondary,
      // Multi-zone: the master's and the standby's vSwitches, comma-separated, in zone order.
      vswitchId: `${props.dataVswitchIds[primary]},${props.dataVswitchIds[secondary]}`,
      vpcId: props.vpcId,
      securityIps: [...props.allowedCidrs],
      sslAction: 'Open',
      tdeStatus: 'Enabled',
      encryptionKey: props.kmsKeyId,
      autoUpgradeMinorVersion: 'Auto',
      sqlCollectorStatus: 'Enabled',
      sqlCollectorConfigValue: sizing.auditRetentionDays,
      monitoringPeriod: 60,
      lifecycle: PREVENT_DESTROY,
    });
    addTags(this.instance, { data: 'staff' });
    this.backupPolicy = new DbBackupPolicy(this, 'backup', {
      instanceId: this.instance.id,
      backupRetentionPeriod: sizing.backupRetentionDays,
      enableBackupLog: true,
      logBackupRetentionPeriod: sizing.logBackupRetentionDays,
      // DTS reads the binlog on the instance to resume incremental sync after a pause; RDS MySQL sources need local
      // binlogs for at least 3 days, 7 recommended (https://help.aliyun.com/document_detail/211631.htm): the maximum.
      localLogRetentionHours: LOCAL_BINLOG_RETENTION_HOURS,
      preferredBackupPeriod: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      preferredBackupTime: '18:00Z-19:00Z',
      // Keep backups after the instance is released: the last line of defence against a mistaken destroy.
      releasedKeepPolicy: 'All',
      highSpaceUsageProtection: 'Enable',
    });
    this.appDatabase = new DbDatabase(this, 'app-db', {
      instanceId: this.instance.id,
      dataBaseName: props.appDatabaseName,
      characterSet: 'utf8mb4',
      description: rdsDescription(`collaboration data of unit ${unitId}, personal data, never replicated`),
      lifecycle: PREVENT_DESTROY,
    });
    this.orgDatabase = new DbDatabase(this, 'org-db', {
      instanceId: this.instance.id,
      dataBaseName: props.orgDatabaseName,
      characterSet: 'utf8mb4',
      description: rdsDescription(`org-structure tables mastered by unit ${unitId}`),
      lifecycle: PREVENT_DESTROY,
    });

    const password = generatedPassword(this, 'app-password');
    this.appAccount = new RdsAccount(this, 'app-account', {
      dbInstanceId: this.instance.id,
      accountName: props.appAccountName,
      accountPassword: password.result,
      // A normal account: no privilege on any database it is not granted below.
      accountType: 'Normal',
      accountDescription: rdsDescription(`collaboration app of unit ${unitId}`),
    });
    new DbAccountPrivilege(this, 'app-privilege', {
      instanceId: this.instance.id,
      accountName: this.appAccount.accountName,
      dbNames: [this.appDatabase.dataBaseName, this.orgDatabase.dataBaseName],
      // Read/write on these two databases only: the app migrates its own schema at start-up.
      privilege: 'ReadWrite',
    });
  }
}
