/**
 * The access-point stack: a Global Accelerator whose access points carry users onto Alibaba's backbone.
 * GA's API is served from cn-hangzhou only, so every GA resource uses a provider bound to that region,
 * whatever the access point's location.
 */
import { Construct } from 'constructs';
import { GaAccelerator } from '../../.gen/providers/alicloud/ga-accelerator';
import { GaIpSet } from '../../.gen/providers/alicloud/ga-ip-set';
import { BaseStack } from '../../lib/stack-base';
import { PREVENT_DESTROY } from '../../lib/unit/protection';
import { GA_API_REGION } from '../../lib/topology/regions';
import { sharedResourceName } from '../../lib/topology/naming';
import type { TopologyDeclaration } from '../../lib/topology/types';
import type { UnitOutputs } from '../../lib/unit/outputs';

export interface AccelStackProps {
  readonly topology: TopologyDeclaration;
  readonly units: Readonly<Record<string, UnitOutputs>>;
}

export const ACCEL_STACK_NAME = 'accel';

/** Default acceleration region of an access point that names none. */
export const DEFAULT_ACCESS_POINT_REGION = 'ap-southeast-1';

export class AccelStack extends BaseStack {
  constructor(scope: Construct, props: AccelStackProps) {
    super(scope, ACCEL_STACK_NAME);
    const { topology } = props;
    const access = topology.access;
    const provider = this.provider(GA_API_REGION);
    const cdt = access.crossBorder?.billing === 'cdt';
    const accelerator = new GaAccelerator(this, 'accelerator', {
      provider,
      acceleratorName: sharedResourceName(topology.org.prefix, 'ga'),
      description: `Access points of ${topology.org.name}`,
      paymentType: 'PayAsYouGo',
      bandwidthBillingType: cdt ? 'CDT' : 'BandwidthPackage',
      ...(cdt ? { crossBorderStatus: true } : {}),
      ...(access.crossBorder?.billing === 'cdt' && access.crossBorder.mode ? { crossBorderMode: access.crossBorder.mode } : {}),
      tags: topology.tags ?? {},
      lifecycle: PREVENT_DESTROY,
    });
    for (const [name, ap] of Object.entries(access.accessPoints)) {
      new GaIpSet(this, `ip-set-${name}`, {
        provider,
        acceleratorId: accelerator.id,
        accelerateRegionId: ap.region ?? DEFAULT_ACCESS_POINT_REGION,
        bandwidth: ap.bandwidthMbps,
        ipVersion: 'IPv4',
      });
    }
  }
}
