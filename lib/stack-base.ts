/**
 * What every stack of the package shares: a state backend chosen from the declaration (a local file with a
 * project-relative path unless told otherwise, so output is byte-identical on every machine), and providers
 * bound to declared regions.
 */
import { type TerraformBackend, TerraformStack } from 'cdktf';
import { type Construct } from 'constructs';
import { AlicloudProvider } from '../.gen/providers/alicloud/provider';
import { createBackend } from './backend/backends';
import { localStatePath, type StateLocation } from './backend/state-location';
import type { RegionId } from './topology/regions';

export { localStatePath } from './backend/state-location';

export class BaseStack extends TerraformStack {
  private readonly providers = new Map<string, AlicloudProvider>();
  private state: StateLocation;
  private backend?: TerraformBackend;

  constructor(
    scope: Construct,
    readonly stackName: string,
  ) {
    super(scope, stackName);
    this.state = { kind: 'local', path: localStatePath(stackName) };
  }

  /**
   * Keeps this stack's state at `location` instead of the local file. Call it before synthesis: the backend is
   * created when cdktf first asks for it, and consumers' remote-state data sources are built from it.
   */
  useState(location: StateLocation): void {
    if (this.backend) throw new Error(`${this.stackName}: the state backend is already in use; choose it before the app is synthesized`);
    this.state = location;
  }

  /** Where this stack's state lives. */
  get stateLocation(): StateLocation {
    return this.state;
  }

  /**
   * cdktf calls this while preparing this stack and every stack that reads its outputs; building the backend here
   * (not in the constructor) lets the app choose the location after the stack is built.
   */
  override ensureBackendExists(): TerraformBackend {
    if (!this.backend) this.backend = createBackend(this, this.state);
    return this.backend;
  }

  /**
   * The alicloud provider for `region`. The first region asked for is the stack's default provider; others get
   * an alias named after the region. Credentials come from the environment (ALICLOUD_ACCESS_KEY /
   * ALICLOUD_SECRET_KEY, or an assumed role), never from code.
   */
  provider(region: RegionId): AlicloudProvider {
    let p = this.providers.get(region);
    if (!p) {
      const alias = this.providers.size === 0 ? undefined : region.replace(/-/g, '_');
      p = new AlicloudProvider(this, alias ? `alicloud-${region}` : 'alicloud', { region, alias });
      this.providers.set(region, p);
    }
    return p;
  }
}
