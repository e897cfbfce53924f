/**
 * The stack of one unit. The same code serves every unit: unit-cn and unit-sg differ only by their
 * declaration files (stacks/unit-<id>/unit.ts).
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { RandomProvider } from '../.gen/providers/random/provider';
import { BaseStack } from '../lib/core/stack-base';
import type { TopologyModel, UnitModel } from '../lib/topology/model';
import { Unit } from '../lib/unit/unit';

export interface UnitStackProps {
  readonly model: TopologyModel;
  readonly unit: UnitModel;
}

export class UnitStack extends BaseStack {
  readonly unit: Unit;

  constructor(scope: Construct, props: UnitStackProps) {
    const { model, unit } = props;
    // Everything in a unit stack uses its one provider: nothing in it can land outside the unit's region. Its
    // state holds the unit's configuration and secrets, so it stays in the unit's own region too.
    super(scope, unit.stackName, { defaultRegion: unit.region, state: unit.state });
    // Generates passwords locally; they go to the unit's own state only.
    new RandomProvider(this, 'random', {});
    this.unit = new Unit(this, 'unit', {
      unit,
      appImageName: model.platform.appImageName,
      healthCheckPath: model.access.healthCheck.path,
      accessDomain: model.access.domain,
    });
    const cell = this.unit;
    // Outputs for operators (`terraform output`); none is a secret: the app reads its credentials from the unit's
    // KMS-encrypted OOS secret parameters, the link and accel stacks read their values from its OOS parameters.
    const out = (id: string, value: string | number, description: string) => new TerraformOutput(this, id, { value, description });
    out('vpc_id', cell.exports.vpcId, `VPC of unit ${unit.id}`);
    out('vpc_cidr', unit.network.vpcCidr, `Address range of unit ${unit.id}`);
    out('alb_id', cell.exports.albId, `Internet-facing ALB of unit ${unit.id}`);
    out('alb_dns_name', cell.exports.albDnsName, `DNS name of the ALB of unit ${unit.id} (CNAME target, GA endpoint)`);
    out('nat_eip', cell.network.natEip.ipAddress, `Source address of outbound traffic from unit ${unit.id}`);
    out('rds_instance_id', cell.exports.rdsInstanceId, `RDS MySQL of unit ${unit.id}`);
    out('rds_connection_host', cell.database.instance.connectionString, `Private host name of the RDS of unit ${unit.id}`);
    out('rds_app_account', cell.database.appAccount.accountName, `Database account of the app of unit ${unit.id}`);
    out('rds_app_password_parameter', unit.appSecrets.databasePassword, `OOS secret parameter holding the app's database password (KMS-encrypted)`);
    out('redis_host', cell.cache.instance.connectionDomain, `Private host name of the Redis of unit ${unit.id}`);
    out('redis_password_parameter', unit.appSecrets.redisPassword, `OOS secret parameter holding the Redis password (KMS-encrypted)`);
    out('kms_key_id', cell.encryption.key.id, `KMS key of unit ${unit.id}`);
    out('files_bucket', cell.storage.filesBucket.bucket, `Staff files bucket of unit ${unit.id}`);
    out('log_project', cell.logging.project.projectName, `Log project of unit ${unit.id}`);
  }
}
