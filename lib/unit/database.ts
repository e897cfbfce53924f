import { Construct } from 'constructs';
import { DataAlicloudDbInstanceClasses } from '../../.gen/providers/alicloud/data-alicloud-db-instance-classes';
import { DataAlicloudDbZones } from '../../.gen/providers/alicloud/data-alicloud-db-zones';
import { DataAlicloudRamRoles } from '../../.gen/providers/alicloud/data-alicloud-ram-roles';
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
  /** KMS key that encrypts the instance's disks, and its data files when `tde` is `unit-key`. */
  readonly kmsKeyId: string;
  /**
   * The key of transparent data encryption: `unit-key` (the unit's KMS key, through the RDS service role) or
   * `service-key` (the key RDS manages).
   */
  readonly tde: 'unit-key' | 'service-key';
  /** The declaration fields behind the class, the storage, the zones and the TDE choice, for the plan-time checks. */
  readonly fields: { readonly instanceClass: string; readonly storage: string; readonly zones: string; readonly tde: string };
  /** The unit's region, for messages. */
  readonly region: string;
  /** Source ranges allowed to connect: the unit's app tier. DTS adds its own whitelist group when a job starts. */
  readonly allowedCidrs: readonly string[];
}

/** Hours RDS keeps binlogs on the instance (the provider's maximum, 7 days): what DTS resumes from. */
export const LOCAL_BINLOG_RETENTION_HOURS = 168;

/** Port MySQL listens on inside the VPC. */
export const MYSQL_PORT = 3306;

/** What the instance is: the plan-time checks ask the data sources for exactly this. */
export const RDS_OFFER = { engine: 'MySQL', engineVersion: '8.0', category: 'HighAvailability', storageType: 'cloud_essd', chargeType: 'PostPaid' } as const;

/**
 * The service role RDS uses to reach a customer's KMS key: the provider sends
 * `acs:ram::<key creator>:role/aliyunrdsinstanceencryptiondefaultrole` with `tde_encryption_key`
 * (alicloud/resource_alicloud_db_instance.go:1372-1380, findKmsRoleArn :2831-2857); RAM role names are matched without
 * case. Its policy (AliyunRDSInstanceEncryptionRolePolicy,
 * https://www.alibabacloud.com/help/en/ram/developer-reference/aliyunrdsinstanceencryptionrolepolicy-1) lets it use only
 * keys tagged `acs:rds:instance-encryption=true`, a tag RDS sets itself; the provider ignores `acs:` tags
 * (alicloud/tags.go:155-156), so it never drifts.
 */
