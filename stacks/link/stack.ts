/**
 * The link stack: joins the units. CEN transit routers link the unit VPCs (hub to every other unit) and DTS
 * replicates the org-structure tables each unit masters, both ways between the hub and every other unit.
 * Everything is built by the `Link` construct from the topology and the unit stacks' outputs.
 */
import { TerraformOutput } from 'cdktf';
import { type Construct } from 'constructs';
import { RandomProvider } from '../../.gen/providers/random/provider';
import { Link } from '../../lib/link/link';
import { BaseStack } from '../../lib/stack-base';
import type { TopologyDeclaration } from '../../lib/topology/types';
import type { UnitOutputs } from '../../lib/unit/outputs';

export interface LinkStackProps {
  readonly topology: TopologyDeclaration;
  /** Outputs of every unit stack, keyed by unit id. */
  readonly units: Readonly<Record<string, UnitOutputs>>;
}

export const LINK_STACK_NAME = 'link';

export class LinkStack extends BaseStack {
  readonly link: Link;

  constructor(scope: Construct, props: LinkStackProps) {
    super(scope, LINK_STACK_NAME);
    const { topology } = props;
    const hub = topology.units.find((u) => u.id === topology.hub);
    if (!hub) throw new Error(`hub ${topology.hub} is not a declared unit`);
    // The hub's region is the default provider: the CEN instance and the stack's state live there.
    this.provider(hub.region);
    // Generates the DTS accounts' passwords; they stay in this stack's state.
    new RandomProvider(this, 'random');
    this.link = new Link(this, 'link', { topology, units: props.units, providerFor: (region) => this.provider(region) });

    new TerraformOutput(this, 'cen_id', { value: this.link.interconnect.cen.id, description: 'The CEN instance joining the units' });
    for (const [unitId, router] of Object.entries(this.link.interconnect.routers)) {
      new TerraformOutput(this, `transit_router_id_${unitId}`, { value: router.router.transitRouterId, description: `Transit router of unit ${unitId}` });
    }
    for (const [key, job] of Object.entries(this.link.replication.jobs)) {
      new TerraformOutput(this, `dts_job_id_${key.replace(/-/g, '_')}`, { value: job.job.id, description: `DTS org-structure replication ${key}` });
    }
  }
}
