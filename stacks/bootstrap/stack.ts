/**
 * The bootstrap stack of one region: the bucket and lock table that the `oss` state backend of every stack
 * keeping its state in this region needs. Its own state stays local (it creates the place remote state would
 * live), so it is deployed once, by hand, before the first `STATE_BACKEND=oss` deployment.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { StateStore } from '../../lib/backend/state-store';
import { addTags } from '../../lib/core/tags';
import { BaseStack } from '../../lib/core/stack-base';
import type { RegionId } from '../../lib/topology/regions';
import { tablestoreEndpoint, type StateStore as StateStoreNames } from '../../lib/topology/state';

export interface BootstrapStackProps {
  /** A region that holds state: a unit's region (the hub's also holds link and accel). */
  readonly region: RegionId;
  /** The names of the region's store (the model's `state.stores[region]`). */
  readonly store: StateStoreNames;
}

export function bootstrapStackName(region: string): string {
  return `bootstrap-${region}`;
}

export class BootstrapStack extends BaseStack {
  readonly store: StateStore;

  constructor(scope: Construct, props: BootstrapStackProps) {
    const { region, store: names } = props;
    super(scope, bootstrapStackName(region), { defaultRegion: region });
    this.store = new StateStore(this, 'state-store', { names });
    addTags(this.store, { purpose: 'terraform-state' });
    new TerraformOutput(this, 'state_bucket', { value: this.store.bucket.bucket, description: `State bucket of ${region}` });
    new TerraformOutput(this, 'tablestore_endpoint', { value: tablestoreEndpoint(names.lockInstance, region), description: `Lock endpoint of ${region}` });
    new TerraformOutput(this, 'tablestore_table', { value: this.store.lockTable.tableName, description: `Lock table of ${region}` });
  }
}