export const RDS_ENCRYPTION_ROLE = 'AliyunRDSInstanceEncryptionDefaultRole';

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
  /** The app account's privileges: what the app needs before it can start. */
  readonly appPrivilege: DbAccountPrivilege;

  constructor(scope: Construct, id: string, props: UnitDatabaseProps) {
    super(scope, id);
    const { unitId, sizing } = props;
    const [primary, secondary] = props.zones;
    const offer = `MySQL ${RDS_OFFER.engineVersion} ${RDS_OFFER.category} ${RDS_OFFER.storageType} pay-as-you-go`;
    // The class must be sold in both zones (master and standby). The lookup takes its fast path with zone, engine,
    // version, storage type and category all given, and returns an empty list when nothing matches
    // (alicloud/data_source_alicloud_db_instance_classes.go:161-213); its default charge type is PostPaid (:38-41).
    props.zones.forEach(
      (zone, i) =>
        new DataAlicloudDbInstanceClasses(this, `classes-${zone}`, {
          engine: RDS_OFFER.engine,
          engineVersion: RDS_OFFER.engineVersion,
          category: RDS_OFFER.category,
          dbInstanceStorageType: RDS_OFFER.storageType,
          instanceChargeType: RDS_OFFER.chargeType,
          zoneId: zone,
          lifecycle: {
            postcondition: [
              {
                condition: `\${contains(self.instance_classes[*].instance_class, "${sizing.instanceClass}")}`,
                errorMessage: `${props.fields.instanceClass}: ${sizing.instanceClass} is not offered for ${offer} in ${zone} (${props.fields.zones}[${i}]); choose one of the classes listed by data.alicloud_db_instance_classes: \${join(", ", self.instance_classes[*].instance_class)}`,
              },
              ...(i === 0
                ? [
                    {
                      condition: `\${alltrue([for c in self.instance_classes : try(tonumber(c.storage_range.min) <= ${sizing.storageGb} && tonumber(c.storage_range.max) >= ${sizing.storageGb}, false) if c.instance_class == "${sizing.instanceClass}"])}`,
                      errorMessage: `${props.fields.storage}: ${sizing.storageGb} GB is outside the storage range of ${sizing.instanceClass} (${offer}) in ${zone}; choose a size within the range data.alicloud_db_instance_classes gives for the class`,
                    },
                  ]
                : []),
            ],
          },
        }),
    );
    // Both zones must offer this kind of instance at all (alicloud_db_zones returns an empty list otherwise,
    // alicloud/data_source_alicloud_db_zones.go:151-155). alicloud_zones with "Rds" would not filter (research notes §7).
    new DataAlicloudDbZones(this, 'zones', {
      engine: RDS_OFFER.engine,
      engineVersion: RDS_OFFER.engineVersion,
      category: RDS_OFFER.category,
      dbInstanceStorageType: RDS_OFFER.storageType,
      instanceChargeType: RDS_OFFER.chargeType,
      multiZone: false,
      lifecycle: {
        postcondition: props.zones.map((zone, i) => ({
          condition: `\${contains(self.ids, "${zone}")}`,
          errorMessage: `${props.fields.zones}[${i}]: ${zone} offers no ${offer} RDS instance in ${props.region}; choose zones listed by data.alicloud_db_zones: \${join(", ", self.ids)}`,
        })),
      },
    });
    if (props.tde === 'unit-key') {
      new DataAlicloudRamRoles(this, 'encryption-role', {
        nameRegex: `(?i)^${RDS_ENCRYPTION_ROLE}$`,
        lifecycle: {
          postcondition: [
            {
              condition: `\${anytrue([for r in self.roles : lower(r.name) == "${RDS_ENCRYPTION_ROLE.toLowerCase()}"])}`,
              errorMessage: `${props.fields.tde}: "unit-key" needs the RAM role ${RDS_ENCRYPTION_ROLE}, which this account does not have; authorize RDS to use KMS once in the RDS console (docs/unit.md, "Keys and TDE"), or declare tde: "service-key"`,
            },
          ],
        },
      });
    }
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
      // TDE is one-way: "After TDE is turned on, it cannot be turned off" (website/docs/r/db_instance.html.markdown:696).
      // tde_encryption_key is read only when tde_status changes and never read back (resource_alicloud_db_instance.go:423-426,
      // :1359-1380): the key chosen at the first apply stays, whatever the code says later.
      tdeStatus: 'Enabled',
      ...(props.tde === 'unit-key' ? { tdeEncryptionKey: props.kmsKeyId } : {}),
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
      // After a release RDS keeps only the last archived backup ("Lastest", the API's spelling,
      // alicloud/resource_alicloud_db_backup_policy.go:164): a way back from a mistaken destroy, without every backup of
      // a unit's personal data outliving the instance. The retained backup is deleted by the erasure process when the
      // unit's data must go (docs/unit.md, "Backups of a released instance").
      releasedKeepPolicy: 'Lastest',
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
    this.appPrivilege = new DbAccountPrivilege(this, 'app-privilege', {
      instanceId: this.instance.id,
      accountName: this.appAccount.accountName,
      dbNames: [this.appDatabase.dataBaseName, this.orgDatabase.dataBaseName],
      // Read/write on these two databases only: the app migrates its own schema at start-up.
      privilege: 'ReadWrite',
    });
  }
}
