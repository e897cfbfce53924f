import type { TerraformStack } from 'cdktf';
import { AlbListener } from '../../.gen/providers/alicloud/alb-listener';
import { AlbLoadBalancer, type AlbLoadBalancerConfig } from '../../.gen/providers/alicloud/alb-load-balancer';
import { AlbRule } from '../../.gen/providers/alicloud/alb-rule';
import { EcsLaunchTemplate, type EcsLaunchTemplateConfig } from '../../.gen/providers/alicloud/ecs-launch-template';
import { EssScalingConfiguration, type EssScalingConfigurationConfig } from '../../.gen/providers/alicloud/ess-scaling-configuration';
import { SecurityGroupRule, type SecurityGroupRuleConfig } from '../../.gen/providers/alicloud/security-group-rule';
import { describeRuleFamily, rawResource, type RuleCase } from './harness';

const forward = [{ type: 'ForwardGroup', forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: 'sgp-app' }] } }];

function alb(stack: TerraformStack, overrides: Partial<AlbLoadBalancerConfig> = {}): AlbLoadBalancer {
  return new AlbLoadBalancer(stack, 'alb', {
    vpcId: 'vpc-1',
    addressType: 'Internet',
    loadBalancerEdition: 'Standard',
    loadBalancerBillingConfig: { payType: 'PayAsYouGo' },
    zoneMappings: [{ zoneId: 'z-1', vswitchId: 'vsw-1' }],
    deletionProtectionEnabled: true,
    ...overrides,
  });
}

/** An ALB with an HTTPS listener on 443 and an HTTP listener on 80, the shape the unit ingress uses. */
function listeners(stack: TerraformStack, httpRedirects: boolean): void {
  const lb = alb(stack);
  new AlbListener(stack, 'https', { loadBalancerId: lb.id, listenerPort: 443, listenerProtocol: 'HTTPS', defaultActions: forward });
  const http = new AlbListener(stack, 'http', { loadBalancerId: lb.id, listenerPort: 80, listenerProtocol: 'HTTP', defaultActions: forward });
  if (httpRedirects) {
    new AlbRule(stack, 'to-https', {
      listenerId: http.id,
      priority: 1,
      ruleName: 'to-https',
      ruleConditions: [{ type: 'Path', pathConfig: { values: ['/*'] } }],
      ruleActions: [{ order: 1, type: 'Redirect', redirectConfig: { protocol: 'HTTPS', port: '443', httpCode: '301' } }],
    });
  }
}

/** The two listeners, the HTTPS one with the given TLS policy. */
const tls = (securityPolicyId: string | undefined) => (stack: TerraformStack) => {
  const lb = alb(stack);
  new AlbListener(stack, 'https', { loadBalancerId: lb.id, listenerPort: 443, listenerProtocol: 'HTTPS', defaultActions: forward, securityPolicyId });
  new AlbListener(stack, 'http', { loadBalancerId: lb.id, listenerPort: 80, listenerProtocol: 'HTTP', defaultActions: forward });
};
/** An HTTPS listener on a custom security policy (a type the project has no binding for). */
const customTls = (versions: string[]) => (stack: TerraformStack) => {
  const policy = rawResource(stack, 'tls', 'alicloud_alb_security_policy', {
    security_policy_name: 'modern',
    tls_versions: versions,
    ciphers: ['ECDHE-RSA-AES128-GCM-SHA256'],
  });
  tls(`\${alicloud_alb_security_policy.${policy.friendlyUniqueId}.id}`)(stack);
};

/** A security-group rule next to the ALB listeners (443, 80). */
const sgRule = (overrides: Partial<SecurityGroupRuleConfig>) => (stack: TerraformStack) => {
  listeners(stack, true);
  new SecurityGroupRule(stack, 'rule', {
    securityGroupId: 'sg-1',
    type: 'ingress',
    ipProtocol: 'tcp',
    portRange: '443/443',
    cidrIp: '0.0.0.0/0',
    ...overrides,
  });
};
const sg = (rule: string, name: string, overrides: Partial<SecurityGroupRuleConfig>, expected: RuleCase['expected']): RuleCase => ({
  rule,
  name,
  build: sgRule(overrides),
  resource: 'rule',
  expected,
});

const template = (overrides: Partial<EcsLaunchTemplateConfig>) => (stack: TerraformStack) =>
  new EcsLaunchTemplate(stack, 'template', {
    launchTemplateName: 'app',
    systemDisk: { category: 'cloud_essd', size: 40, encrypted: true },
    dataDisks: [{ category: 'cloud_essd', size: 100, encrypted: true }],
    ...overrides,
  });

const scaling = (overrides: Partial<EssScalingConfigurationConfig>) => (stack: TerraformStack) =>
  new EssScalingConfiguration(stack, 'scaling', {
    scalingGroupId: 'asg-1',
    systemDiskEncrypted: true,
    dataDisk: [{ category: 'cloud_essd', size: 100, encrypted: true }],
    ...overrides,
  });

