import { Construct } from 'constructs';
import { SecurityGroup } from '../../.gen/providers/alicloud/security-group';
import { SecurityGroupRule } from '../../.gen/providers/alicloud/security-group-rule';

export interface UnitSecurityProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  readonly vpcId: string;
  readonly names: { readonly ingress: string; readonly app: string; readonly data: string };
  /** The unit's zones, in order: rules are keyed by zone. */
  readonly zones: readonly string[];
  /** Ingress-tier (ALB) and app-tier vSwitch CIDRs by zone. */
  readonly ingressCidrs: Readonly<Record<string, string>>;
  readonly appCidrs: Readonly<Record<string, string>>;
  /** Port the app instances listen on, behind the ALB. */
  readonly appPort: number;
  /** Ports the data tier serves on. */
  readonly dataPorts: { readonly mysql: number; readonly redis: number };
  /**
   * Ranges of the other units that reach this unit's database over CEN (DTS replication of org tables): their
   * link-tier vSwitch CIDRs, keyed by `<unit>-<zone>`.
   */
  readonly peerLinkCidrs: Readonly<Record<string, string>>;
}

/** The only ports open to the internet: the ALB's HTTPS listener and the HTTP listener that only redirects. */
export const PUBLIC_LISTENER_PORTS = { https: 443, http: 80 } as const;
const ANYWHERE = '0.0.0.0/0';

/**
 * One security group per tier, each admitting only what the next tier in front of it needs:
 * internet → ingress (443, 80 to redirect) → app (app port from the ingress vSwitches, where the ALB's
 * addresses live) → data (MySQL and Redis from the app vSwitches; MySQL also from the other units' link ranges
 * for DTS). Egress is not restricted here: outbound traffic of private tiers leaves through the NAT gateway.
 */
export class UnitSecurity extends Construct {
  readonly ingress: SecurityGroup;
  readonly app: SecurityGroup;
  readonly data: SecurityGroup;

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
    this.app = group('app', props.names.app, `App tier of unit ${unitId}: only from the ingress tier`);
    this.data = group('data', props.names.data, `Data tier of unit ${unitId}: only from the app tier and the DTS link ranges`);

    const allow = (sg: SecurityGroup, key: string, port: number, cidr: string, description: string) =>
      new SecurityGroupRule(this, key, {
        securityGroupId: sg.id,
        type: 'ingress',
        ipProtocol: 'tcp',
        nicType: 'intranet',
        policy: 'accept',
        portRange: `${port}/${port}`,
        cidrIp: cidr,
        priority: 1,
        description,
      });

    allow(this.ingress, 'ingress-https', PUBLIC_LISTENER_PORTS.https, ANYWHERE, 'HTTPS from users');
    allow(this.ingress, 'ingress-http-redirect', PUBLIC_LISTENER_PORTS.http, ANYWHERE, 'HTTP, answered only with a redirect to HTTPS');
    // Rule ids are keyed by zone, never by position: adding a zone must not replace existing rules.
    for (const zone of props.zones) {
      allow(this.app, `app-from-ingress-${zone}`, props.appPort, props.ingressCidrs[zone], `App port from the ALB in ${zone}`);
      allow(this.data, `mysql-from-app-${zone}`, props.dataPorts.mysql, props.appCidrs[zone], `MySQL from the app tier in ${zone}`);
      allow(this.data, `redis-from-app-${zone}`, props.dataPorts.redis, props.appCidrs[zone], `Redis from the app tier in ${zone}`);
    }
    for (const [key, cidr] of Object.entries(props.peerLinkCidrs)) {
      allow(this.data, `mysql-from-link-${key}`, props.dataPorts.mysql, cidr, `MySQL from DTS over CEN (link range of ${key})`);
    }
  }
}
