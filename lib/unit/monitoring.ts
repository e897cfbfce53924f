import { Construct } from 'constructs';
import { CmsAlarm } from '../../.gen/providers/alicloud/cms-alarm';
import { CmsAlarmContact } from '../../.gen/providers/alicloud/cms-alarm-contact';
import { CmsAlarmContactGroup } from '../../.gen/providers/alicloud/cms-alarm-contact-group';
import type { ContactModel } from '../topology/model';

export interface UnitMonitoringProps {
  readonly unitId: string;
  /** The unit's region, for the contact group's description. */
  readonly region: string;
  /** Prefix of every alarm name: `<prefix>-<alarm>`. */
  readonly alarmPrefix: string;
  readonly contactGroup: string;
  readonly contacts: readonly ContactModel[];
  readonly albId: string;
  readonly rdsInstanceId: string;
  readonly redisInstanceId: string;
}

/** What is watched, and when it pages: CloudMonitor namespace, metric, dimension key and critical threshold. */
export const ALARMS = {
  'alb-5xx': {
    project: 'acs_alb',
    metric: 'LoadBalancerHTTPCode5XX',
    dimension: 'loadBalancerId',
    threshold: '10',
    what: '5xx responses per second at the ALB',
  },
  'rds-cpu': { project: 'acs_rds_dashboard', metric: 'CpuUsage', dimension: 'instanceId', threshold: '80', what: 'RDS CPU usage (%)' },
  'rds-storage': { project: 'acs_rds_dashboard', metric: 'DiskUsage', dimension: 'instanceId', threshold: '80', what: 'RDS storage usage (%)' },
  'rds-connections': { project: 'acs_rds_dashboard', metric: 'ConnectionUsage', dimension: 'instanceId', threshold: '80', what: 'RDS connection usage (%)' },
  'redis-memory': { project: 'acs_kvstore', metric: 'StandardMemoryUsage', dimension: 'instanceId', threshold: '85', what: 'Redis memory usage (%)' },
} as const;
type AlarmKey = keyof typeof ALARMS;

/** The unit's alarm contacts (from the declaration) and its CloudMonitor alarms on ALB, RDS and Redis. */
export class UnitMonitoring extends Construct {
  readonly contactGroup: CmsAlarmContactGroup;
  readonly alarms: Readonly<Record<AlarmKey, CmsAlarm>>;

  constructor(scope: Construct, id: string, props: UnitMonitoringProps) {
    super(scope, id);
    const { unitId } = props;
    // Contacts keyed by their declared name: reordering the list must not replace them.
    const contacts = props.contacts.map(
      (c) =>
        new CmsAlarmContact(this, `contact-${c.name}`, {
          alarmContactName: c.name,
          describe: `On-call for unit ${unitId}`,
          channelsMail: c.email,
          lang: 'en',
        }),
    );
    this.contactGroup = new CmsAlarmContactGroup(this, 'contact-group', {
      alarmContactGroupName: props.contactGroup,
      describe: `Alarms of unit ${unitId} (${props.region})`,
      contacts: contacts.map((c) => c.alarmContactName),
    });
    const subject: Record<AlarmKey, string> = {
      'alb-5xx': props.albId,
      'rds-cpu': props.rdsInstanceId,
      'rds-storage': props.rdsInstanceId,
      'rds-connections': props.rdsInstanceId,
      'redis-memory': props.redisInstanceId,
    };
    const alarms = {} as Record<AlarmKey, CmsAlarm>;
    for (const key of Object.keys(ALARMS) as AlarmKey[]) {
      const a = ALARMS[key];
      alarms[key] = new CmsAlarm(this, key, {
        name: `${props.alarmPrefix}-${key}`,
        project: a.project,
        metric: a.metric,
        metricDimensions: JSON.stringify([{ [a.dimension]: subject[key] }]),
        period: 60,
        contactGroups: [this.contactGroup.alarmContactGroupName],
        // Three minutes above the threshold pages; one page per hour while it lasts.
        escalationsCritical: { statistics: 'Average', comparisonOperator: '>=', threshold: a.threshold, times: 3 },
        silenceTime: 3600,
        effectiveInterval: '00:00-23:59',
        enabled: true,
      });
    }
    this.alarms = alarms;
  }
}
