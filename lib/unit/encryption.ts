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

export interface ProtectedKeyProps {
  readonly description: string;
  /** What deleting the key would make unreadable, shown on the deletion-protection setting. */
  readonly protects: string;
  /** A dedicated KMS instance, where the account's KMS requires one for new keys. */
  readonly kmsInstanceId?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A symmetric data key that rotates yearly (old versions stay available to decrypt existing data), refuses
 * deletion, and would wait the longest window (30 days) before deletion if protection were ever lifted.
 */
export function protectedKey(scope: Construct, id: string, props: ProtectedKeyProps): KmsKey {
  return new KmsKey(scope, id, {
    description: props.description,
    keyUsage: 'ENCRYPT/DECRYPT',
    keySpec: 'Aliyun_AES_256',
    protectionLevel: 'SOFTWARE',
    automaticRotation: 'Enabled',
    rotationInterval: '31536000s',
    deletionProtection: 'Enabled',
    deletionProtectionDescription: props.protects,
    pendingWindowInDays: 30,
    status: 'Enabled',
    ...(props.kmsInstanceId ? { dkmsInstanceId: props.kmsInstanceId } : {}),
    tags: { ...props.tags },
    lifecycle: PREVENT_DESTROY,
  });
}

/** The unit's own KMS key: encrypts its RDS, disks and buckets. A key never serves another unit. */
export class UnitEncryption extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: UnitEncryptionProps) {
    super(scope, id);
    const { unit } = props;
    this.key = protectedKey(this, 'key', {
      description: `${unitNames(props.orgPrefix, unit.id).kmsKey.name}: data key of unit ${unit.id} (${unit.region})`,
      protects: `Encrypts the staff data of unit ${unit.id}; deleting it makes that data unreadable.`,
      kmsInstanceId: unit.encryption?.kmsInstanceId,
      tags: { ...props.tags, unit: unit.id },
    });
  }
}
