/**
 * Alarms as data: the default alarm of every watched metric, and the resolved alarms of the model. Each alarm names a
 * metric of the catalog (lib/facts/metrics.ts) and takes its namespace, metric name and dimension keys from there;
 * its statistic must be one the metric offers (validate-ops.ts refuses a declared override that is not, and
 * `resolveAlarm` refuses a default that is not). `alicloud_cms_alarm` requires it: "statistics … must be consistent with
 * that defined for metrics" (website/docs/r/cms_alarm.html.markdown:142); the provider's default is `Average`
 * (alicloud/resource_alicloud_cms_alarm.go:88-120), which `acs_alb` metrics do not offer.
 */
import { geographicSpanId } from '../facts/cen';
import { METRICS, type MetricFact, type MetricKey, type MetricStatistic } from '../facts/metrics';
import type { AlarmOverride, UnitAlarmKey } from './types-ops';

export type AlarmComparison = '>=' | '>' | '<=' | '<';

/** What pages, and when. */
export interface AlarmRule {
  readonly metric: MetricKey;
  readonly statistic: MetricStatistic;
  readonly comparison: AlarmComparison;
  /** Critical threshold, in the metric's unit. */
  readonly threshold: number;
  /** Consecutive periods beyond the threshold before it pages. */
  readonly times: number;
  readonly periodSeconds: number;
}

/** Which resource of its stack an alarm watches: the construct that builds it supplies that resource's id. */
export type AlarmSubject = 'alb' | 'rds' | 'redis' | 'dts-instance' | 'cen' | 'accelerator-endpoint-group';

/** One alarm, ready to build: everything but the ids of the resources it watches. */
export interface AlarmModel {
  /** Stable key within its owner (a unit, a job, a peering, an endpoint group). */
  readonly key: string;
  /** The alarm's name in CloudMonitor. */
  readonly name: string;
  readonly what: string;
  readonly namespace: string;
  readonly metric: string;
  readonly statistic: MetricStatistic;
  readonly comparison: AlarmComparison;
  /** As CloudMonitor takes it: a string. */
  readonly threshold: string;
  readonly times: number;
  readonly periodSeconds: number;
  /** Dimensions known from the declaration (region ids, span ids). */
  readonly fixedDimensions: Readonly<Record<string, string>>;
  /** Dimension keys whose values are resource ids, supplied by the construct: all of them, always. */
  readonly boundDimensions: readonly string[];
  readonly subject: AlarmSubject;
  /** CloudMonitor contact groups (account-wide names) that are paged. */
  readonly contactGroups: readonly string[];
}

/** Minutes between repeated notifications of a lasting alarm: one an hour. */
export const ALARM_SILENCE_SECONDS = 3600;

/** Every unit's alarms, unless its declaration overrides threshold, statistic or times (`monitoring.alarms`). */
export const UNIT_ALARMS: Readonly<Record<UnitAlarmKey, AlarmRule & { readonly subject: AlarmSubject }>> = {
  // ALB metrics offer only `Value` (the ALB metrics page, lib/facts/metrics.ts).
  'alb-5xx': { metric: 'alb-5xx', statistic: 'Value', comparison: '>=', threshold: 10, times: 3, periodSeconds: 60, subject: 'alb' },
  'alb-unhealthy-hosts': { metric: 'alb-unhealthy-hosts', statistic: 'Value', comparison: '>=', threshold: 1, times: 3, periodSeconds: 60, subject: 'alb' },
  'rds-cpu': { metric: 'rds-cpu', statistic: 'Average', comparison: '>=', threshold: 80, times: 3, periodSeconds: 60, subject: 'rds' },
  'rds-storage': { metric: 'rds-storage', statistic: 'Average', comparison: '>=', threshold: 80, times: 3, periodSeconds: 60, subject: 'rds' },
  'rds-connections': { metric: 'rds-connections', statistic: 'Average', comparison: '>=', threshold: 80, times: 3, periodSeconds: 60, subject: 'rds' },
  'redis-memory': { metric: 'redis-memory', statistic: 'Average', comparison: '>=', threshold: 85, times: 3, periodSeconds: 60, subject: 'redis' },
};

/** The link stack's alarms: DTS delay per job (its threshold comes from the destination's `replication.delayAlertSeconds`) and CEN bandwidth use per connection direction. */
export const LINK_ALARMS = {
  'dts-latency': { metric: 'dts-latency', statistic: 'Average', comparison: '>=', threshold: 60_000, times: 3, periodSeconds: 60 },
  // 80 % of the connection's bandwidth for 5 minutes: the flows' declared peaks no longer fit.
  'cen-bandwidth': { metric: 'cen-bandwidth', statistic: 'Value', comparison: '>=', threshold: 80, times: 5, periodSeconds: 60 },
} as const satisfies Record<string, AlarmRule>;

/** The accel stack's alarm per endpoint group and access point: GA's probes stop coming back (UNCONFIRMED metric, lib/facts/metrics.ts). */
export const ACCESS_ALARMS = {
  'ga-endpoint-probe-loss': { metric: 'ga-endpoint-probe-loss', statistic: 'Average', comparison: '>=', threshold: 1, times: 3, periodSeconds: 60 },
} as const satisfies Record<string, AlarmRule>;