const cases: RuleCase[] = [
  sg('ALI-SG-1', 'private source on 22', { portRange: '22/22', cidrIp: '10.1.0.0/16' }, 'N/A'),
  sg('ALI-SG-1', 'world on 443', {}, 'Compliant'),
  sg('ALI-SG-1', 'world on 22', { portRange: '22/22' }, 'Non-Compliant'),
  sg('ALI-SG-1', 'world on a range containing 22', { portRange: '1/1024' }, 'Non-Compliant'),
  sg('ALI-SG-1', 'world source only known at apply time on 22', { portRange: '22/22', cidrIp: '${var.admin_cidr}' }, 'Unknown'),
  sg('ALI-SG-2', 'world on 443', {}, 'Compliant'),
  sg('ALI-SG-2', 'world on 3389', { portRange: '3389/3389' }, 'Non-Compliant'),
  sg('ALI-SG-2', 'IPv6 world on 3389', { portRange: '3389/3389', cidrIp: undefined, ipv6CidrIp: '::/0' }, 'Non-Compliant'),
  sg('ALI-SG-3', 'world on 443', {}, 'Compliant'),
  sg('ALI-SG-3', 'world on every tcp port', { portRange: '1/65535' }, 'Non-Compliant'),
  sg('ALI-SG-3', 'world on all protocols', { ipProtocol: 'all', portRange: '-1/-1' }, 'Non-Compliant'),
  sg('ALI-SG-3', 'egress to the world', { type: 'egress', portRange: '1/65535' }, 'N/A'),
  sg('ALI-SG-4', 'world on the HTTPS listener port', {}, 'Compliant'),
  sg('ALI-SG-4', 'world on the HTTP (redirect) listener port', { portRange: '80/80' }, 'Compliant'),
  sg('ALI-SG-4', 'world on 8080, no listener there', { portRange: '8080/8080' }, 'Non-Compliant'),
  sg('ALI-SG-4', 'world on udp 443', { ipProtocol: 'udp' }, 'Non-Compliant'),
  sg('ALI-SG-4', 'world drop rule', { policy: 'drop', portRange: '8080/8080' }, 'N/A'),
  { rule: 'ALI-ALB-1', name: 'HTTPS listener', build: (s) => listeners(s, false), resource: 'https', expected: 'Compliant' },
  { rule: 'ALI-ALB-1', name: 'HTTP listener redirecting every path to HTTPS', build: (s) => listeners(s, true), resource: 'http', expected: 'Compliant' },
  { rule: 'ALI-ALB-1', name: 'HTTP listener forwarding', build: (s) => listeners(s, false), resource: 'http', expected: 'Non-Compliant' },
  { rule: 'ALI-ALB-2', name: 'deletion_protection_enabled', build: (s) => alb(s), resource: 'alb', expected: 'Compliant' },
  {
    rule: 'ALI-ALB-2',
    name: 'deletion protection unset',
    build: (s) => alb(s, { deletionProtectionEnabled: undefined }),
    resource: 'alb',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-ALB-3', name: 'HTTPS listener with tls_cipher_policy_1_2', build: tls('tls_cipher_policy_1_2'), resource: 'https', expected: 'Compliant' },
  {
    rule: 'ALI-ALB-3',
    name: 'HTTPS listener with a TLS 1.2+ custom policy',
    build: customTls(['TLSv1.2', 'TLSv1.3']),
    resource: 'https',
    expected: 'Compliant',
  },
  { rule: 'ALI-ALB-3', name: 'HTTPS listener with the default policy', build: tls(undefined), resource: 'https', expected: 'Non-Compliant' },
  {
    rule: 'ALI-ALB-3',
    name: 'HTTPS listener with a custom policy admitting TLS 1.0',
    build: customTls(['TLSv1.0', 'TLSv1.2']),
    resource: 'https',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-ALB-3', name: 'HTTP listener', build: tls(undefined), resource: 'http', expected: 'N/A' },
  { rule: 'ALI-ECS-1', name: 'system and data disks encrypted', build: template({}), resource: 'template', expected: 'Compliant' },
  { rule: 'ALI-ECS-1', name: 'no system_disk block', build: template({ systemDisk: undefined }), resource: 'template', expected: 'Non-Compliant' },
  {
    rule: 'ALI-ECS-1',
    name: 'a data disk unencrypted',
    build: template({ dataDisks: [{ category: 'cloud_essd', size: 100, encrypted: false }] }),
    resource: 'template',
    expected: 'Non-Compliant',
  },
  { rule: 'ALI-ECS-2', name: 'system and data disks encrypted', build: scaling({}), resource: 'scaling', expected: 'Compliant' },
  {
    rule: 'ALI-ECS-2',
    name: 'system disk encryption unset',
    build: scaling({ systemDiskEncrypted: undefined }),
    resource: 'scaling',
    expected: 'Non-Compliant',
  },
];

for (const family of ['SG', 'ALB', 'ECS'])
  describeRuleFamily(
    family,
    cases.filter((c) => c.rule.startsWith(`ALI-${family}-`)),
  );
