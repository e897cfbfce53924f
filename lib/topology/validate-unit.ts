/**
 * Validation of the unit fields the `Unit` construct adds (encryption settings). Called once from
 * `topologyProblems`; same error shape as validate.ts.
 */
import { checkKeys, checkString, Problems } from './validate';
import type { TopologyDeclaration } from './types';

export function validateUnitSettings(p: Problems, t: TopologyDeclaration): void {
  if (!Array.isArray(t.units)) return;
  t.units.forEach((u, i) => {
    if (typeof u !== 'object' || u === null || u.encryption === undefined) return;
    const path = typeof u.id === 'string' && /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
    if (!checkKeys(p, `${path}.encryption`, u.encryption, ['kmsInstanceId'])) return;
    const id = u.encryption.kmsInstanceId;
    if (id !== undefined) {
      checkString(p, `${path}.encryption.kmsInstanceId`, id, /^kst-[a-z0-9]{6,}$/, `give the id of a KMS instance in ${u.region} (kst-...), or leave it out to create the key without one`);
    }
  });
}
