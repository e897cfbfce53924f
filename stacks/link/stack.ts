/**
 * The link stack: joins the units. CEN transit routers link the VPCs of units with declared flows between them, and
 * DTS replicates the org-structure columns each unit masters, both ways between the hub and every other unit (the hub
 * relays). Everything is built by the `Link` construct from the model and what the unit stacks published.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { BaseStack } from '../../lib/core/stack-base';
import { Link } from '../../lib/link/link';
import type { TopologyModel } from '../../lib/topology/model';

export interface LinkStackProps {
  readonly model: TopologyModel;
}

export class LinkStack extends BaseStack {
  readonly link: Link;

  constructor(scope: Construct, props: LinkStackProps) {
    const { model } = props;
    // The hub's region is the default provider: the CEN instance and the stack's state live there.
    super(scope, model.stackNames.link, { defaultRegion: model.hub.region, state: model.state.locations[model.stackNames.link] });
    this.link = new Link(this, 'link', { model, providerFor: (region) => this.provider(region) });

    new TerraformOutput(this, 'cen_id', { value: this.link.interconnect.cen.id, description: 'The CEN instance joining the units' });
    for (const [unitId, router] of Object.entries(this.link.interconnect.routers)) {
      new TerraformOutput(this, `transit_router_id_${unitId}`, { value: router.router.transitRouterId, description: `Transit router of unit ${unitId}` });
    }
    for (const [key, job] of Object.entries(this.link.replication.jobs)) {
      new TerraformOutput(this, `dts_job_id_${key.replace(/-/g, '_')}`, { value: job.job.id, description: `DTS org-structure replication ${key}` });
    }
  }
}
