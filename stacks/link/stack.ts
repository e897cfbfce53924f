/**
 * The link stack: joins the units. One CEN instance, a transit router in every unit region, each unit VPC
 * attached to its region's transit router.
 */
import { Construct } from 'constructs';
import { CenInstance } from '../../.gen/providers/alicloud/cen-instance';
import { CenTransitRouter } from '../../.gen/providers/alicloud/cen-transit-router';
import { CenTransitRouterVpcAttachment } from '../../.gen/providers/alicloud/cen-transit-router-vpc-attachment';
import { BaseStack } from '../../lib/stack-base';
import { sharedResourceName, unitResourceName } from '../../lib/topology/naming';
import type { TopologyDeclaration } from '../../lib/topology/types';
import type { UnitOutputs } from '../../lib/unit/outputs';

export interface LinkStackProps {
  readonly topology: TopologyDeclaration;
  /** Outputs of every unit stack, keyed by unit id. */
  readonly units: Readonly<Record<string, UnitOutputs>>;
}

export const LINK_STACK_NAME = 'link';

export class LinkStack extends BaseStack {
  constructor(scope: Construct, props: LinkStackProps) {
    super(scope, LINK_STACK_NAME);
    const { topology } = props;
    const prefix = topology.org.prefix;
    const tags = topology.tags ?? {};
    const hub = topology.units.find((u) => u.id === topology.hub)!;
    const cen = new CenInstance(this, 'cen', {
      provider: this.provider(hub.region),
      cenInstanceName: sharedResourceName(prefix, 'cen'),
      description: `Links the units of ${topology.org.name}`,
      tags,
    });
    for (const unit of topology.units) {
      const out = props.units[unit.id];
      const provider = this.provider(unit.region);
      const tr = new CenTransitRouter(this, `tr-${unit.id}`, {
        provider,
        cenId: cen.id,
        transitRouterName: unitResourceName(prefix, unit.id, 'tr'),
        transitRouterDescription: `Transit router of unit ${unit.id} in ${unit.region}`,
        tags: { ...tags, unit: unit.id },
      });
      new CenTransitRouterVpcAttachment(this, `vpc-attachment-${unit.id}`, {
        provider,
        cenId: cen.id,
        transitRouterId: tr.transitRouterId,
        vpcId: out.vpcId,
        transitRouterVpcAttachmentName: unitResourceName(prefix, unit.id, 'vpc-attachment'),
        // Two zones at least, on the unit's dedicated link vSwitches, so the attachment survives a zone outage.
        zoneMappings: unit.zones.map((zone) => ({ zoneId: zone, vswitchId: out.vswitchIds.link[zone] })),
        tags: { ...tags, unit: unit.id },
      });
    }
  }
}
