/**
 * One CloudMonitor alarm from the model (lib/topology/alarms.ts): every stack builds its alarms here, so namespace,
 * metric, dimension keys and statistic always come from the metric catalog (lib/facts/metrics.ts).
 */
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { CmsAlarm } from '../../.gen/providers/alicloud/cms-alarm';
import { ALARM_SILENCE_SECONDS, type AlarmModel } from '../topology/alarms';

export interface MetricAlarmProps {
  readonly alarm: AlarmModel;
  /** The ids of the watched resources, one per bound dimension of the alarm (`alarm.boundDimensions`). */
  readonly dimensions: Readonly<Record<string, string>>;
  /**
   * The contact groups to page, as references when the groups are created in the same stack (so the alarm waits for
   * them). @default - the alarm's `contactGroups` names, for groups another stack created
   */
  readonly contactGroups?: readonly string[];
  readonly provider?: TerraformProvider;
  readonly dependsOn?: readonly ITerraformDependable[];
}

export function metricAlarm(scope: Construct, id: string, props: MetricAlarmProps): CmsAlarm {
  const { alarm } = props;
  const missing = alarm.boundDimensions.filter((d) => props.dimensions[d] === undefined);
  const extra = Object.keys(props.dimensions).filter((d) => !alarm.boundDimensions.includes(d));
  if (missing.length || extra.length)
    throw new Error(
      `alarm ${alarm.name}: dimensions ${missing.length ? `missing ${missing.join(', ')}` : ''}${extra.length ? ` unknown ${extra.join(', ')}` : ''}`,
    );
  const all: Record<string, string> = { ...alarm.fixedDimensions, ...props.dimensions };
  // Keys in a fixed order: the JSON is compared as text in review diffs (the provider compares it as JSON).
  const dimensions = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]]),
  );
  return new CmsAlarm(scope, id, {
    ...(props.provider ? { provider: props.provider } : {}),
    name: alarm.name,
    project: alarm.namespace,
    metric: alarm.metric,
    metricDimensions: JSON.stringify([dimensions]),
    period: alarm.periodSeconds,
    contactGroups: [...(props.contactGroups ?? alarm.contactGroups)],
    escalationsCritical: { statistics: alarm.statistic, comparisonOperator: alarm.comparison, threshold: alarm.threshold, times: alarm.times },
    silenceTime: ALARM_SILENCE_SECONDS,
    effectiveInterval: '00:00-23:59',
    enabled: true,
    ...(props.dependsOn?.length ? { dependsOn: [...props.dependsOn] } : {}),
  });
}
