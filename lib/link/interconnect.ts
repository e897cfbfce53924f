import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CenInstance } from '../../.gen/providers/alicloud/cen-instance';
import type { UnitOutputs } from '../core/contracts';
import type { InterconnectModel } from '../topology/model';
import type { RegionId } from '../topology/regions';
import { PeerLink } from './peer-link';
import { UnitTransitRouter } from './transit-router';

/** What the interconnect needs of a unit besides its outputs. */
export interface InterconnectUnit {
  readonly id: string;
  readonly region: RegionId;
  readonly zones: readonly string[];
}

export interface InterconnectProps {
  /** Organisation name, for descriptions. */
  readonly orgName: string;
  /** The interconnect in the model: the CEN, each unit's transit router and routes, the peerings. */
  readonly model: InterconnectModel;
  /** The region whose provider manages the (global) CEN instance: the hub's. */
  readonly cenRegion: RegionId;
  /** The units, by id. */
  readonly units: Readonly<Record<string, InterconnectUnit>>;
  /** Outputs of every unit stack, keyed by unit id. */
  readonly outputs: Readonly<Record<string, UnitOutputs>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
}

/**
 * The VPC links between the units: one CEN instance, a transit router in every unit region with the unit VPC
 * attached, and the peer connections of the model. Hub-and-spoke: units other than the hub reach each other
 * through the hub's router (each VPC routes every other unit's CIDR to its own router).
 */
export class Interconnect extends Construct {
  readonly cen: CenInstance;
  readonly routers: Readonly<Record<string, UnitTransitRouter>>;
  readonly peers: Readonly<Record<string, PeerLink>>;

  constructor(scope: Construct, id: string, props: InterconnectProps) {
    super(scope, id);
    const { model } = props;
    const outputsOf = (unitId: string): UnitOutputs => {
      const out = props.outputs[unitId];
      if (!out) throw new Error(`no unit outputs for unit ${unitId}; pass the outputs of every unit stack`);
      return out;
    };
    // CEN instances are global; the hub's provider manages it.
    this.cen = new CenInstance(this, 'cen', {
      provider: props.providerFor(props.cenRegion),
      cenInstanceName: model.cenName,
      description: `Links the units of ${props.orgName}`,
    });
    const routers: Record<string, UnitTransitRouter> = {};
    for (const router of model.routers) {
      const unit = props.units[router.unitId];
      routers[router.unitId] = new UnitTransitRouter(this, `unit-${router.unitId}`, {
        cenId: this.cen.id,
        router,
        region: unit.region,
        zones: unit.zones,
        outputs: outputsOf(router.unitId),
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
      });
    }
    this.routers = routers;
    this.peers = peers;
  }
}
