/** Which certificate a unit's HTTPS listener presents: derived once, read by validation and the model. */
import { isObj } from './checks';
import { isRegionId, REGIONS } from './regions';
import type { TopologyDeclaration, UnitDeclaration } from './types';

export const CERTIFICATE_ID = /^[0-9]+-[a-z0-9-]+$/;

/** The certificate a unit's HTTPS listener uses: its own, else the platform's for its site. */
export function unitCertificateId(t: TopologyDeclaration, unit: UnitDeclaration): string | undefined {
  const own = unit.ingress?.certificateId;
  if (own) return own;
  if (!isRegionId(unit.region) || !isObj(t.platform) || !isObj(t.platform.certificates)) return undefined;
  const site = REGIONS[unit.region].mainland ? t.platform.certificates.mainland : t.platform.certificates.international;
  return typeof site === 'string' && site.length > 0 ? site : undefined;
}
