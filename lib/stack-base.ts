/**
 * What every stack of the package shares: a local state backend with a project-relative path (so output is
 * byte-identical on every machine), and providers bound to declared regions.
 */
import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlicloudProvider } from '../.gen/providers/alicloud/provider';
import type { RegionId } from './topology/regions';

/**
 * Local state lives in the project root, next to cdktf.json. Terraform runs in cdktf.out/stacks/<stack>/,
 * three levels down; a relative path keeps the checkout's absolute path out of the synthesized JSON, and the
 * same path is what consumers' remote-state data sources read.
 */
export function localStatePath(stackName: string): string {
  return `../../../terraform.${stackName}.tfstate`;
}

export class BaseStack extends TerraformStack {
  private readonly providers = new Map<string, AlicloudProvider>();

  constructor(scope: Construct, readonly stackName: string) {
    super(scope, stackName);
    new LocalBackend(this, { path: localStatePath(stackName) });
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
