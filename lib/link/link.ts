import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { RegionId } from '../topology/regions';
import type { TopologyDeclaration } from '../topology/types';
import type { UnitOutputs } from '../unit/outputs';
import { Interconnect } from './interconnect';
import { OrgReplication } from './org-replication';

export interface LinkProps {
  /** The validated topology (`validateTopology`). */
  readonly topology: TopologyDeclaration;
  /** Outputs of every unit stack, keyed by unit id. */
  readonly units: Readonly<Record<string, UnitOutputs>>;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
}

/** Everything that joins the units: the CEN links between their VPCs and the org-structure replication. */
export class Link extends Construct {
  readonly interconnect: Interconnect;
  readonly replication: OrgReplication;

  constructor(scope: Construct, id: string, props: LinkProps) {
    super(scope, id);
    const { topology } = props;
    const tags = topology.tags ?? {};
    this.interconnect = new Interconnect(this, 'interconnect', {
      orgPrefix: topology.org.prefix,
      orgName: topology.org.name,
      hubId: topology.hub,
      units: topology.units,
      outputs: props.units,
      providerFor: props.providerFor,
      tags,
    });
    this.replication = new OrgReplication(this, 'org-replication', { topology, outputs: props.units, providerFor: props.providerFor });
  }
}
