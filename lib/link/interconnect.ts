import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CenInstance } from '../../.gen/providers/alicloud/cen-instance';
import { sharedResourceName } from '../topology/naming';
import type { RegionId } from '../topology/regions';
import type { UnitDeclaration } from '../topology/types';
import type { UnitOutputs } from '../unit/outputs';
import { PeerLink } from './peer-link';
import { UnitTransitRouter } from './transit-router';

export interface InterconnectProps {
  readonly orgPrefix: string;
  /** Organisation name, for descriptions. */
  readonly orgName: string;
  /** Id of the hub unit: every other unit links to it. */
  readonly hubId: string;
  readonly units: readonly UnitDeclaration[];
  /** Outputs of every unit stack, keyed by unit id. */
  readonly outputs: Readonly<Record<string, UnitOutputs>>;
  /** The provider bound to a region (the hub's region first). */
  readonly providerFor: (region: RegionId) => TerraformProvider;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The VPC links between the units: one CEN instance, a transit router in every unit region with the unit VPC
 * attached, and a peer connection from the hub to every other unit. Hub-and-spoke: units other than the hub
 * reach each other through the hub's router (each VPC routes every other unit's CIDR to its own router).
 */
export class Interconnect extends Construct {
  readonly cen: CenInstance;
  readonly routers: Readonly<Record<string, UnitTransitRouter>>;
  readonly peers: Readonly<Record<string, PeerLink>>;

  constructor(scope: Construct, id: string, props: InterconnectProps) {
    super(scope, id);
    const hub = props.units.find((u) => u.id === props.hubId);
    if (!hub) throw new Error(`hub ${props.hubId} is not among the units (${props.units.map((u) => u.id).join(', ')})`);
    const outputsOf = (unit: UnitDeclaration): UnitOutputs => {
      const out = props.outputs[unit.id];
      if (!out) throw new Error(`no unit outputs for unit ${unit.id}; pass the outputs of every unit stack`);
      return out;
    };
    // CEN instances are global; the hub's provider manages it.
    this.cen = new CenInstance(this, 'cen', {
      provider: props.providerFor(hub.region),
      cenInstanceName: sharedResourceName(props.orgPrefix, 'cen'),
      description: `Links the units of ${props.orgName}`,
      tags: { ...props.tags },
    });
    const routers: Record<string, UnitTransitRouter> = {};
    for (const unit of props.units) {
      const remoteCidrs = Object.fromEntries(props.units.filter((u) => u.id !== unit.id).map((u) => [u.id, outputsOf(u).vpcCidr]));
      routers[unit.id] = new UnitTransitRouter(this, `unit-${unit.id}`, {
        orgPrefix: props.orgPrefix,
        hubId: hub.id,
        cenId: this.cen.id,
        unit,
        outputs: outputsOf(unit),
        provider: props.providerFor(unit.region),
        remoteCidrs,
        tags: props.tags,
      });
    }
    const peers: Record<string, PeerLink> = {};
    for (const unit of props.units) {
      if (unit.id === hub.id) continue;
      peers[unit.id] = new PeerLink(this, `peer-${unit.id}`, {
        orgPrefix: props.orgPrefix,
        cenId: this.cen.id,
        hub,
        hubRouter: routers[hub.id],
        unit,
        unitRouter: routers[unit.id],
        tags: props.tags,
      });
    }
    this.routers = routers;
    this.peers = peers;
  }
}
