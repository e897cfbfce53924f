/**
 * The access-point stack: a Global Accelerator whose access points carry users onto Alibaba's backbone and route
 * each hostname to the unit that owns its data. GA's API is served from cn-hangzhou only, so the stack's one
 * provider is bound to that region, whatever the access points' locations.
 */
import { TerraformOutput } from 'cdktf';
import { type Construct } from 'constructs';
import { GlobalAccess } from '../../lib/accel/global-access';
import { BaseStack } from '../../lib/stack-base';
import { GA_API_REGION } from '../../lib/topology/regions';
import type { TopologyDeclaration } from '../../lib/topology/types';
import type { UnitOutputs } from '../../lib/unit/outputs';

export interface AccelStackProps {
  readonly topology: TopologyDeclaration;
  readonly units: Readonly<Record<string, UnitOutputs>>;
}

export const ACCEL_STACK_NAME = 'accel';

export class AccelStack extends BaseStack {
  readonly access: GlobalAccess;

  constructor(scope: Construct, props: AccelStackProps) {
    super(scope, ACCEL_STACK_NAME);
    this.access = new GlobalAccess(this, 'access', { topology: props.topology, units: props.units, provider: this.provider(GA_API_REGION) });
    new TerraformOutput(this, 'accelerator_id', { value: this.access.accelerator.accelerator.id, description: 'Global Accelerator instance' });
    for (const [name, ipSet] of Object.entries(this.access.accelerator.ipSets)) {
      new TerraformOutput(this, `access_point_${name}_addresses`, { value: ipSet.ipAddressList, description: `Addresses of access point ${name}` });
    }
  }
}
