/**
 * The access-point stack: a Global Accelerator whose access points carry users onto Alibaba's backbone and route
 * each hostname to the unit that owns its data. GA's API is served from cn-hangzhou only, so the stack's one
 * provider is bound to that region, whatever the access points' locations.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { GlobalAccess } from '../../lib/accel/global-access';
import type { UnitOutputs } from '../../lib/core/contracts';
import { BaseStack } from '../../lib/core/stack-base';
import type { TopologyModel } from '../../lib/topology/model';
import { GA_API_REGION } from '../../lib/topology/regions';

export interface AccelStackProps {
  readonly model: TopologyModel;
  readonly units: Readonly<Record<string, UnitOutputs>>;
}

export class AccelStack extends BaseStack {
  readonly access: GlobalAccess;

  constructor(scope: Construct, props: AccelStackProps) {
    const { model } = props;
    super(scope, model.stackNames.accel, { defaultRegion: GA_API_REGION, state: model.state.locations[model.stackNames.accel] });
    this.access = new GlobalAccess(this, 'access', {
      orgPrefix: model.org.prefix,
      orgName: model.org.name,
      access: model.access,
      units: props.units,
      provider: this.defaultProvider,
    });
    new TerraformOutput(this, 'accelerator_id', { value: this.access.accelerator.accelerator.id, description: 'Global Accelerator instance' });
    for (const [name, ipSet] of Object.entries(this.access.accelerator.ipSets)) {
      new TerraformOutput(this, `access_point_${name}_addresses`, { value: ipSet.ipAddressList, description: `Addresses of access point ${name}` });
    }
  }
}
