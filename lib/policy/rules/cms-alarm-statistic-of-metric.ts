import { metricByName } from '../../facts/metrics';
import { COMPLIANT, nonCompliant, type PolicyRule } from '../types';
import { firstBlock, shown } from '../values';

/** The provider sends `Average` when an escalation names no statistic (alicloud/resource_alicloud_cms_alarm.go:88-120). */
const PROVIDER_DEFAULT_STATISTIC = 'Average';

export const CMSAlarmStatisticOfMetric: PolicyRule = {
  id: 'ALI-CMS-1',
  name: 'CMSAlarmStatisticOfMetric',
  level: 'error',
  resourceTypes: ['alicloud_cms_alarm'],
  info: 'The alarm uses a statistic its metric does not offer, or a metric the catalog does not know',
  explanation:
    'CloudMonitor evaluates an alarm only with a statistic the metric defines ("must be consistent with that defined for metrics", cms_alarm docs); ALB metrics offer only Value, so the provider default Average never fires.',
  fix: 'build the alarm from lib/facts/metrics.ts and give each escalation a statistic the metric lists (lib/topology/alarms.ts)',
  equivalents: [],
  evaluate(alarm) {
    const { project, metric } = alarm.config;
    const fact = typeof project === 'string' && typeof metric === 'string' ? metricByName(project, metric) : undefined;
    if (!fact) return nonCompliant(`${shown(project)} ${shown(metric)} is not in the metric catalog (lib/facts/metrics.ts)`);
    for (const level of ['escalations_critical', 'escalations_warn', 'escalations_info']) {
      const block = firstBlock(alarm.config[level]);
      if (!block) continue;
      const statistic = block.statistics ?? PROVIDER_DEFAULT_STATISTIC;
      if (!(fact.statistics as readonly unknown[]).includes(statistic))
        return nonCompliant(`${level}.statistics is ${shown(statistic)}; ${fact.namespace} ${fact.metric} offers ${fact.statistics.join(', ')}`);
    }
    return COMPLIANT;
  },
};
