import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CmsEventRule } from '../../.gen/providers/alicloud/cms-event-rule';
import type { AlarmModel } from '../topology/alarms';
import type { RegionId } from '../topology/regions';
import type { ReplicationJobModel } from '../topology/replication';
import { ReplicationJob, type ReplicationJobEndpoint } from './replication-job';

/** What the replication needs of a unit: its region, its DTS endpoint (published by its stack) and who is on call. */
export interface ReplicationUnit {
  readonly region: RegionId;
  readonly endpoint: ReplicationJobEndpoint;
  /** The unit's CloudMonitor contact group. */
  readonly contactGroup: string;
}

export interface OrgReplicationProps {
  readonly orgPrefix: string;
  /** The model's replication jobs. */
  readonly jobs: readonly ReplicationJobModel[];
  /** Every unit some job reads or writes, by id. */
  readonly units: Readonly<Record<string, ReplicationUnit>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
  /** The hub's region: the account-wide DTS event rule is managed there. */
  readonly hubRegion: RegionId;
  /** Each job's latency alarm, by job key (the model's `alarms.replication`). */
  readonly latencyAlarms: Readonly<Record<string, AlarmModel>>;
}

/**
 * DTS replication of org-structure columns between the hub and every other unit, both ways, with the hub relaying
 * each spoke's org data to the others (the model's jobs). Only allowlisted tables' org-structure columns leave a
 * unit; personal data never does. Every account and password a job uses was created by its unit's own stack.
 */
export class OrgReplication extends Construct {
  readonly jobs: Readonly<Record<string, ReplicationJob>>;
  /** CloudMonitor rule paging the units' on-call when a DTS job turns abnormal; absent without jobs. */
  readonly eventRule?: CmsEventRule;

  constructor(scope: Construct, id: string, props: OrgReplicationProps) {
    super(scope, id);
    const built: Record<string, ReplicationJob> = {};
    const alarmOf = (alarms: Readonly<Record<string, AlarmModel>>, key: string) => {
      const a = alarms[key];
      if (!a) throw new Error(`OrgReplication: no latency alarm for job ${key} in the model`);
      return a;
    };
    const unitOf = (unitId: string): ReplicationUnit => {
      const u = props.units[unitId];
      if (!u) throw new Error(`OrgReplication: no endpoint for unit ${unitId}; read every unit a job reads or writes`);
      return u;
    };
    for (const flow of props.jobs) {
      const destination = unitOf(flow.destination.unitId);
      built[flow.key] = new ReplicationJob(this, `job-${flow.key}`, {
        flow,
        source: unitOf(flow.source.unitId).endpoint,
        destination: destination.endpoint,
        provider: props.providerFor(flow.destination.region),
        latencyAlarm: alarmOf(props.latencyAlarms, flow.key),
      });
    }
    this.jobs = built;
    if (props.jobs.length === 0) return;
    // DTS task failures reach CloudMonitor as system events (dts:CloudMonitor:SyncJobAbnormal,
    // https://alibabacloud.com/help/en/eventbridge/user-guide/dts-events); both ends of a failing job care, so every
    // replicating unit's group hears of it. Event rules are account-wide: one for all jobs.
    const groups = [...new Set(Object.values(props.units).map((u) => u.contactGroup))];
    this.eventRule = new CmsEventRule(this, 'dts-events', {
      provider: props.providerFor(props.hubRegion),
      ruleName: `${props.orgPrefix}-dts-sync-abnormal`,
      description: 'Org-structure replication (DTS) jobs that stop or fail',
      status: 'ENABLED',
      eventPattern: { product: 'dts', nameList: ['SyncJobAbnormal'], levelList: ['*'] },
      contactParameters: groups.map((group, i) => ({ contactParametersId: String(i + 1), contactGroupName: group, level: '3' })),
    });
  }
}
