/**
 * The bootstrap stack of one region: the bucket and lock table that the `oss` state backend of every stack
 * keeping its state in this region needs. Its own state stays local (it creates the place remote state would
 * live), so it is deployed once, by hand, before the first `STATE_BACKEND=oss` deployment.
 */
import { TerraformOutput } from 'cdktf';
import { type Construct } from 'constructs';
import { stateStore, tablestoreEndpoint } from '../../lib/backend/state-location';
import { StateStore } from '../../lib/backend/state-store';
import { BaseStack } from '../../lib/stack-base';
import type { RegionId } from '../../lib/topology/regions';
import type { TopologyDeclaration } from '../../lib/topology/types';

export interface BootstrapStackProps {
  readonly topology: TopologyDeclaration;
  /** A region that holds state: a unit's region (the hub's also holds link and accel). */
  readonly region: RegionId;
}

export function bootstrapStackName(region: string): string {
  return `bootstrap-${region}`;
}

export class BootstrapStack extends BaseStack {
  readonly store: StateStore;

  constructor(scope: Construct, props: BootstrapStackProps) {
    super(scope, bootstrapStackName(props.region));
    const { topology, region } = props;
    this.provider(region);
    const names = stateStore(topology, region);
    this.store = new StateStore(this, 'state-store', { names, tags: topology.tags ?? {} });
    new TerraformOutput(this, 'state_bucket', { value: this.store.bucket.bucket, description: `State bucket of ${region}` });
    new TerraformOutput(this, 'tablestore_endpoint', { value: tablestoreEndpoint(names.lockInstance, region), description: `Lock endpoint of ${region}` });
    new TerraformOutput(this, 'tablestore_table', { value: this.store.lockTable.tableName, description: `Lock table of ${region}` });
  }
}
