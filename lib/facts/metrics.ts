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
  /**
   * Dimension keys the alarm names (userId is implied). An alarm built from the catalog sets exactly these
   * (lib/topology/alarms.ts), so a key missing here is a key no alarm can set.
   */
  readonly dimensions: readonly string[];
  /** The statistics CloudMonitor computes for the metric: an alarm may use only these. */
  readonly statistics: readonly MetricStatistic[];
  readonly unit: string;
  readonly what: string;
  readonly source: string;
  /**
   * What is not confirmed about the metric, and what would confirm it. Absent when the source states the metric,
   * its dimensions and its statistics.
   */
  readonly unconfirmed?: string;
}

const ALB_DOC = 'https://alibabacloud.com/help/en/slb/application-load-balancer/user-guide/alb-monitoring-metrics';
const CMS_DOC = 'https://www.alibabacloud.com/help/doc-detail/165008.htm';
/** How to confirm a namespace's metrics: CloudMonitor lists each metric's dimensions and statistics. */
const META = (namespace: string) => `aliyun cms DescribeMetricMetaList --Namespace ${namespace}`;

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
    source: `${CMS_DOC} (DTS (Synchronization))`,
    unconfirmed: `the metric name and its statistics come from a 2021 copy of the CloudMonitor metric list; confirm with ${META('acs_dts')}`,
  },
  'cen-bandwidth': {
    namespace: 'acs_cen',
    metric: 'InternetOutRatePercentByConnectionRegion',
    dimensions: ['cenId', 'geographicSpanId', 'localRegionId', 'oppositeRegionId'],
    statistics: ['Value'],
    unit: '%',
    what: "outbound use of an inter-region connection's bandwidth",
    source: `${CMS_DOC} (CEN-Region)`,
    unconfirmed: `the metric is documented for CEN inter-region bandwidth (CEN-Region); whether it also reports transit-router peer attachments, and the spelling of geographicSpanId for each pair of areas (lib/facts/cen.ts), are not confirmed: ${META('acs_cen')} and DescribeCenGeographicSpans`,
  },
  /**
   * GA publishes no endpoint-group health metric that could be found (the GA health state is only exposed through the
   * GetHealthStatus API, https://alibabacloud.com/help/en/ga/developer-reference/api-ga-2019-11-20-gethealthstatus). The
   * closest per-endpoint-group signal in CloudMonitor's GA list is the loss of GA's own probes from an acceleration
   * region towards the endpoint group's targets: an endpoint group that stops answering loses every probe.
   */
  'ga-endpoint-probe-loss': {
    namespace: 'acs_global_acceleration',
    metric: 'GaNetworkProbeAcceleratorDrop',
    dimensions: ['instanceId', 'regionId', 'endpointGroupId'],
    statistics: ['Average'],
    unit: 'pps',
    what: "loss of GA's probes from an access point to an endpoint group over the accelerated network",
    source: `${CMS_DOC} (Networking / Global Accelerator, 2021 copy)`,
    unconfirmed: `no GA endpoint-group health metric is documented; this probe-loss metric is the closest. Its unit (pps in the 2021 list), whether an alarm may leave out its targetIp dimension, and whether it still exists are not confirmed: ${META('acs_global_acceleration')}`,
  },
} as const satisfies Record<string, MetricFact>;

export type MetricKey = keyof typeof METRICS;

export function metricFact(key: MetricKey): MetricFact {
  return METRICS[key];
}

/** The catalog entry of a CloudMonitor namespace and metric, as an alarm names them (`project`, `metric`). */
export function metricByName(namespace: string, metric: string): MetricFact | undefined {
  return Object.values(METRICS as Record<string, MetricFact>).find((m) => m.namespace === namespace && m.metric === metric);
}
