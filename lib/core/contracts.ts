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
  /** The unit's internet-facing ALB. */
  readonly albId: string;
  readonly albDnsName: string;
  /** The unit's RDS MySQL instance (DTS endpoints, DTS accounts). */
  readonly rdsInstanceId: string;
  readonly rdsConnectionHost: string;
  readonly rdsPort: string;
  /** Name of the database holding the org tables this unit masters. */
  readonly orgDatabaseName: string;
  /** The unit's KMS key. */
  readonly kmsKeyId: string;
  /**
   * Security groups per tier. The `Unit` construct always sets the fields below; they are optional only so
   * hand-built fixtures of the first contract stay valid.
   */
  readonly securityGroupIds?: { readonly ingress: string; readonly app: string; readonly data: string };
  /** The unit's Redis instance. */
  readonly redisInstanceId?: string;
  /** The unit's log project (in the unit's region): where its audit, flow and access logs go. */
  readonly logProjectName?: string;
}
