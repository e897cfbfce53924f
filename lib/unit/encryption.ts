import { Construct } from 'constructs';
import { KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { unitNames } from '../topology/naming';
import type { UnitDeclaration } from '../topology/types';
import { PREVENT_DESTROY } from './protection';

export interface UnitEncryptionProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly tags: Readonly<Record<string, string>>;
}

/** The unit's own KMS key: encrypts its RDS, disks and buckets. A key never serves another unit. */
export class UnitEncryption extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: UnitEncryptionProps) {
    super(scope, id);
    const { unit } = props;
    this.key = new KmsKey(this, 'key', {
      description: `${unitNames(props.orgPrefix, unit.id).kmsKey.name}: data key of unit ${unit.id} (${unit.region})`,
      keyUsage: 'ENCRYPT/DECRYPT',
      keySpec: 'Aliyun_AES_256',
      protectionLevel: 'SOFTWARE',
      automaticRotation: 'Enabled',
      // Yearly rotation; old versions stay available to decrypt existing data.
      rotationInterval: '31536000s',
      deletionProtection: 'Enabled',
      deletionProtectionDescription: `Encrypts the staff data of unit ${unit.id}; deleting it makes that data unreadable.`,
      // If deletion protection is ever lifted, the longest window to notice and cancel.
      pendingWindowInDays: 30,
      status: 'Enabled',
      ...(unit.encryption?.kmsInstanceId ? { dkmsInstanceId: unit.encryption.kmsInstanceId } : {}),
      tags: { ...props.tags, unit: unit.id },
      lifecycle: PREVENT_DESTROY,
    });
  }
}
