/**
 * The access-point stack: a Global Accelerator whose access points carry users onto Alibaba's backbone and route
 * each hostname to the unit that owns its data. GA's API is served from cn-hangzhou only, so the stack's one
 * provider is bound to that region, whatever the access points' locations.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { GlobalAccess } from '../../lib/accel/global-access';
import { UnitExportsReader } from '../../lib/core/contracts';
import { BaseStack } from '../../lib/core/stack-base';
import type { TopologyModel } from '../../lib/topology/model';
import { GA_API_REGION } from '../../lib/topology/regions';

export interface AccelStackProps {
  readonly model: TopologyModel;
}

export class AccelStack extends BaseStack {
  readonly access: GlobalAccess;

  constructor(scope: Construct, props: AccelStackProps) {
    const { model } = props;
    super(scope, model.stackNames.accel, { defaultRegion: GA_API_REGION, state: model.state.locations[model.stackNames.accel] });
    // Each unit's ALB, as its stack published it in its own region (never from its state); its DNS name only where a
    // DNS record points at it (a CNAME).
    const cnameTargets = new Set(model.access.cnameUnitIds);
    const albDnsNames: Record<string, string> = {};
    const units = Object.fromEntries(
      model.units.map((unit) => {
        const read = new UnitExportsReader(this, `unit-${unit.id}`, {
          unitId: unit.id,
          names: unit.exports,
          provider: this.provider(unit.region),
          read: cnameTargets.has(unit.id) ? ['albId', 'albDnsName'] : ['albId'],
        });
        if (cnameTargets.has(unit.id)) albDnsNames[unit.id] = read.get('albDnsName');
        return [unit.id, { region: unit.region, albId: read.get('albId') }];
      }),
    );
    this.access = new GlobalAccess(this, 'access', {
      orgPrefix: model.org.prefix,
      orgName: model.org.name,
      access: model.access,
      units,
      albDnsNames,
      provider: this.defaultProvider,
      endpointGroupAlarms: model.alarms.access,
    });
    new TerraformOutput(this, 'accelerator_id', { value: this.access.accelerator.accelerator.id, description: 'Global Accelerator instance' });
    for (const [name, ipSet] of Object.entries(this.access.accelerator.ipSets)) {
      new TerraformOutput(this, `access_point_${name}_addresses`, { value: ipSet.ipAddressList, description: `Addresses of access point ${name}` });
    }
  }
}
