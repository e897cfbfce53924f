import { type Construct } from 'constructs';
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
