import type { Construct } from 'constructs';
import { KmsKey } from '../../.gen/providers/alicloud/kms-key';
import { PREVENT_DESTROY } from './protection';

export interface ProtectedKeyProps {
  readonly description: string;
  /** What deleting the key would make unreadable, shown on the deletion-protection setting. */
  readonly protects: string;
  /** A dedicated KMS instance, where the account's KMS requires one for new keys. */
  readonly kmsInstanceId?: string;
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
    lifecycle: PREVENT_DESTROY,
  });
}
