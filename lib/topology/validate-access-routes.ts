/**
 * Validation of the legal bases of access routes: a unit whose staff's requests are processed outside their country
 * (a hostname served by a unit in another country, or an access point abroad that decrypts them) must declare
 * `crossBorderAccess.legalBasis`. The routes are the ones the
 * model and the data-flow register derive (access-routes.ts), computed here from the raw declaration, whose other
 * fields the access and unit validators check.
 */
import { DEFAULT_ACCESS_POINT_REGION } from './access';
import { type AccessRoutePoint, type AccessRouteUnit, accessRoutes } from './access-routes';
import { checkKeys, checkLegalBasis, isObj, listText, type Obj, type Problems } from './checks';
import { isRegionId } from './regions';
import type { TopologyDeclaration } from './types';

export function validateAccessRoutes(p: Problems, t: TopologyDeclaration): void {
  const declared = (Array.isArray(t.units) ? (t.units as unknown[]) : []).filter(isObj);
  const units: AccessRouteUnit[] = declared.flatMap((u) =>
    typeof u.id === 'string' && typeof u.country === 'string' && isRegionId(u.region) ? [{ id: u.id, country: u.country, region: u.region }] : [],
  );
  const a: Obj = isObj(t.access) ? (t.access as unknown as Obj) : {};
  const domain = typeof a.domain === 'string' ? a.domain : '';
  const hostnames = Object.entries(isObj(a.hostnames) ? a.hostnames : {}).flatMap(([label, unitId]) =>
    typeof unitId === 'string' ? [{ label, fqdn: domain ? `${label}.${domain}` : label, unitId }] : [],
  );
  const accessPoints: AccessRoutePoint[] = Object.entries(isObj(a.accessPoints) ? a.accessPoints : {}).flatMap(([name, ap]) => {
    const region = isObj(ap) ? (ap.region ?? DEFAULT_ACCESS_POINT_REGION) : undefined;
    return isRegionId(region) ? [{ name, region }] : [];
  });
  const listenerProtocol = isObj(a.listener) && a.listener.protocol === 'tcp' ? 'tcp' : 'https';
  const routes = accessRoutes({ hostnames, accessPoints, units, listenerProtocol });

  for (const u of declared) {
    if (typeof u.id !== 'string' || !/^[a-z][a-z0-9]*$/.test(u.id)) continue;
    const path = `units.${u.id}.crossBorderAccess`;
    const crossing = routes.filter((r) => r.userUnitId === u.id && r.crossesBorder);
    if (u.crossBorderAccess === undefined) {
      if (crossing.length === 0) continue;
      const countries = [...new Set(crossing.flatMap((r) => r.landsAbroad))].sort();
      p.add(
        path,
        undefined,
        `is missing: requests of unit ${u.id}'s staff (${String(u.country)}) are processed in ${listText(countries)} (${listText(crossing.map((r) => r.fqdn))})`,
        'declare crossBorderAccess: { legalBasis: { basis, reference } } naming the transfer instrument for their requests and access logs and where its record is kept, or serve those hostnames from their own country',
      );
      continue;
    }
    // A basis no route needs is left alone: whether one is needed depends on other units' hostnames and on the
    // listener, and a declared instrument does no harm while it is not used.
    if (checkKeys(p, path, u.crossBorderAccess, ['legalBasis'])) checkLegalBasis(p, `${path}.legalBasis`, (u.crossBorderAccess as Obj).legalBasis);
  }
}
