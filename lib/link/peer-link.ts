import { Construct } from 'constructs';
import { CenBandwidthPackage } from '../../.gen/providers/alicloud/cen-bandwidth-package';
import { CenBandwidthPackageAttachment } from '../../.gen/providers/alicloud/cen-bandwidth-package-attachment';
import { CenTransitRouterPeerAttachment } from '../../.gen/providers/alicloud/cen-transit-router-peer-attachment';
import { CenTransitRouterRouteTableAssociation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-association';
import { CenTransitRouterRouteTablePropagation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-propagation';
import { metricAlarm } from '../core/alarms';
import { PREVENT_DESTROY } from '../core/protection';
import { addTags } from '../core/tags';
import type { AlarmModel } from '../topology/alarms';
import type { PeerModel } from '../topology/flows';
import type { UnitTransitRouter } from './transit-router';

export interface PeerLinkProps {
  readonly cenId: string;
  /** The peering in the model: its two ends, bandwidth, billing and names. */
  readonly peer: PeerModel;
  /** The transit routers of the near end (where the connection is created) and of the far end. */
  readonly nearRouter: UnitTransitRouter;
  readonly farRouter: UnitTransitRouter;
  /**
   * The connection's bandwidth-use alarms, one per direction (the model's `alarms.interconnect[<peer>]`), paging both
   * units: the flows' declared peaks no longer fit the bandwidth.
   */
  readonly bandwidthAlarms: readonly AlarmModel[];
}

/**
 * Months a CEN bandwidth package is bought for, renewed automatically. CEN sells bandwidth packages by
 * subscription only; a month keeps the commitment short while the links settle.
 */
export const BANDWIDTH_PACKAGE_TERM_MONTHS = 1;

/** The peer attachment's billing, derived from the peering's billing (exported for tests and docs). */
export function peerBandwidthType(billing: PeerModel['billing']): 'BandwidthPackage' | 'DataTransfer' {
  return billing === 'bandwidth-package' ? 'BandwidthPackage' : 'DataTransfer';
}

/**
 * The inter-region connection between two units' transit routers, for the flows declared between them: bandwidth
 * sized to the larger direction's flows, associated with and propagated into the route tables of both routers (so
 * each learns the other's routes).
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
    const { peer, nearRouter: hubRouter, farRouter: unitRouter } = props;
    const { near: hub, far: unit, names } = peer;
    addTags(this, { unit: unit.unitId });
    this.crossBorder = peer.crossBorder;

    let packageAttachment: CenBandwidthPackageAttachment | undefined;
    if (peer.billing === 'bandwidth-package') {
      this.bandwidthPackage = new CenBandwidthPackage(this, 'bandwidth-package', {
        provider: hubRouter.provider,
        cenBandwidthPackageName: names.bandwidthPackage,
        description: `Bandwidth between ${hub.region} (unit ${hub.unitId}) and ${unit.region} (unit ${unit.unitId})${this.crossBorder ? ', cross-border' : ''}`,
        bandwidth: peer.bandwidthMbps,
        geographicRegionAId: hub.cenGeographicRegion,
        geographicRegionBId: unit.cenGeographicRegion,
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
      transitRouterPeerAttachmentName: names.peerAttachment,
      transitRouterAttachmentDescription: `Unit ${hub.unitId} (${hub.region}) to unit ${unit.unitId} (${unit.region}): ${peer.flowKeys.join(', ')}`,
      bandwidth: peer.bandwidthMbps,
      bandwidthType: peerBandwidthType(peer.billing),
      ...(this.bandwidthPackage ? { cenBandwidthPackageId: this.bandwidthPackage.id } : {}),
      // The package must be attached to the CEN instance before a connection can draw bandwidth from it.
      ...(packageAttachment ? { dependsOn: [packageAttachment] } : {}),
    });

    // CloudMonitor's inter-region metrics are account-level, keyed by CEN id and region pair; the hub's provider manages
    // the alarms with the rest of the connection.
    for (const alarm of props.bandwidthAlarms) {
      metricAlarm(this, `bandwidth-alarm-${alarm.key}`, { alarm, dimensions: { cenId: props.cenId }, provider: hubRouter.provider });
    }

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
