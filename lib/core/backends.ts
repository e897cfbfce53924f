/** The cdktf backend of a state location. */
import { DataTerraformRemoteStateOss, LocalBackend, OssBackend, type OssBackendConfig, type TerraformBackend, type TerraformRemoteState } from 'cdktf';
import { type Construct } from 'constructs';
import type { StateLocation } from '../topology/state';

/**
 * cdktf's OssBackend, except that consumers read the producer's state of the workspace they run in, as they do
 * with the local backend: a `staging` link stack reads the `staging` units, never the default ones.
 */
export class WorkspaceOssBackend extends OssBackend {
  constructor(
    scope: Construct,
    private readonly config: OssBackendConfig,
  ) {
    super(scope, config);
  }

  override getRemoteStateDataSource(scope: Construct, name: string, _fromStack: string): TerraformRemoteState {
    return new DataTerraformRemoteStateOss(scope, name, { ...this.config, workspace: '${terraform.workspace}' });
  }
}

export function createBackend(scope: Construct, location: StateLocation): TerraformBackend {
  return location.kind === 'oss' ? new WorkspaceOssBackend(scope, location.config) : new LocalBackend(scope, { path: location.path });
}
