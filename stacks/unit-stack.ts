/**
 * The stack of one unit. The same code serves every unit: unit-cn and unit-sg differ only by their
 * declaration files (stacks/unit-<id>/unit.ts).
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { RandomProvider } from '../.gen/providers/random/provider';
import type { UnitOutputs } from '../lib/core/contracts';
import { BaseStack } from '../lib/core/stack-base';
import type { TopologyModel, UnitModel } from '../lib/topology/model';
import { Unit } from '../lib/unit/unit';

export interface UnitStackProps {
  readonly model: TopologyModel;
  readonly unit: UnitModel;
}

export class UnitStack extends BaseStack {
  readonly outputs: UnitOutputs;
  readonly unit: Unit;

  constructor(scope: Construct, props: UnitStackProps) {
    const { model, unit } = props;
    // Everything in a unit stack uses its one provider: nothing in it can land outside the unit's region. Its
    // state holds the unit's configuration and secrets, so it stays in the unit's own region too.
    super(scope, unit.stackName, { defaultRegion: unit.region, state: unit.state });
    // Generates passwords locally; they go to the unit's own state only.
    new RandomProvider(this, 'random', {});
    this.unit = new Unit(this, 'unit', { unit, appImageName: model.platform.appImageName, healthCheckPath: model.access.healthCheck.path });
    const cell = this.unit;
    this.outputs = cell.outputs;
    const out = (id: string, value: string | number, description: string, sensitive = false) =>
      new TerraformOutput(this, id, { value, description, sensitive });
    out('vpc_id', cell.outputs.vpcId, `VPC of unit ${unit.id}`);
    out('vpc_cidr', cell.outputs.vpcCidr, `Address range of unit ${unit.id}`);
    out('alb_id', cell.outputs.albId, `Internet-facing ALB of unit ${unit.id}`);
    out('alb_dns_name', cell.outputs.albDnsName, `DNS name of the ALB of unit ${unit.id} (CNAME target, GA endpoint)`);
    out('nat_eip', cell.network.natEip.ipAddress, `Source address of outbound traffic from unit ${unit.id}`);
    out('rds_instance_id', cell.outputs.rdsInstanceId, `RDS MySQL of unit ${unit.id}`);
    out('rds_connection_host', cell.outputs.rdsConnectionHost, `Private host name of the RDS of unit ${unit.id}`);
    out('rds_app_account', cell.database.appAccount.accountName, `Database account of the app of unit ${unit.id}`);
    out(
      'rds_app_password',
      cell.database.appAccount.accountPassword,
      `Password of the app's database account (sensitive: read with terraform output -raw)`,
      true,
    );
    out('redis_host', cell.cache.instance.connectionDomain, `Private host name of the Redis of unit ${unit.id}`);
    out('redis_password', cell.cache.instance.password, `Redis password (sensitive)`, true);
    out('kms_key_id', cell.outputs.kmsKeyId, `KMS key of unit ${unit.id}`);
    out('files_bucket', cell.storage.filesBucket.bucket, `Staff files bucket of unit ${unit.id}`);
    out('log_project', cell.logging.project.projectName, `Log project of unit ${unit.id}`);
  }
}
