import { Construct } from 'constructs';
import { AlbListener } from '../../.gen/providers/alicloud/alb-listener';
import { AlbLoadBalancer } from '../../.gen/providers/alicloud/alb-load-balancer';
import { AlbLoadBalancerSecurityGroupAttachment } from '../../.gen/providers/alicloud/alb-load-balancer-security-group-attachment';
import { AlbRule } from '../../.gen/providers/alicloud/alb-rule';
import { AlbServerGroup } from '../../.gen/providers/alicloud/alb-server-group';
import { certificateCheck } from '../core/certificates';
import { PUBLIC_LISTENER_PORTS } from './security';

export interface UnitIngressProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  /** The unit's zones: the ALB spans all of them. */
  readonly zones: readonly string[];
  readonly names: { readonly loadBalancer: string; readonly appServerGroup: string; readonly redirectServerGroup: string; readonly httpRedirectRule: string };
  readonly vpcId: string;
  /** Ingress-tier vSwitch ids by zone. */
  readonly ingressVswitchIds: Readonly<Record<string, string>>;
  /** Certificate Management Service id of the HTTPS listener's certificate. */
  readonly certificateId: string;
  /** The declaration field the certificate comes from, for the plan-time check's messages. */
  readonly certificateField: string;
  /** The name the certificate must cover: the wildcard of the access domain, e.g. `*.collab.example.com`. */
  readonly certificateCovers: string;
  /** The ingress tier's security group, attached to the ALB. */
  readonly securityGroupId: string;
  /** Port the app instances listen on. */
  readonly appPort: number;
  /** Path the ALB probes on each app instance. */
  readonly healthCheckPath: string;
  /** The unit's log project and logstore for ALB access logs. */
  readonly accessLogs: { readonly projectName: string; readonly logStoreName: string };
}

/** ALB system TLS policy: TLS 1.2 and 1.3 only, with strong ciphers. */
export const ALB_TLS_POLICY = 'tls_cipher_policy_1_2_strict_with_1_3';

/**
 * The unit's internet-facing ALB, across every zone of the unit, with deletion protection and access logs in
 * the unit's log project. HTTPS on 443 forwards to the app tier; HTTP on 80 only redirects to HTTPS.
 */
export class UnitIngress extends Construct {
  readonly loadBalancer: AlbLoadBalancer;
  readonly appServerGroup: AlbServerGroup;
  readonly httpsListener: AlbListener;
  readonly httpListener: AlbListener;

  constructor(scope: Construct, id: string, props: UnitIngressProps) {
    super(scope, id);
    const { unitId, names } = props;
    certificateCheck(this, 'certificate', {
      certificateId: props.certificateId,
      field: props.certificateField,
      mustCover: props.certificateCovers,
      usedBy: `the HTTPS listener of unit ${unitId}'s ALB`,
    });
    this.loadBalancer = new AlbLoadBalancer(this, 'alb', {
      loadBalancerName: names.loadBalancer,
      loadBalancerEdition: 'Standard',
      addressType: 'Internet',
      addressAllocatedMode: 'Fixed',
      vpcId: props.vpcId,
      loadBalancerBillingConfig: { payType: 'PayAsYouGo' },
      deletionProtectionEnabled: true,
      zoneMappings: props.zones.map((zone) => ({ zoneId: zone, vswitchId: props.ingressVswitchIds[zone] })),
      accessLogConfig: { logProject: props.accessLogs.projectName, logStore: props.accessLogs.logStoreName },
    });
    new AlbLoadBalancerSecurityGroupAttachment(this, 'security-group', {
      loadBalancerId: this.loadBalancer.id,
      securityGroupId: props.securityGroupId,
    });

    this.appServerGroup = new AlbServerGroup(this, 'app-servers', {
      serverGroupName: names.appServerGroup,
      serverGroupType: 'Instance',
      protocol: 'HTTP',
      vpcId: props.vpcId,
      scheduler: 'Wrr',
      // Members are registered by the scaling group, never listed here.
      healthCheckConfig: {
        healthCheckEnabled: true,
        healthCheckProtocol: 'HTTP',
        healthCheckMethod: 'GET',
        healthCheckPath: props.healthCheckPath,
        healthCheckConnectPort: props.appPort,
        healthCheckCodes: ['http_2xx'],
        healthCheckInterval: 5,
        healthCheckTimeout: 3,
        healthyThreshold: 3,
        unhealthyThreshold: 3,
      },
      connectionDrainConfig: { connectionDrainEnabled: true, connectionDrainTimeout: 30 },
      stickySessionConfig: { stickySessionEnabled: false },
    });
    // ALB listeners can only forward by default; this group has no members, so anything the redirect rule
    // did not answer gets a 503 instead of reaching the app over plain HTTP.
    const redirectSink = new AlbServerGroup(this, 'http-redirect', {
      serverGroupName: names.redirectServerGroup,
      serverGroupType: 'Instance',
      protocol: 'HTTP',
      vpcId: props.vpcId,
      healthCheckConfig: { healthCheckEnabled: false },
    });

    this.httpsListener = new AlbListener(this, 'https', {
      loadBalancerId: this.loadBalancer.id,
      listenerProtocol: 'HTTPS',
      listenerPort: PUBLIC_LISTENER_PORTS.https,
      listenerDescription: `HTTPS of unit ${unitId}`,
      certificates: [{ certificateId: props.certificateId }],
      securityPolicyId: ALB_TLS_POLICY,
      http2Enabled: true,
      idleTimeout: 60,
      requestTimeout: 60,
      defaultActions: [{ type: 'ForwardGroup', forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: this.appServerGroup.id }] } }],
      xForwardedForConfig: { xForwardedForEnabled: true, xForwardedForProtoEnabled: true },
    });
    this.httpListener = new AlbListener(this, 'http', {
      loadBalancerId: this.loadBalancer.id,
      listenerProtocol: 'HTTP',
      listenerPort: PUBLIC_LISTENER_PORTS.http,
      listenerDescription: `HTTP of unit ${unitId}: redirects to HTTPS only`,
      defaultActions: [{ type: 'ForwardGroup', forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: redirectSink.id }] } }],
    });
    new AlbRule(this, 'http-to-https', {
      listenerId: this.httpListener.id,
      ruleName: names.httpRedirectRule,
      priority: 1,
      ruleConditions: [{ type: 'Path', pathConfig: { values: ['/*'] } }],
      ruleActions: [
        {
          order: 1,
          type: 'Redirect',
          // Host, path and query default to the request's own, so only the scheme and port change.
          redirectConfig: { protocol: 'HTTPS', port: String(PUBLIC_LISTENER_PORTS.https), httpCode: '301' },
        },
      ],
    });
  }
}
