import type { Construct } from 'constructs';
import { OosSecretParameter } from '../../.gen/providers/alicloud/oos-secret-parameter';
import { Password } from '../../.gen/providers/random/password';

/**
 * A generated database or cache password: 32 characters with at least two of each class, specials only from
 * the short list both RDS and Redis accept (RDS takes `!@#$%^&*()_+-=`; `$` is left out so nothing that copies
 * the value into a shell or a template can mistake it for an expansion). The value lives only in Terraform
 * state, as a sensitive attribute; no code or log holds it.
 */
export function generatedPassword(scope: Construct, id: string): Password {
  return new Password(scope, id, {
    length: 32,
    special: true,
    overrideSpecial: '!@#%^&*()_+-=',
    minLower: 2,
    minUpper: 2,
    minNumeric: 2,
    minSpecial: 2,
  });
}

export interface SecretParameterProps {
  readonly name: string;
  readonly value: string;
  /** The KMS key that encrypts it (the unit's own). */
  readonly kmsKeyId: string;
  readonly description: string;
}

/** A KMS-encrypted OOS secret parameter in the stack's region: how a secret reaches the one reader that needs it. */
export function secretParameter(scope: Construct, id: string, props: SecretParameterProps): OosSecretParameter {
  return new OosSecretParameter(scope, id, {
    secretParameterName: props.name,
    type: 'Secret',
    value: props.value,
    keyId: props.kmsKeyId,
    description: props.description,
  });
}
