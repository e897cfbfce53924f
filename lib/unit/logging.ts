import { Construct } from 'constructs';
import { DataAlicloudAccount } from '../../.gen/providers/alicloud/data-alicloud-account';
import { ActiontrailTrail } from '../../.gen/providers/alicloud/actiontrail-trail';
import { LogProject } from '../../.gen/providers/alicloud/log-project';
import { LogStore } from '../../.gen/providers/alicloud/log-store';
import { PREVENT_DESTROY } from '../core/protection';

export interface UnitLoggingProps {
  readonly unitId: string;
  /** The unit's region: the log project and the trail's coverage. */
  readonly region: string;
  readonly names: {
    readonly project: string;
    readonly flowLogStore: string;
    readonly albLogStore: string;
    readonly trail: string;
    readonly trailLogStore: string;
  };
}

/** Days every logstore keeps its logs: the audit floor (KICS asks for >= 90, our policy for >= 180). */
export const LOG_RETENTION_DAYS = 180;
/** ActionTrail events are the record of who changed what; kept a year. */
export const TRAIL_RETENTION_DAYS = 365;

/**
 * The unit's log project, in the unit's region, and its logstores: VPC flow logs, ALB access logs and the
 * ActionTrail trail's events. Nothing is shipped to another region: each unit's audit stays with its data.
 */
export class UnitLogging extends Construct {
  readonly project: LogProject;
  readonly flowLogStore: LogStore;
  readonly albLogStore: LogStore;
  readonly trailLogStore: LogStore;
  readonly trail: ActiontrailTrail;

  constructor(scope: Construct, id: string, props: UnitLoggingProps) {
    super(scope, id);
    const { unitId, region, names } = props;
    this.project = new LogProject(this, 'project', {
      projectName: names.project,
      description: `Audit, flow and access logs of unit ${unitId}; they stay in ${region}`,
      lifecycle: PREVENT_DESTROY,
    });
    const store = (key: string, name: string, retentionDays: number) =>
      new LogStore(this, key, {
        projectName: this.project.projectName,
        logstoreName: name,
        retentionPeriod: retentionDays,
        shardCount: 2,
        autoSplit: true,
        maxSplitShardCount: 16,
        appendMeta: true,
        // Encrypted at rest with the SLS service key: a customer key would need an SLS role on the unit key,
        // which the account has to authorise outside this stack.
        encryptConf: { enable: true, encryptType: 'default' },
        lifecycle: PREVENT_DESTROY,
      });
    this.flowLogStore = store('vpc-flow-logs', names.flowLogStore, LOG_RETENTION_DAYS);
    this.albLogStore = store('alb-access-logs', names.albLogStore, LOG_RETENTION_DAYS);
    this.trailLogStore = store('actiontrail', names.trailLogStore, TRAIL_RETENTION_DAYS);

    // The account id is only needed to spell the ARNs ActionTrail asks for.
    const account = new DataAlicloudAccount(this, 'account', {});
    this.trail = new ActiontrailTrail(this, 'trail', {
      trailName: names.trail,
      eventRw: 'All',
      // Each unit's trail records its own region, into its own region: a trail over all regions would copy the
      // other units' events here. Together the unit trails cover every region the platform runs in.
      trailRegion: region,
      slsProjectArn: `acs:log:${region}:${account.id}:project/${this.project.projectName}`,
      slsWriteRoleArn: `acs:ram::${account.id}:role/aliyunactiontraildefaultrole`,
      status: 'Enable',
      dependsOn: [this.trailLogStore],
    });
  }
}
