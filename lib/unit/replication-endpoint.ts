import { Construct } from 'constructs';
import { DbAccountPrivilege } from '../../.gen/providers/alicloud/db-account-privilege';
import { DbDatabase } from '../../.gen/providers/alicloud/db-database';
import type { OosSecretParameter } from '../../.gen/providers/alicloud/oos-secret-parameter';
import { RdsAccount } from '../../.gen/providers/alicloud/rds-account';
import type { Password } from '../../.gen/providers/random/password';
import { PREVENT_DESTROY } from '../core/protection';
import { generatedPassword, secretParameter } from '../core/secrets';
import { rdsDescription } from '../topology/naming';

export interface UnitReplicationEndpointProps {
  readonly unitId: string;
  /** The unit's RDS instance. */
  readonly rdsInstanceId: string;
  /** The unit's own org database (a reference, so grants wait for it). */
  readonly orgDatabaseName: string;
  /** Other units' org databases this RDS hosts as mirrors, in unit order. */
  readonly mirrors: readonly { readonly masterUnitId: string; readonly database: string }[];
  /** The DTS account's name. */
  readonly accountName: string;
  /** The unit app's own account: it reads the mirrors. */
  readonly appAccountName: string;
  /** The OOS secret parameter that carries the DTS password to the link stack, encrypted with `kmsKeyId`. */
  readonly passwordParameterName: string;
  /** The unit's KMS key. */
  readonly kmsKeyId: string;
}

/**
 * What DTS needs in one unit's RDS, created by the unit's own stack so that the account and its password live in
 * the unit's state only: a dedicated account with a generated password, ReadOnly on the unit's own org database
 * (what DTS reads as a source; RDS's ReadOnly includes the binlog replication privileges) and ReadWrite on the mirrors
 * of the other units' org databases (what DTS writes as a destination, and what the hub relays as a source); the
 * mirror databases themselves, protected from destroy because they hold the replicated rows; ReadOnly for the app's
 * account on the mirrors, so the apps can read the other units' org structure; and the password as a KMS-encrypted OOS
 * secret parameter for the link stack, the only place outside the unit that needs it (the DTS job's endpoint).
 *
 * One privilege resource per account and level: the provider reads back only the databases granted at the level it
 * manages, so two resources of one account never fight (alicloud/resource_alicloud_db_account_privilege.go:111-127).
 */
export class UnitReplicationEndpoint extends Construct {
  readonly account: RdsAccount;
  readonly password: Password;
  readonly mirrors: Readonly<Record<string, DbDatabase>>;
  readonly readGrant: DbAccountPrivilege;
  readonly writeGrant?: DbAccountPrivilege;
  readonly appReadGrant?: DbAccountPrivilege;
  readonly passwordParameter: OosSecretParameter;

  constructor(scope: Construct, id: string, props: UnitReplicationEndpointProps) {
    super(scope, id);
    const { unitId, rdsInstanceId } = props;
    this.password = generatedPassword(this, 'password');
    this.account = new RdsAccount(this, 'account', {
      dbInstanceId: rdsInstanceId,
      accountName: props.accountName,
      accountPassword: this.password.result,
      accountType: 'Normal',
      accountDescription: rdsDescription(`dts org-structure replication of unit ${unitId}`),
    });
    const mirrors: Record<string, DbDatabase> = {};
    for (const mirror of props.mirrors) {
      mirrors[mirror.masterUnitId] = new DbDatabase(this, `mirror-${mirror.masterUnitId}`, {
        instanceId: rdsInstanceId,
        dataBaseName: mirror.database,
        characterSet: 'utf8mb4',
        description: rdsDescription(`mirror of the org tables mastered by unit ${mirror.masterUnitId}, written by dts only`),
        // The apps of this unit read the other units' org rows here; DTS can rebuild it, but not without an outage.
        lifecycle: PREVENT_DESTROY,
      });
    }
    this.mirrors = mirrors;
    this.readGrant = new DbAccountPrivilege(this, 'read-source', {
      instanceId: rdsInstanceId,
      accountName: this.account.accountName,
      privilege: 'ReadOnly',
      dbNames: [props.orgDatabaseName],
    });
    const mirrorNames = Object.values(mirrors).map((m) => m.dataBaseName);
    if (mirrorNames.length > 0) {
      this.writeGrant = new DbAccountPrivilege(this, 'write-mirrors', {
        instanceId: rdsInstanceId,
        accountName: this.account.accountName,
        privilege: 'ReadWrite',
        dbNames: mirrorNames,
      });
      this.appReadGrant = new DbAccountPrivilege(this, 'app-reads-mirrors', {
        instanceId: rdsInstanceId,
        accountName: props.appAccountName,
        privilege: 'ReadOnly',
        dbNames: mirrorNames,
      });
    }
    this.passwordParameter = secretParameter(this, 'password-parameter', {
      name: props.passwordParameterName,
      value: this.password.result,
      kmsKeyId: props.kmsKeyId,
      description: `Password of the DTS account of unit ${unitId}, read by the link stack for its DTS jobs`,
    });
  }
}
