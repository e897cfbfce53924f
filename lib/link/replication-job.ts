import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { type CmsAlarm } from '../../.gen/providers/alicloud/cms-alarm';
import { DtsJobMonitorRule } from '../../.gen/providers/alicloud/dts-job-monitor-rule';
import { DtsSynchronizationInstance } from '../../.gen/providers/alicloud/dts-synchronization-instance';
import { DtsSynchronizationJob } from '../../.gen/providers/alicloud/dts-synchronization-job';
import { metricAlarm } from '../core/alarms';
import type { AlarmModel } from '../topology/alarms';
import type { ReplicationJobModel } from '../topology/replication';

export interface ReplicationJobProps {
  /** What to copy, from where to where, and with which settings (the model's replication job). */
  readonly flow: ReplicationJobModel;
  readonly source: ReplicationJobEndpoint;
  readonly destination: ReplicationJobEndpoint;
  /** Provider bound to the destination's region: the instance, job and rules are created there. */
  readonly provider: TerraformProvider;
  /**
   * The job's latency alarm (the model's `alarms.replication[<job>]`, built from the metric catalog): it pages the
   * destination unit's contact group, who hears that its org data is falling behind.
   */
  readonly latencyAlarm: AlarmModel;
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
 * org-structure columns of the source's org tables (and, from the hub, the other spokes' mirrors it relays) into the
 * same-named mirror databases of the destination's RDS.
 *
 * What the provider's source (aliyun/terraform-provider-alicloud v1.289.0) makes of this:
 * - Create configures the job, sets its id and then waits for Synchronizing/NotStarted; PrecheckFailed,
 *   InitializeFailed and Failed end the apply with the job in state as tainted
 *   (alicloud/resource_alicloud_dts_synchronization_job.go:448-451). Neither the job nor the instance refuses destroy
 *   (they hold no data; the mirrors do, and are protected in the unit stacks), so the next apply replaces a failed
 *   job by itself: no `terraform untaint`.
 * - `instance_class` is set on the instance only. The job's Update has no new-resource guard on `instance_class`
 *   (:644-678), so setting it there would send TransferInstanceClass (UPGRADE) on create; to upgrade, raise the
 *   instance's class and the job's together, as website/docs/r/dts_synchronization_job.html.markdown:212 asks.
 * - `synchronization_direction` is left out: the doc says to pass it only for bidirectional instances (:153).
 * - `status = "Synchronizing"` says what the instance's default AutoStart (…_instance.go:112) would do anyway.
 * - One `alicloud_dts_job_monitor_rule` per job: the rule's id is the job id and Read takes the first rule
 *   (alicloud/resource_alicloud_dts_job_monitor_rule.go:93,111), so a second rule on the same job would read the
 *   first's ForceNew `type` and be replaced on every plan. Delay is that rule; errors reach CloudMonitor through the
 *   link stack's DTS event rule, and the latency alarm pages the destination's contact group.
 *
 * `structure_initialization`, `data_initialization` and `data_synchronization` force replacement; `instance_class`
 * can only be raised.
 */
export class ReplicationJob extends Construct {
  readonly instance: DtsSynchronizationInstance;
  readonly job: DtsSynchronizationJob;
  readonly delayRule: DtsJobMonitorRule;
  readonly latencyAlarm: CmsAlarm;

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
    });
    this.job = new DtsSynchronizationJob(this, 'job', {
      provider,
      dtsInstanceId: this.instance.id,
      dtsJobName: flow.name,
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
      status: 'Synchronizing',
    });
    this.delayRule = new DtsJobMonitorRule(this, 'delay-alert', {
      provider,
      dtsJobId: this.job.id,
      type: 'delay',
      state: 'Y',
      delayRuleTime: String(flow.delayAlertSeconds),
    });
    // The metric is in milliseconds; the model turned the declaration's delay alert (seconds) into its threshold.
    this.latencyAlarm = metricAlarm(this, 'latency-alarm', {
      alarm: props.latencyAlarm,
      dimensions: { instanceId: this.instance.id },
      provider,
    });
  }
}
