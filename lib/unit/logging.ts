import { Construct } from 'constructs';
import { DataAlicloudAccount } from '../../.gen/providers/alicloud/data-alicloud-account';
import { ActiontrailTrail } from '../../.gen/providers/alicloud/actiontrail-trail';
import { LogProject } from '../../.gen/providers/alicloud/log-project';
import { LogStore } from '../../.gen/providers/alicloud/log-store';
import { unitNames } from '../topology/naming';
import type { UnitDeclaration } from '../topology/types';
import { PREVENT_DESTROY } from './protection';

export interface UnitLoggingProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly tags: Readonly<Record<string, string>>;
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
    const { unit, tags } = props;
    const names = unitNames(props.orgPrefix, unit.id);
    this.project = new LogProject(this, 'project', {
      projectName: names.logProject.name,
      description: `Audit, flow and access logs of unit ${unit.id}; they stay in ${unit.region}`,
      tags: { ...tags, unit: unit.id },
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
    this.flowLogStore = store('vpc-flow-logs', names.flowLogStore.name, LOG_RETENTION_DAYS);
    this.albLogStore = store('alb-access-logs', names.albLogStore.name, LOG_RETENTION_DAYS);
    this.trailLogStore = store('actiontrail', names.trailLogStore.name, TRAIL_RETENTION_DAYS);

    // The account id is only needed to spell the ARNs ActionTrail asks for.
    const account = new DataAlicloudAccount(this, 'account', {});
    this.trail = new ActiontrailTrail(this, 'trail', {
      trailName: names.trail.name,
      eventRw: 'All',
      // Each unit's trail records its own region, into its own region: a trail over all regions would copy the
      // other units' events here. Together the unit trails cover every region the platform runs in.
      trailRegion: unit.region,
      slsProjectArn: `acs:log:${unit.region}:${account.id}:project/${this.project.projectName}`,
      slsWriteRoleArn: `acs:ram::${account.id}:role/aliyunactiontraildefaultrole`,
      status: 'Enable',
      dependsOn: [this.trailLogStore],
    });
  }
}
