import { Construct } from 'constructs';
import { SecurityGroup } from '../../.gen/providers/alicloud/security-group';
import { SecurityGroupRule } from '../../.gen/providers/alicloud/security-group-rule';
import type { FlowAdmissionModel } from '../topology/flows';

export interface UnitSecurityProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  readonly vpcId: string;
  readonly names: { readonly ingress: string; readonly app: string };
  /** The unit's zones, in order: rules are keyed by zone. */
  readonly zones: readonly string[];
  /** Ingress-tier (ALB) vSwitch CIDRs by zone. */
  readonly ingressCidrs: Readonly<Record<string, string>>;
  /** Port the app instances listen on, behind the ALB. */
  readonly appPort: number;
  /** The declared flows into this unit's app tier: each admits exactly its source unit's app-tier ranges on its port. */
  readonly inboundFlows: readonly FlowAdmissionModel[];
}

/** The only ports open to the internet: the ALB's HTTPS listener and the HTTP listener that only redirects. */
export const PUBLIC_LISTENER_PORTS = { https: 443, http: 80 } as const;
const ANYWHERE = '0.0.0.0/0';

/**
 * Security groups for the two tiers that hold ECS-style network interfaces: the ALB's (ingress) and the app
 * instances' (app). Each admits only what the tier in front of it needs: internet → ingress (443, 80 to redirect) →
 * app (the app port from the ingress vSwitches, where the ALB's addresses live), plus, on the app tier, each declared
 * cross-unit flow from its source unit's app-tier ranges on its own port. The data tier has no group: RDS and Redis
 * take their sources from their IP whitelists (the app tier's ranges), and an ECS security group would only admit its
 * own members. Egress is not restricted here: outbound traffic of private tiers leaves through the NAT gateway.
 */
export class UnitSecurity extends Construct {
  readonly ingress: SecurityGroup;
  readonly app: SecurityGroup;

  constructor(scope: Construct, id: string, props: UnitSecurityProps) {
    super(scope, id);
    const { unitId } = props;
    const group = (key: string, name: string, description: string) =>
      new SecurityGroup(this, key, {
        vpcId: props.vpcId,
        securityGroupName: name,
        description,
        securityGroupType: 'normal',
        // Members of one tier do not talk to each other unless a rule says so.
        innerAccessPolicy: 'Drop',
      });
    this.ingress = group('ingress', props.names.ingress, `Ingress tier of unit ${unitId}: HTTPS from the internet, HTTP only to redirect`);
    this.app = group('app', props.names.app, `App tier of unit ${unitId}: from the ingress tier and the declared cross-unit flows only`);

    const allow = (sg: SecurityGroup, key: string, protocol: string, port: number, cidr: string, description: string) =>
      new SecurityGroupRule(this, key, {
        securityGroupId: sg.id,
        type: 'ingress',
        ipProtocol: protocol,
        nicType: 'intranet',
        policy: 'accept',
        portRange: `${port}/${port}`,
        cidrIp: cidr,
        priority: 1,
        description,
      });

    allow(this.ingress, 'ingress-https', 'tcp', PUBLIC_LISTENER_PORTS.https, ANYWHERE, 'HTTPS from users');
    allow(this.ingress, 'ingress-http-redirect', 'tcp', PUBLIC_LISTENER_PORTS.http, ANYWHERE, 'HTTP, answered only with a redirect to HTTPS');
    // Rule ids are keyed by zone, never by position: adding a zone must not replace existing rules.
    for (const zone of props.zones) {
      allow(this.app, `app-from-ingress-${zone}`, 'tcp', props.appPort, props.ingressCidrs[zone], `App port from the ALB in ${zone}`);
    }
    for (const flow of props.inboundFlows) {
      for (const [key, cidr] of Object.entries(flow.sourceCidrs)) {
        allow(
          this.app,
          `flow-${flow.flowKey}-${key}`,
          flow.protocol,
          flow.port,
          cidr,
          `Flow ${flow.flowKey}: ${flow.service} from the app tier of unit ${flow.fromUnitId} (${key})`,
        );
      }
    }
  }
}
