/**
 * The CloudMonitor metrics the package alarms on: namespace (CloudMonitor "project"), metric, dimension keys, the
 * statistics the metric offers and its unit, each with its source. `alicloud_cms_alarm` requires the statistic to be
 * one the metric defines (website/docs/r/cms_alarm.html.markdown:142); validation and the alarms read this table.
 *
 * Sources (read 2026-12):
 * - ALB: "ALB monitoring metrics", https://alibabacloud.com/help/en/slb/application-load-balancer/user-guide/alb-monitoring-metrics
 * - RDS, Redis, DTS, GA, CEN: CloudMonitor "Appendix 1: Metrics" (https://www.alibabacloud.com/help/doc-detail/165008.htm),
 *   confirmed per namespace with `aliyun cms DescribeMetricMetaList --Namespace <namespace>` where noted.
 */

export type MetricStatistic = 'Value' | 'Average' | 'Maximum' | 'Minimum';

export interface MetricFact {
  /** CloudMonitor namespace, the `project` of an alarm. */
  readonly namespace: string;
  readonly metric: string;
  /** Dimension keys the alarm names (userId is implied). */
  readonly dimensions: readonly string[];
  /** The statistics CloudMonitor computes for the metric: an alarm may use only these. */
  readonly statistics: readonly MetricStatistic[];
  readonly unit: string;
  readonly what: string;
  readonly source: string;
}

const ALB_DOC = 'https://alibabacloud.com/help/en/slb/application-load-balancer/user-guide/alb-monitoring-metrics';
const CMS_DOC = 'https://www.alibabacloud.com/help/doc-detail/165008.htm';

export const METRICS = {
  'alb-5xx': {
    namespace: 'acs_alb',
    metric: 'LoadBalancerHTTPCode5XX',
    dimensions: ['loadBalancerId'],
    statistics: ['Value'],
    unit: 'count/s',
    what: '5xx responses per second at the ALB',
    source: ALB_DOC,
  },
  'alb-unhealthy-hosts': {
    namespace: 'acs_alb',
    metric: 'LoadBalancerUnHealthyHostCount',
    dimensions: ['loadBalancerId'],
    statistics: ['Value'],
    unit: 'count',
    what: 'unhealthy backend servers behind the ALB',
    source: ALB_DOC,
  },
  'rds-cpu': {
    namespace: 'acs_rds_dashboard',
    metric: 'CpuUsage',
    dimensions: ['instanceId'],
    statistics: ['Average', 'Maximum', 'Minimum'],
    unit: '%',
    what: 'RDS CPU usage',
    source: CMS_DOC,
  },
  'rds-storage': {
    namespace: 'acs_rds_dashboard',
    metric: 'DiskUsage',
    dimensions: ['instanceId'],
    statistics: ['Average', 'Maximum', 'Minimum'],
    unit: '%',
    what: 'RDS storage usage',
    source: CMS_DOC,
  },
  'rds-connections': {
    namespace: 'acs_rds_dashboard',
    metric: 'ConnectionUsage',
    dimensions: ['instanceId'],
    statistics: ['Average', 'Maximum', 'Minimum'],
    unit: '%',
    what: 'RDS connection usage',
    source: CMS_DOC,
  },
  'redis-memory': {
    namespace: 'acs_kvstore',
    metric: 'StandardMemoryUsage',
    dimensions: ['instanceId'],
    statistics: ['Average', 'Maximum'],
    unit: '%',
    what: 'Redis memory usage',
    source: CMS_DOC,
  },
  'dts-latency': {
    namespace: 'acs_dts',
    metric: 'SynchronizationLatency',
    dimensions: ['instanceId'],
    statistics: ['Average'],
    unit: 'ms',
    what: 'DTS synchronization latency of an org-replication job',
    source: `${CMS_DOC} (DTS (Synchronization)); confirm with DescribeMetricMetaList --Namespace acs_dts`,
  },
  'cen-bandwidth': {
    namespace: 'acs_cen',
    metric: 'InternetOutRatePercentByConnectionRegion',
    dimensions: ['cenId', 'geographicSpanId', 'localRegionId', 'oppositeRegionId'],
    statistics: ['Value'],
    unit: '%',
    what: "outbound use of an inter-region connection's bandwidth",
    source: `${CMS_DOC} (CEN-Region); confirm with DescribeMetricMetaList --Namespace acs_cen`,
  },
} as const satisfies Record<string, MetricFact>;

export type MetricKey = keyof typeof METRICS;

export function metricFact(key: MetricKey): MetricFact {
  return METRICS[key];
}
