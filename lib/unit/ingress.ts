import { Construct } from 'constructs';
import { AlbLoadBalancer } from '../../.gen/providers/alicloud/alb-load-balancer';
import { unitNames } from '../topology/naming';
import type { UnitDeclaration } from '../topology/types';

export interface UnitIngressProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly vpcId: string;
  /** Ingress-tier vSwitch ids by zone. */
  readonly ingressVswitchIds: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

/** The unit's internet-facing ALB, across every zone of the unit, with deletion protection. */
export class UnitIngress extends Construct {
  readonly loadBalancer: AlbLoadBalancer;

  constructor(scope: Construct, id: string, props: UnitIngressProps) {
    super(scope, id);
    const { unit } = props;
    this.loadBalancer = new AlbLoadBalancer(this, 'alb', {
      loadBalancerName: unitNames(props.orgPrefix, unit.id).alb.name,
      loadBalancerEdition: 'Standard',
      addressType: 'Internet',
      addressAllocatedMode: 'Fixed',
      vpcId: props.vpcId,
      loadBalancerBillingConfig: { payType: 'PayAsYouGo' },
      deletionProtectionEnabled: true,
      zoneMappings: unit.zones.map((zone) => ({ zoneId: zone, vswitchId: props.ingressVswitchIds[zone] })),
      tags: { ...props.tags, unit: unit.id },
    });
  }
}
