import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DbAccountPrivilege } from '../../.gen/providers/alicloud/db-account-privilege';
import { DbDatabase } from '../../.gen/providers/alicloud/db-database';
import { RdsAccount } from '../../.gen/providers/alicloud/rds-account';
import { type Password } from '../../.gen/providers/random/password';
import { rdsDescription } from '../topology/naming';
import { PREVENT_DESTROY } from '../core/protection';
import { generatedPassword } from '../core/secrets';
import type { UnitOutputs } from '../core/contracts';

export interface ReplicationEndpointProps {
  readonly unitId: string;
  /** The dedicated DTS account's name in the unit's RDS. */
  readonly accountName: string;
  /** The unit stack's outputs (its RDS instance). */
  readonly outputs: UnitOutputs;
  /** Provider bound to the unit's region. */
  readonly provider: TerraformProvider;
  /** The unit's own org database, when DTS reads from it (the unit is a source). */
  readonly sourceDatabase?: string;
  /** Mirrors of other units' org databases DTS writes into this RDS, keyed by the source unit id. */
  readonly mirrorDatabases: Readonly<Record<string, string>>;
}

/**
 * What DTS needs in one unit's RDS: a dedicated account, with a generated password, that may read the unit's own
 * org database (when other units replicate it) and write the mirrors of other units' org databases, and nothing
 * else. The mirrors are created here, in the destination RDS, so the grant can name them.
 *
 * RDS "ReadOnly" includes the replication privileges DTS needs to read the binlog; "ReadWrite" on a mirror lets
 * DTS create its tables (structure initialization) and write rows. The password lives only in the link stack's
 * state (sensitive) and in the DTS jobs; no output carries it.
 */
export class ReplicationEndpoint extends Construct {
  readonly account: RdsAccount;
  readonly password: Password;
  readonly mirrors: Readonly<Record<string, DbDatabase>>;
  /** ReadOnly on the unit's own org database; present when the unit is a replication source. */
  readonly readGrant?: DbAccountPrivilege;
  /** ReadWrite on the mirrors; present when other units replicate into this unit. */
  readonly writeGrant?: DbAccountPrivilege;

  constructor(scope: Construct, id: string, props: ReplicationEndpointProps) {
    super(scope, id);
    const { provider, outputs, unitId } = props;
    this.password = generatedPassword(this, 'password');
    this.account = new RdsAccount(this, 'account', {
      provider,
      dbInstanceId: outputs.rdsInstanceId,
      accountName: props.accountName,
      accountPassword: this.password.result,
      accountType: 'Normal',
      accountDescription: rdsDescription(`dts org-structure replication of unit ${unitId}`),
    });
    const mirrors: Record<string, DbDatabase> = {};
    for (const [sourceId, database] of Object.entries(props.mirrorDatabases)) {
      mirrors[sourceId] = new DbDatabase(this, `mirror-${sourceId}`, {
        provider,
        instanceId: outputs.rdsInstanceId,
        dataBaseName: database,
        characterSet: 'utf8mb4',
        description: rdsDescription(`read-only mirror of the org tables mastered by unit ${sourceId}, written by dts only`),
        // Apps of this unit read the other units' org rows here; DTS can rebuild it, but not without an outage.
        lifecycle: PREVENT_DESTROY,
      });
    }
    this.mirrors = mirrors;
    // One privilege resource per privilege level: the provider reads back only the databases granted at the
    // level it manages, so the two never fight over each other's grants.
    if (props.sourceDatabase !== undefined) {
      this.readGrant = new DbAccountPrivilege(this, 'read-source', {
        provider,
        instanceId: outputs.rdsInstanceId,
        accountName: this.account.accountName,
        privilege: 'ReadOnly',
        dbNames: [props.sourceDatabase],
      });
    }
    const mirrorNames = Object.values(mirrors).map((m) => m.dataBaseName);
    if (mirrorNames.length > 0) {
      this.writeGrant = new DbAccountPrivilege(this, 'write-mirrors', {
        provider,
        instanceId: outputs.rdsInstanceId,
        accountName: this.account.accountName,
        privilege: 'ReadWrite',
        dbNames: mirrorNames,
      });
    }
  }
}
