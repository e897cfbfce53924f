import { Construct } from 'constructs';
import { CenBandwidthPackage } from '../../.gen/providers/alicloud/cen-bandwidth-package';
import { CenBandwidthPackageAttachment } from '../../.gen/providers/alicloud/cen-bandwidth-package-attachment';
import { CenTransitRouterPeerAttachment } from '../../.gen/providers/alicloud/cen-transit-router-peer-attachment';
import { CenTransitRouterRouteTableAssociation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-association';
import { CenTransitRouterRouteTablePropagation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-propagation';
import { linkNames } from '../topology/naming';
import { REGIONS, type RegionId } from '../topology/regions';
import type { UnitDeclaration, UnitLink } from '../topology/types';
import { PREVENT_DESTROY } from '../unit/protection';
import type { UnitTransitRouter } from './transit-router';

export interface PeerLinkProps {
  readonly orgPrefix: string;
  readonly cenId: string;
  readonly hub: UnitDeclaration;
  readonly hubRouter: UnitTransitRouter;
  /** The unit that links to the hub; its `link` declaration sets bandwidth and billing. */
  readonly unit: UnitDeclaration;
  readonly unitRouter: UnitTransitRouter;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Months a CEN bandwidth package is bought for, renewed automatically. CEN sells bandwidth packages by
 * subscription only; a month keeps the commitment short while the links settle.
 */
export const BANDWIDTH_PACKAGE_TERM_MONTHS = 1;

/** A connection between a mainland-China region and one outside it: billed and approved as cross-border. */
export function isCrossBorder(a: RegionId, b: RegionId): boolean {
  return REGIONS[a].mainland !== REGIONS[b].mainland;
}

/** The peer attachment's billing, derived from the link declaration (exported for tests and docs). */
export function peerBandwidthType(link: UnitLink): 'BandwidthPackage' | 'DataTransfer' {
  return link.billing === 'bandwidth-package' ? 'BandwidthPackage' : 'DataTransfer';
}

/**
 * The inter-region connection between the hub's transit router and one unit's, with bandwidth from the unit's
 * link declaration, associated with and propagated into the route tables of both routers (so each learns the
 * other's routes).
 *
 * Billing `bandwidth-package` buys a CEN bandwidth package for the two regions' geographic areas (China ↔
 * Asia-Pacific for the cross-border case, which needs an enterprise-verified account), attaches it to the CEN
 * instance and draws the connection's bandwidth from it. Billing `data-transfer` pays per GB instead.
 * A connection with no bandwidth would get 1 Kbit/s of test bandwidth; validation requires at least 2 Mbit/s.
 */
export class PeerLink extends Construct {
  readonly attachment: CenTransitRouterPeerAttachment;
  readonly bandwidthPackage?: CenBandwidthPackage;
  readonly crossBorder: boolean;

  constructor(scope: Construct, id: string, props: PeerLinkProps) {
    super(scope, id);
    const { hub, unit, hubRouter, unitRouter } = props;
    const link = unit.link;
    if (!link) throw new Error(`unit ${unit.id} has no link declaration; every unit but the hub declares one (validateTopology reports it)`);
    const names = linkNames(props.orgPrefix, hub.id, unit.id);
    const tags = { ...props.tags, unit: unit.id };
    this.crossBorder = isCrossBorder(hub.region, unit.region);

    let packageAttachment: CenBandwidthPackageAttachment | undefined;
    if (link.billing === 'bandwidth-package') {
      this.bandwidthPackage = new CenBandwidthPackage(this, 'bandwidth-package', {
        provider: hubRouter.provider,
        cenBandwidthPackageName: names.bandwidthPackage.name,
        description: `Bandwidth between ${hub.region} (unit ${hub.id}) and ${unit.region} (unit ${unit.id})${this.crossBorder ? ', cross-border' : ''}`,
        bandwidth: link.bandwidthMbps,
        geographicRegionAId: REGIONS[hub.region].cenGeographicRegion,
        geographicRegionBId: REGIONS[unit.region].cenGeographicRegion,
        paymentType: 'PrePaid',
        period: BANDWIDTH_PACKAGE_TERM_MONTHS,
        autoRenew: true,
        // Geographic regions force replacement, and a replaced subscription package keeps billing until it
        // expires: refuse plans that would destroy it.
        lifecycle: PREVENT_DESTROY,
      });
      packageAttachment = new CenBandwidthPackageAttachment(this, 'bandwidth-package-attachment', {
        provider: hubRouter.provider,
        instanceId: props.cenId,
        bandwidthPackageId: this.bandwidthPackage.id,
      });
    }

    // Created from the hub's side, so every connection of the hub is managed in the hub's region.
    this.attachment = new CenTransitRouterPeerAttachment(this, 'peer-attachment', {
      provider: hubRouter.provider,
      cenId: props.cenId,
      transitRouterId: hubRouter.router.transitRouterId,
      peerTransitRouterId: unitRouter.router.transitRouterId,
      peerTransitRouterRegionId: unit.region,
      transitRouterPeerAttachmentName: names.peerAttachment.name,
      transitRouterAttachmentDescription: `Hub ${hub.id} (${hub.region}) to unit ${unit.id} (${unit.region})`,
      bandwidth: link.bandwidthMbps,
      bandwidthType: peerBandwidthType(link),
      ...(this.bandwidthPackage ? { cenBandwidthPackageId: this.bandwidthPackage.id } : {}),
      // The package must be attached to the CEN instance before a connection can draw bandwidth from it.
      ...(packageAttachment ? { dependsOn: [packageAttachment] } : {}),
      tags,
    });

    // The same attachment id appears on both routers; each side associates it with its own route table.
    for (const [side, router] of [
      ['hub', hubRouter],
      ['unit', unitRouter],
    ] as const) {
      new CenTransitRouterRouteTableAssociation(this, `${side}-association`, {
        provider: router.provider,
        transitRouterRouteTableId: router.routeTable.transitRouterRouteTableId,
        transitRouterAttachmentId: this.attachment.transitRouterAttachmentId,
      });
      new CenTransitRouterRouteTablePropagation(this, `${side}-propagation`, {
        provider: router.provider,
        transitRouterRouteTableId: router.routeTable.transitRouterRouteTableId,
        transitRouterAttachmentId: this.attachment.transitRouterAttachmentId,
      });
    }
  }
}
