/** ALI-CMS-1: every alarm's statistic is one its metric offers, and the metric is in the catalog. */
import type { TerraformStack } from 'cdktf';
import { CmsAlarm, type CmsAlarmConfig } from '../../.gen/providers/alicloud/cms-alarm';
import { describeRuleFamily, type RuleCase } from './harness';

const alarm = (overrides: Partial<CmsAlarmConfig>) => (stack: TerraformStack) =>
  new CmsAlarm(stack, 'alarm', {
    name: 'fx-t1-alarm-alb-5xx',
    project: 'acs_alb',
    metric: 'LoadBalancerHTTPCode5XX',
    metricDimensions: '[{"loadBalancerId":"alb-1"}]',
    contactGroups: ['fx_t1_oncall'],
    escalationsCritical: { statistics: 'Value', comparisonOperator: '>=', threshold: '10', times: 3 },
    ...overrides,
  });

const cases: RuleCase[] = [
  { rule: 'ALI-CMS-1', name: 'ALB 5xx on Value', build: alarm({}), resource: 'alarm', expected: 'Compliant' },
  {
    rule: 'ALI-CMS-1',
    name: 'ALB 5xx on Average (the provider default), which the metric lacks',
    build: alarm({ escalationsCritical: { statistics: 'Average', comparisonOperator: '>=', threshold: '10', times: 3 } }),
    resource: 'alarm',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-CMS-1',
    name: 'no statistic at all: the provider sends Average',
    build: alarm({ escalationsCritical: { comparisonOperator: '>=', threshold: '10', times: 3 } }),
    resource: 'alarm',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-CMS-1',
    name: 'a warning escalation with a statistic the metric lacks',
    build: alarm({ escalationsWarn: { statistics: 'Maximum', comparisonOperator: '>=', threshold: '5', times: 3 } }),
    resource: 'alarm',
    expected: 'Non-Compliant',
  },
  {
    rule: 'ALI-CMS-1',
    name: 'Redis memory on Maximum',
    build: alarm({ project: 'acs_kvstore', metric: 'StandardMemoryUsage', escalationsCritical: { statistics: 'Maximum', threshold: '85' } }),
    resource: 'alarm',
    expected: 'Compliant',
  },
  {
    rule: 'ALI-CMS-1',
    name: 'a metric the catalog does not know',
    build: alarm({ project: 'acs_ecs_dashboard', metric: 'CPUUtilization', escalationsCritical: { statistics: 'Average', threshold: '80' } }),
    resource: 'alarm',
    expected: 'Non-Compliant',
  },
];

describeRuleFamily('CMS', cases);
