import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { UnitOutputs } from '../core/contracts';
import type { TopologyModel } from '../topology/model';
import type { RegionId } from '../topology/regions';
import { Interconnect } from './interconnect';
import { OrgReplication } from './org-replication';

export interface LinkProps {
  /** The resolved topology: its interconnect, replication jobs and units. */
  readonly model: TopologyModel;
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
    const { model } = props;
    this.interconnect = new Interconnect(this, 'interconnect', {
      orgName: model.org.name,
      model: model.interconnect,
      cenRegion: model.hub.region,
      units: model.unitsById,
      outputs: props.units,
      providerFor: props.providerFor,
    });
    this.replication = new OrgReplication(this, 'org-replication', {
      jobs: model.replication.jobs,
      units: model.units.map((u) => ({ id: u.id, region: u.region, orgDatabase: u.orgDatabase, dtsAccountName: u.names.dtsAccount })),
      outputs: props.units,
      providerFor: props.providerFor,
    });
  }
}
