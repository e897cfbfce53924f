/**
 * What every stack of the package shares: a state backend from the model (a local file with a project-relative
 * path unless the backend is remote, so output is byte-identical on every machine), and alicloud providers bound to
 * declared regions: one default provider in the stack's own region, named explicitly, and an alias per other region.
 */
import { TerraformStack, type TerraformBackend } from 'cdktf';
import type { Construct } from 'constructs';
import { AlicloudProvider } from '../../.gen/providers/alicloud/provider';
import { createBackend } from './backends';
import { localStatePath, type StateLocation } from '../topology/state';
import { applyTagging } from './tags';
import type { RegionId } from '../topology/regions';

export { localStatePath } from '../topology/state';

export interface BaseStackProps {
  /** The region of the stack's default provider: resources that name no provider are created there. */
  readonly defaultRegion: RegionId;
  /**
   * Where the stack's state lives.
   * @default - a local file in the project root (`terraform.<stack>.tfstate`)
   */
  readonly state?: StateLocation;
}

export class BaseStack extends TerraformStack {
  readonly defaultRegion: RegionId;
  private readonly providers = new Map<string, AlicloudProvider>();
  private state: StateLocation;
  private backend?: TerraformBackend;

  constructor(
    scope: Construct,
    readonly stackName: string,
    props: BaseStackProps,
  ) {
    super(scope, stackName);
    this.defaultRegion = props.defaultRegion;
    this.state = props.state ?? { kind: 'local', path: localStatePath(stackName) };
    // cdktf invokes aspects from each stack down, so the tagging aspect is the stack's (tags.ts).
    applyTagging(this);
    // Credentials come from the environment (ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY, or an assumed role), never
    // from code.
    this.providers.set(props.defaultRegion, new AlicloudProvider(this, 'alicloud', { region: props.defaultRegion }));
  }

  /**
   * Keeps this stack's state at `location`. Call it before synthesis: the backend is created when cdktf first asks
   * for it.
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

  /** The stack's default provider (in `defaultRegion`). */
  get defaultProvider(): AlicloudProvider {
    return this.providers.get(this.defaultRegion)!;
  }

  /** The alicloud provider for `region`: the default provider in the stack's region, else an alias named after the region. */
  provider(region: RegionId): AlicloudProvider {
    let p = this.providers.get(region);
    if (!p) {
      const alias = region.replace(/-/g, '_');
      p = new AlicloudProvider(this, `alicloud-${region}`, { region, alias });
      this.providers.set(region, p);
    }
    return p;
  }
}
