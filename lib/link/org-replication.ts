import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { DbAccountPrivilege } from '../../.gen/providers/alicloud/db-account-privilege';
import { orgDatabaseName } from '../topology/naming';
import type { RegionId } from '../topology/regions';
import type { TopologyDeclaration } from '../topology/types';
import type { UnitOutputs } from '../unit/outputs';
import { ReplicationEndpoint } from './replication-endpoint';
import { ReplicationJob } from './replication-job';
import { replicationFlows } from './replication-plan';

export interface OrgReplicationProps {
  /** The validated topology: units, hub, catalog (org database) and replication allowlist. */
  readonly topology: TopologyDeclaration;
  /** Outputs of every unit stack, keyed by unit id. */
  readonly outputs: Readonly<Record<string, UnitOutputs>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
}

/**
 * DTS replication of org-structure tables between the hub and every other unit, in both directions
 * (`replicationFlows`). Only allowlisted tables a unit masters leave it; personal data never does.
 */
export class OrgReplication extends Construct {
  readonly endpoints: Readonly<Record<string, ReplicationEndpoint>>;
  readonly jobs: Readonly<Record<string, ReplicationJob>>;

  constructor(scope: Construct, id: string, props: OrgReplicationProps) {
    super(scope, id);
    const { topology, outputs } = props;
    const flows = replicationFlows(topology);
    const endpoints: Record<string, ReplicationEndpoint> = {};
    for (const unit of topology.units) {
      const out = outputs[unit.id];
      if (!out) throw new Error(`no unit outputs for unit ${unit.id}; pass the outputs of every unit stack`);
      const inbound = flows.filter((f) => f.destination.unitId === unit.id);
      const isSource = flows.some((f) => f.source.unitId === unit.id);
      if (!isSource && inbound.length === 0) continue;
      endpoints[unit.id] = new ReplicationEndpoint(this, `endpoint-${unit.id}`, {
        orgPrefix: topology.org.prefix,
        unitId: unit.id,
        outputs: out,
        provider: props.providerFor(unit.region),
        ...(isSource ? { sourceDatabase: orgDatabaseName(topology.catalog.orgDatabase, unit.id) } : {}),
        mirrorDatabases: Object.fromEntries(inbound.map((f) => [f.source.unitId, f.database])),
      });
    }
    const jobs: Record<string, ReplicationJob> = {};
    for (const flow of flows) {
      const source = endpoints[flow.source.unitId];
      const destination = endpoints[flow.destination.unitId];
      const grants = [source.readGrant, destination.writeGrant].filter((g): g is DbAccountPrivilege => g !== undefined);
      jobs[flow.key] = new ReplicationJob(this, `job-${flow.key}`, {
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
    this.jobs = jobs;
  }
}
