import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CenInstance } from '../../.gen/providers/alicloud/cen-instance';
import type { AlarmModel } from '../topology/alarms';
import type { InterconnectModel } from '../topology/flows';
import type { RegionId } from '../topology/regions';
import { PeerLink } from './peer-link';
import { UnitTransitRouter } from './transit-router';

/** What the interconnect needs of a unit: where it is, and what its stack published. */
export interface InterconnectUnit {
  readonly region: RegionId;
  readonly zones: readonly string[];
  /** The declaration field of the zones, for the transit-router zone check's messages. */
  readonly zonesField: string;
  readonly vpcId: string;
  readonly routeTableId: string;
  readonly linkVswitchIds: Readonly<Record<string, string>>;
}

export interface InterconnectProps {
  /** Organisation name, for descriptions. */
  readonly orgName: string;
  /** The interconnect in the model: the CEN, the transit router and routes of each unit with flows, the peerings. */
  readonly model: InterconnectModel;
  /** The region whose provider manages the (global) CEN instance: the hub's. */
  readonly cenRegion: RegionId;
  /** The units with a transit router, by id. */
  readonly units: Readonly<Record<string, InterconnectUnit>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
  /** Each peering's bandwidth alarms (both directions), by peering key (the model's `alarms.interconnect`). */
  readonly bandwidthAlarms: Readonly<Record<string, readonly AlarmModel[]>>;
}

/**
 * The VPC links the declared flows need, and no others: one CEN instance, a transit router in the region of each
 * unit that has a flow, with the unit VPC attached, a peer connection per pair of units with flows between them, and
 * routes from each such unit to its partners' app tiers. Units with no flow between them get no peering and no
 * route (docs/link.md).
 */
export class Interconnect extends Construct {
  readonly cen: CenInstance;
  readonly routers: Readonly<Record<string, UnitTransitRouter>>;
  readonly peers: Readonly<Record<string, PeerLink>>;

  constructor(scope: Construct, id: string, props: InterconnectProps) {
    super(scope, id);
    const { model } = props;
    // CEN instances are global; the hub's provider manages it.
    this.cen = new CenInstance(this, 'cen', {
      provider: props.providerFor(props.cenRegion),
      cenInstanceName: model.cenName,
      description: `Links the units of ${props.orgName}`,
    });
    const routers: Record<string, UnitTransitRouter> = {};
    for (const router of model.routers) {
      const unit = props.units[router.unitId];
      if (!unit) throw new Error(`Interconnect: no published values for unit ${router.unitId}; read every unit with a transit router`);
      routers[router.unitId] = new UnitTransitRouter(this, `unit-${router.unitId}`, {
        cenId: this.cen.id,
        router,
        region: unit.region,
        zones: unit.zones,
        zonesField: unit.zonesField,
        unit,
        provider: props.providerFor(unit.region),
      });
    }
    const peers: Record<string, PeerLink> = {};
    for (const peer of model.peers) {
      peers[peer.key] = new PeerLink(this, `peer-${peer.key}`, {
        cenId: this.cen.id,
        peer,
        nearRouter: routers[peer.near.unitId],
        farRouter: routers[peer.far.unitId],
        bandwidthAlarms: props.bandwidthAlarms[peer.key] ?? [],
      });
    }
    this.routers = routers;
    this.peers = peers;
  }
}
