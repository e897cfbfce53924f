/**
 * The stack of one unit. The same code serves every unit: unit-cn and unit-sg differ only by their
 * declaration files (stacks/unit-<id>/unit.ts).
 */
import { TerraformOutput } from 'cdktf';
import { type Construct } from 'constructs';
import { RandomProvider } from '../.gen/providers/random/provider';
import { replicationFlows } from '../lib/link/replication-plan';
import { BaseStack } from '../lib/stack-base';
import type { TopologyDeclaration, UnitDeclaration } from '../lib/topology/types';
import { unitCertificateId } from '../lib/topology/validate';
import { Unit } from '../lib/unit/unit';
import type { UnitOutputs } from '../lib/unit/outputs';

export interface UnitStackProps {
  readonly topology: TopologyDeclaration;
  readonly unit: UnitDeclaration;
}

export function unitStackName(unitId: string): string {
  return `unit-${unitId}`;
}

/**
 * Link-tier CIDRs of the units that replicate with `unitId`, keyed `<unit>-<zone>`: where DTS reaches this unit's
 * database from over CEN. DTS runs only hub ↔ spoke (`replicationFlows`), so the hub admits every spoke and a
 * spoke admits only the hub: one spoke's database is never reachable from another spoke, and a new unit adds
 * rules to the hub and itself only.
 */
export function peerLinkCidrs(topology: TopologyDeclaration, unitId: string): Record<string, string> {
  const counterparts = new Set<string>();
  for (const flow of replicationFlows(topology)) {
    if (flow.source.unitId === unitId) counterparts.add(flow.destination.unitId);
    if (flow.destination.unitId === unitId) counterparts.add(flow.source.unitId);
  }
  const out: Record<string, string> = {};
  for (const peer of topology.units) {
    if (!counterparts.has(peer.id)) continue;
    for (const zone of peer.zones) out[`${peer.id}-${zone}`] = peer.network.subnets.link[zone];
  }
  return out;
}

export class UnitStack extends BaseStack {
  readonly outputs: UnitOutputs;
  readonly unit: Unit;

  constructor(scope: Construct, props: UnitStackProps) {
    super(scope, unitStackName(props.unit.id));
    const { topology, unit } = props;
    // Everything in a unit stack uses this one provider: nothing in it can land outside the unit's region.
    this.provider(unit.region);
    // Generates passwords locally; they go to the unit's own state only.
    new RandomProvider(this, 'random', {});
    const certificateId = unitCertificateId(topology, unit);
    if (!certificateId) {
      // validateTopology reports this first; the check here keeps the stack safe when built on its own.
      throw new Error(
        `units.${unit.id}.ingress.certificateId: missing is not set and the platform has no certificate for the unit's site; give the HTTPS certificate id (<number>-<region>) in platform.certificates or the unit's ingress.certificateId`,
      );
    }
    this.unit = new Unit(this, 'unit', {
      orgPrefix: topology.org.prefix,
      unit,
      catalog: topology.catalog,
      appImageName: topology.platform.appImageName,
      certificateId,
      healthCheckPath: topology.access.healthCheck.path,
      peerLinkCidrs: peerLinkCidrs(topology, unit.id),
      tags: topology.tags ?? {},
    });
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
