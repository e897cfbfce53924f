/**
 * Decides which values the review must never print. A value is shown as `(sensitive)` when the provider
 * schema marks the attribute sensitive, when its name says it holds secret material, or when it is derived
 * from a generated password.
 */
import type { SchemaBlock } from '../schema-check/check';
import { attributeAt } from './schema';

/** Attribute names that hold secret material whatever the schema says (a schema may miss one). */
const SECRET_NAME = /password|passwd|secret|token|private_key|key_material|credential|access_key|ssl_certificate|cert_key/i;

/** Any reference to a generated password, whichever attribute (`result`, `bcrypt_hash`) is read. */
const PASSWORD_REF = /\$\{[^}]*random_password\./;

export const SENSITIVE = '(sensitive)';

/** True when `value` at attribute path `segments` of a resource of schema `block` must not be printed. */
export function isSensitive(block: SchemaBlock | undefined, segments: readonly string[], value: unknown): boolean {
  if (segments.some((s) => SECRET_NAME.test(s))) return true;
  if (block && attributeAt(block, segments).some((a) => a.sensitive)) return true;
  return containsPasswordRef(value) || containsSecretKey(value);
}

/** A whole block or map printed at once may hold a secret under a nested key. */
function containsSecretKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsSecretKey);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => SECRET_NAME.test(k) || containsSecretKey(v));
  return false;
}

function containsPasswordRef(value: unknown): boolean {
  if (typeof value === 'string') return PASSWORD_REF.test(value);
  if (Array.isArray(value)) return value.some(containsPasswordRef);
  if (value && typeof value === 'object') return Object.values(value).some(containsPasswordRef);
  return false;
}
