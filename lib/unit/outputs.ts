import type { RegionId } from '../topology/regions';
import type { TierName } from '../topology/types';

/**
 * What a unit stack hands to the stacks that join units (link) and route users to them (accel). Values are
 * Terraform references; across stacks cdktf turns them into remote-state reads of the unit's outputs.
 */
export interface UnitOutputs {
  readonly unitId: string;
  readonly region: RegionId;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** The VPC's system route table, where routes to other units are added. */
  readonly routeTableId: string;
  /** vSwitch ids by tier, then by zone id. */
  readonly vswitchIds: { readonly [T in TierName]: Readonly<Record<string, string>> };
}
