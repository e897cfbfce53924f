import { attachedTo } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule } from '../types';

export const VPCFlowLogsEnabled: PolicyRule = {
  id: 'ALI-VPC-1',
  name: 'VPCFlowLogsEnabled',
  level: 'error',
  resourceTypes: ['alicloud_vpc'],
  info: 'The VPC has no active flow log',
  explanation: 'Flow logs record which addresses talked to which; without them lateral movement or exfiltration leaves no network trace.',
  fix: 'add an alicloud_vpc_flow_log with resource_type "VPC", resource_id = the VPC id, traffic_type "All", into the unit\'s log project',
  equivalents: ['KICS vpc_flow_logs_disabled', 'InfraGuard vpc-flow-logs-enabled'],
  evaluate(vpc, context) {
    const logs = attachedTo(context.resourcesOfType('alicloud_vpc_flow_log'), 'resource_id', vpc).filter(
      (l) => l.config.resource_type === 'VPC' && l.config.status !== 'Inactive',
    );
    return logs.length ? COMPLIANT : nonCompliant('no alicloud_vpc_flow_log of resource_type "VPC" refers to this VPC');
  },
};