/** A problem with an alarm rule: its statistic is not one the metric offers. */
export function statisticProblem(metric: MetricFact, statistic: unknown): string | undefined {
  if ((metric.statistics as readonly unknown[]).includes(statistic)) return undefined;
  return `${metric.namespace} ${metric.metric} offers only ${metric.statistics.join(', ')}`;
}

interface AlarmTarget {
  readonly key: string;
  readonly name: string;
  readonly subject: AlarmSubject;
  readonly contactGroups: readonly string[];
  /** Values of the metric's dimensions known from the declaration; the rest are bound by the construct. */
  readonly fixedDimensions?: Readonly<Record<string, string>>;
}

/** The alarm of `rule` on `target`. Throws (a bug) when the rule's statistic is not in the catalog. */
export function resolveAlarm(rule: AlarmRule, target: AlarmTarget): AlarmModel {
  const fact: MetricFact = METRICS[rule.metric];
  const problem = statisticProblem(fact, rule.statistic);
  if (problem) throw new Error(`alarm ${target.name}: statistic ${rule.statistic} is not allowed: ${problem}`);
  const fixed = target.fixedDimensions ?? {};
  for (const k of Object.keys(fixed)) {
    if (!fact.dimensions.includes(k)) throw new Error(`alarm ${target.name}: ${k} is not a dimension of ${fact.namespace} ${fact.metric}`);
  }
  return {
    key: target.key,
    name: target.name,
    what: fact.what,
    namespace: fact.namespace,
    metric: fact.metric,
    statistic: rule.statistic,
    comparison: rule.comparison,
    threshold: String(rule.threshold),
    times: rule.times,
    periodSeconds: rule.periodSeconds,
    fixedDimensions: fixed,
    boundDimensions: fact.dimensions.filter((d) => !(d in fixed)),
    subject: target.subject,
    contactGroups: target.contactGroups,
  };
}

/** The alarms of one unit: the defaults, with the declared overrides. */
export function unitAlarms(
  alarmPrefix: string,
  contactGroup: string,
  overrides: Readonly<Partial<Record<UnitAlarmKey, AlarmOverride>>> | undefined,
): AlarmModel[] {
  return (Object.keys(UNIT_ALARMS) as UnitAlarmKey[]).map((key) => {
    const { subject, ...rule } = UNIT_ALARMS[key];
    const o = overrides?.[key] ?? {};
    return resolveAlarm(
      {
        ...rule,
        ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
        ...(o.statistic ? { statistic: o.statistic } : {}),
        ...(o.times ? { times: o.times } : {}),
      },
      { key, name: `${alarmPrefix}-${key}`, subject, contactGroups: [contactGroup] },
    );
  });
}

/** The DTS delay alarm of one replication job, in milliseconds (the metric's unit). */
export function replicationAlarm(orgPrefix: string, jobKey: string, delayAlertSeconds: number, destinationGroup: string): AlarmModel {
  return resolveAlarm(
    { ...LINK_ALARMS['dts-latency'], threshold: delayAlertSeconds * 1000 },
    { key: 'dts-latency', name: `${orgPrefix}-${jobKey}-dts-latency`, subject: 'dts-instance', contactGroups: [destinationGroup] },
  );
}

/** One end of a CEN connection, as the bandwidth alarms see it. */
export interface BandwidthEnd {
  readonly unitId: string;
  readonly region: string;
  readonly cenGeographicRegion: string;
  readonly contactGroup: string;
}

/**
 * The two bandwidth alarms of a CEN connection, one per direction (outbound from each end), each paging both ends: a
 * saturated link slows the flows of both units.
 */
export function bandwidthAlarms(orgPrefix: string, near: BandwidthEnd, far: BandwidthEnd): AlarmModel[] {
  const span = geographicSpanId(near.cenGeographicRegion, far.cenGeographicRegion);
  const groups = [...new Set([near.contactGroup, far.contactGroup])];
  return [
    [near, far],
    [far, near],
  ].map(([local, opposite]) =>
    resolveAlarm(LINK_ALARMS['cen-bandwidth'], {
      key: `out-of-${local.unitId}`,
      name: `${orgPrefix}-${near.unitId}-${far.unitId}-cen-out-of-${local.unitId}`,
      subject: 'cen',
      contactGroups: groups,
      fixedDimensions: { geographicSpanId: span, localRegionId: local.region, oppositeRegionId: opposite.region },
    }),
  );
}

/** The probe-loss alarm of one unit's endpoint group, seen from one access point. */
export function endpointGroupAlarm(orgPrefix: string, unitId: string, accessPoint: { name: string; region: string }, contactGroup: string): AlarmModel {
  return resolveAlarm(ACCESS_ALARMS['ga-endpoint-probe-loss'], {
    key: accessPoint.name,
    name: `${orgPrefix}-ga-${unitId}-from-${accessPoint.name}-probe-loss`,
    subject: 'accelerator-endpoint-group',
    contactGroups: [contactGroup],
    fixedDimensions: { regionId: accessPoint.region },
  });
}
