import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { DbAccountPrivilege } from '../../.gen/providers/alicloud/db-account-privilege';
import type { UnitOutputs } from '../core/contracts';
import type { RegionId } from '../topology/regions';
import type { ReplicationJobModel } from '../topology/replication';
import { ReplicationEndpoint } from './replication-endpoint';
import { ReplicationJob } from './replication-job';

/** What the replication needs of a unit besides its outputs. */
export interface ReplicationUnit {
  readonly id: string;
  readonly region: RegionId;
  readonly orgDatabase: string;
  /** The DTS account's name in the unit's RDS. */
  readonly dtsAccountName: string;
}

export interface OrgReplicationProps {
  /** The model's replication jobs. */
  readonly jobs: readonly ReplicationJobModel[];
  /** Every unit, in declaration order. */
  readonly units: readonly ReplicationUnit[];
  /** Outputs of every unit stack, keyed by unit id. */
  readonly outputs: Readonly<Record<string, UnitOutputs>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
}

/**
 * DTS replication of org-structure tables between the hub and every other unit, in both directions (the model's
 * jobs). Only allowlisted tables a unit masters leave it; personal data never does.
 */
export class OrgReplication extends Construct {
  readonly endpoints: Readonly<Record<string, ReplicationEndpoint>>;
  readonly jobs: Readonly<Record<string, ReplicationJob>>;

  constructor(scope: Construct, id: string, props: OrgReplicationProps) {
    super(scope, id);
    const { jobs, outputs } = props;
    const endpoints: Record<string, ReplicationEndpoint> = {};
    for (const unit of props.units) {
      const out = outputs[unit.id];
      if (!out) throw new Error(`no unit outputs for unit ${unit.id}; pass the outputs of every unit stack`);
      const inbound = jobs.filter((f) => f.destination.unitId === unit.id);
      const isSource = jobs.some((f) => f.source.unitId === unit.id);
      if (!isSource && inbound.length === 0) continue;
      endpoints[unit.id] = new ReplicationEndpoint(this, `endpoint-${unit.id}`, {
        unitId: unit.id,
        accountName: unit.dtsAccountName,
        outputs: out,
        provider: props.providerFor(unit.region),
        ...(isSource ? { sourceDatabase: unit.orgDatabase } : {}),
        mirrorDatabases: Object.fromEntries(inbound.map((f) => [f.source.unitId, f.database])),
      });
    }
    const built: Record<string, ReplicationJob> = {};
    for (const flow of jobs) {
      const source = endpoints[flow.source.unitId];
      const destination = endpoints[flow.destination.unitId];
      const grants = [source.readGrant, destination.writeGrant].filter((g): g is DbAccountPrivilege => g !== undefined);
      built[flow.key] = new ReplicationJob(this, `job-${flow.key}`, {
        flow,
        source: { rdsInstanceId: outputs[flow.source.unitId].rdsInstanceId, userName: source.account.accountName, password: source.password.result },
        destination: {
          rdsInstanceId: outputs[flow.destination.unitId].rdsInstanceId,
          userName: destination.account.accountName,
          password: destination.password.result,
        },
        provider: props.providerFor(flow.destination.region),
        dependsOn: [...grants, destination.mirrors[flow.source.unitId]],
      });
    }
    this.endpoints = endpoints;
    this.jobs = built;
  }
}
