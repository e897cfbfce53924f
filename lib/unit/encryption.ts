import { Construct } from 'constructs';
import { DataAlicloudKmsInstances } from '../../.gen/providers/alicloud/data-alicloud-kms-instances';
import type { KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { protectedKey } from '../core/keys';

export interface UnitEncryptionProps {
  readonly unitId: string;
  readonly region: string;
  /** The key's name, shown in its description (KMS keys have no name attribute). */
  readonly keyName: string;
  /**
   * A dedicated KMS instance, where the account's KMS requires one for new keys.
   * @default - no instance: a KMS default key
   */
  readonly kmsInstanceId?: string;
  /** The declaration field of the instance id, for the plan-time check's message. */
  readonly kmsInstanceField: string;
}

/** The unit's own KMS key: encrypts its RDS, disks and buckets. A key never serves another unit. */
export class UnitEncryption extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: UnitEncryptionProps) {
    super(scope, id);
    const { unitId } = props;
    if (props.kmsInstanceId) {
      // dkms_instance_id forces a new key (alicloud/resource_alicloud_kms_key.go:50-55): the instance must be right at
      // the first apply. The lookup returns an empty list when no instance matches (data_source_alicloud_kms_instances.go:111-137).
      new DataAlicloudKmsInstances(this, 'kms-instance', {
        ids: [props.kmsInstanceId],
        lifecycle: {
          postcondition: [
            {
              condition: `\${contains(self.ids, "${props.kmsInstanceId}")}`,
              errorMessage: `${props.kmsInstanceField}: KMS instance ${props.kmsInstanceId} does not exist in ${props.region} for this account; buy it there and give its id, or declare keyStore: "default-key" (decide before the first deploy: the key cannot move later)`,
            },
          ],
        },
      });
    }
    this.key = protectedKey(this, 'key', {
      description: `${props.keyName}: data key of unit ${unitId} (${props.region})`,
      protects: `Encrypts the staff data of unit ${unitId}; deleting it makes that data unreadable.`,
      kmsInstanceId: props.kmsInstanceId,
    });
  }
}
