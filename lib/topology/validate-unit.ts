/**
 * Validation of what the `Unit` construct relies on beyond validate.ts: encryption settings, and contact names
 * unique within a unit (they key the CloudMonitor contacts). Called once from
 * `topologyProblems`; same error shape as validate.ts.
 */
import { checkKeys, checkString, type Problems } from './validate';
import type { TopologyDeclaration } from './types';

export function validateUnitSettings(p: Problems, t: TopologyDeclaration): void {
  if (!Array.isArray(t.units)) return;
  t.units.forEach((u, i) => {
    if (typeof u !== 'object' || u === null) return;
    const path = typeof u.id === 'string' && /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
    const contacts: readonly unknown[] = Array.isArray(u.monitoring?.contacts) ? u.monitoring.contacts : [];
    const seen = new Set<unknown>();
    contacts.forEach((c, j) => {
      const name = typeof c === 'object' && c !== null ? (c as { name?: unknown }).name : undefined;
      if (name === undefined) return;
      if (seen.has(name))
        p.add(`${path}.monitoring.contacts[${j}].name`, name, 'is listed twice', 'give each contact its own name (CloudMonitor contacts are keyed by name)');
      seen.add(name);
    });
    if (u.encryption === undefined) return;
    if (!checkKeys(p, `${path}.encryption`, u.encryption, ['kmsInstanceId'])) return;
    const id = u.encryption.kmsInstanceId;
    if (id !== undefined) {
      checkString(
        p,
        `${path}.encryption.kmsInstanceId`,
        id,
        /^kst-[a-z0-9]{6,}$/,
        `give the id of a KMS instance in ${u.region} (kst-...), or leave it out to create the key without one`,
      );
    }
  });
}
