import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DtsJobMonitorRule } from '../../.gen/providers/alicloud/dts-job-monitor-rule';
import { DtsSynchronizationInstance } from '../../.gen/providers/alicloud/dts-synchronization-instance';
import { DtsSynchronizationJob } from '../../.gen/providers/alicloud/dts-synchronization-job';
import { PREVENT_DESTROY } from '../core/protection';
import type { ReplicationJobModel } from '../topology/replication';

export interface ReplicationJobProps {
  /** What to copy, from where to where, and with which settings (the model's replication job). */
  readonly flow: ReplicationJobModel;
  readonly source: ReplicationJobEndpoint;
  readonly destination: ReplicationJobEndpoint;
  /** Provider bound to the destination's region: the instance, job and rules are created there. */
  readonly provider: TerraformProvider;
  /** Accounts, grants and mirror databases the job needs before it starts. */
  readonly dependsOn: readonly ITerraformDependable[];
}

/** A DTS endpoint: an RDS instance and the dedicated account DTS signs in with. */
export interface ReplicationJobEndpoint {
  readonly rdsInstanceId: string;
  readonly userName: string;
  readonly password: string;
}

/** DTS SSL setting "1": connect over SSL (both unit RDS instances have SSL on). */
const SSL = '1';

/**
 * One direction of org-structure replication: a one-way DTS synchronization instance and its job, copying the
 * source unit's allowlisted org tables into the same-named mirror database in the destination's RDS, with alert
 * rules on delay and on errors.
 *
 * One-way instances per direction rather than one bidirectional instance: each direction copies a different
 * database (each unit masters its own rows), so there is nothing for bidirectional conflict handling to resolve,
 * and each direction can be paused, resized or re-initialised without touching the other.
 *
 * `structure_initialization`, `data_initialization` and `data_synchronization` force replacement; `instance_class`
 * can only be raised. Both the instance and the job refuse destroy.
 */
export class ReplicationJob extends Construct {
  readonly instance: DtsSynchronizationInstance;
  readonly job: DtsSynchronizationJob;
  readonly alerts: { readonly delay: DtsJobMonitorRule; readonly error: DtsJobMonitorRule };

  constructor(scope: Construct, id: string, props: ReplicationJobProps) {
    super(scope, id);
    const { flow, provider } = props;
    this.instance = new DtsSynchronizationInstance(this, 'instance', {
      provider,
      paymentType: 'PayAsYouGo',
      sourceEndpointEngineName: 'MySQL',
      sourceEndpointRegion: flow.source.region,
      destinationEndpointEngineName: 'MySQL',
      destinationEndpointRegion: flow.destination.region,
      instanceClass: flow.instanceClass,
      syncArchitecture: 'oneway',
      lifecycle: PREVENT_DESTROY,
    });
    this.job = new DtsSynchronizationJob(this, 'job', {
      provider,
      dtsInstanceId: this.instance.id,
      dtsJobName: flow.name,
      instanceClass: flow.instanceClass,
      synchronizationDirection: 'Forward',
      structureInitialization: flow.structureInitialization,
      dataInitialization: flow.dataInitialization,
      dataSynchronization: true,
      dbList: flow.dbList,
      sourceEndpointInstanceType: 'RDS',
      sourceEndpointEngineName: 'MySQL',
      sourceEndpointRegion: flow.source.region,
      sourceEndpointInstanceId: props.source.rdsInstanceId,
      sourceEndpointUserName: props.source.userName,
      sourceEndpointPassword: props.source.password,
      sourceEndpointSsl: SSL,
      destinationEndpointInstanceType: 'RDS',
      destinationEndpointEngineName: 'MySQL',
      destinationEndpointRegion: flow.destination.region,
      destinationEndpointInstanceId: props.destination.rdsInstanceId,
      destinationEndpointUserName: props.destination.userName,
      destinationEndpointPassword: props.destination.password,
      destinationEndpointSsl: SSL,
      dependsOn: [...props.dependsOn],
      lifecycle: PREVENT_DESTROY,
    });
    const rule = (type: 'delay' | 'error', extra: { delayRuleTime?: string }) =>
      new DtsJobMonitorRule(this, `${type}-alert`, { provider, dtsJobId: this.job.id, type, state: 'Y', ...extra });
    this.alerts = {
      delay: rule('delay', { delayRuleTime: String(flow.delayAlertSeconds) }),
      error: rule('error', {}),
    };
  }
}
