import { Construct } from 'constructs';
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
}

/** The unit's own KMS key: encrypts its RDS, disks and buckets. A key never serves another unit. */
export class UnitEncryption extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: UnitEncryptionProps) {
    super(scope, id);
    const { unitId } = props;
    this.key = protectedKey(this, 'key', {
      description: `${props.keyName}: data key of unit ${unitId} (${props.region})`,
      protects: `Encrypts the staff data of unit ${unitId}; deleting it makes that data unreadable.`,
      kmsInstanceId: props.kmsInstanceId,
    });
  }
}
