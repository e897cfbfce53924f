import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { resolveAccess, type ResolvedAccess } from '../topology/access';
import type { TopologyDeclaration } from '../topology/types';
import type { UnitOutputs } from '../unit/outputs';
import { GlobalAccelerator } from './accelerator';
import { AccessDns } from './dns';
import { AccessRouting } from './routing';

export interface GlobalAccessProps {
  /** The validated topology; only `org`, `access` and `tags` are read. */
  readonly topology: TopologyDeclaration;
  /** Outputs of the unit stacks, by unit id. */
  readonly units: Readonly<Record<string, UnitOutputs>>;
  /** Provider bound to GA_API_REGION: GA's API exists only in cn-hangzhou, whatever the access points' locations. */
  readonly provider: TerraformProvider;
}

/**
 * The access point: a Global Accelerator whose access points carry users onto Alibaba's backbone, routes each
 * hostname to the unit that owns its data, and the DNS records that send users to it.
 */
export class GlobalAccess extends Construct {
  readonly settings: ResolvedAccess;
  readonly accelerator: GlobalAccelerator;
  readonly routing: AccessRouting;
  readonly dns: AccessDns;

  constructor(scope: Construct, id: string, props: GlobalAccessProps) {
    super(scope, id);
    const { topology, provider } = props;
    const tags = topology.tags ?? {};
    this.settings = resolveAccess(topology);
    this.accelerator = new GlobalAccelerator(this, 'accelerator', {
      orgPrefix: topology.org.prefix,
      orgName: topology.org.name,
      access: this.settings,
      provider,
      tags,
    });
    this.routing = new AccessRouting(this, 'routing', {
      orgPrefix: topology.org.prefix,
      access: this.settings,
      units: props.units,
      acceleratorId: this.accelerator.accelerator.id,
      dependsOn: this.accelerator.bandwidthReady,
      provider,
      tags,
    });
    this.dns = new AccessDns(this, 'dns', { access: this.settings, ipSets: this.accelerator.ipSets, provider });
  }
}
