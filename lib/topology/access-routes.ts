/**
 * Where a unit's users' requests go when they open a hostname, and which countries that takes their personal data
 * to: derived once from `access.hostnames` (the serving unit), `access.accessPoints` and the listener, and read by
 * validation (a route that takes a unit's staff data across a border needs the unit's `crossBorderAccess` basis), the
 * model and the data-flow register (lib/register).
 *
 * What the output does today (lib/accel): every hostname has one A record per access point on the default DNS line,
 * so every user, of every unit, resolves every hostname to every access point; GA forwards by host to the endpoint
 * group of the serving unit, its ALB in that unit's region, where the request is processed and its ALB access log
 * kept. An HTTPS listener terminates TLS at the access point (GA reads the host to route it), so the request is in
 * clear in the access point's region too; a TCP listener passes TLS through. `entryPoints` is the one place that
 * says which access points a unit's users enter at: when user sites and DNS lines are declared, that function (and
 * only it) changes.
 */
import { REGIONS, type RegionId } from './regions';

/** What the routes need to know of a unit. */
export interface AccessRouteUnit {
  readonly id: string;
  /** The country of the unit's staff: where its users are. */
  readonly country: string;
  readonly region: RegionId;
}

export interface AccessRoutePoint {
  readonly name: string;
  readonly region: RegionId;
}

export interface AccessRouteInput {
  readonly hostnames: readonly { readonly label: string; readonly fqdn: string; readonly unitId: string }[];
  readonly accessPoints: readonly AccessRoutePoint[];
  readonly units: readonly AccessRouteUnit[];
  /** The GA listener terminates TLS (`https`) or passes it through (`tcp`). */
  readonly listenerProtocol: 'https' | 'tcp';
}

/** An access point on a route. */
export interface AccessRouteEntry {
  readonly name: string;
  readonly region: RegionId;
  readonly country: string;
  /** GA decrypts the request here (HTTPS listener): the request is processed in this country. */
  readonly terminatesTls: boolean;
}

export interface AccessRouteModel {
  /** `<label>/<user unit>`: stable, the register's and validation's key. */
  readonly key: string;
  readonly label: string;
  readonly fqdn: string;
  /** The unit whose users open the hostname. */
  readonly userUnitId: string;
  /** Where those users are: their unit's staff country. */
  readonly userCountry: string;
  /** The unit that serves the hostname: its ALB, app tier and access logs. */
  readonly servingUnitId: string;
  readonly servingRegion: RegionId;
  readonly servingCountry: string;
  /** The access points the users enter at, by name. */
  readonly entryPoints: readonly AccessRouteEntry[];
  /** Countries other than the users' own where their requests are in clear: decrypting access points, the serving region. Sorted. */
  readonly landsAbroad: readonly string[];
  /** The route takes the users' personal data out of their country. */
  readonly crossesBorder: boolean;
}

/**
 * The access points a unit's users enter at for a hostname. Today: all of them (one record per access point, on the
 * default line, which every resolver gets).
 */
export function entryPoints(points: readonly AccessRoutePoint[], _user: AccessRouteUnit, _hostname: { readonly label: string }): readonly AccessRoutePoint[] {
  return points;
}

/**
 * Every route that takes a unit's users' requests somewhere other than their own unit in their own country: each
 * hostname served by another unit (for each unit's users), and each hostname of their own unit that they reach only
 * through an access point that decrypts their requests abroad. A unit's users opening their own unit's hostname in its
 * own region are not a route (their unit's residency says where its data lives). Sorted by key.
 */
export function accessRoutes(input: AccessRouteInput): AccessRouteModel[] {
  const byId = new Map(input.units.map((u) => [u.id, u]));
  const routes: AccessRouteModel[] = [];
  for (const host of input.hostnames) {
    const serving = byId.get(host.unitId);
    if (!serving) continue;
    const servingCountry = REGIONS[serving.region].country;
    for (const user of input.units) {
      const entries = entryPoints(input.accessPoints, user, host).map((ap) => ({
        name: ap.name,
        region: ap.region,
        country: REGIONS[ap.region].country,
        terminatesTls: input.listenerProtocol === 'https',
      }));
      // Where the request is in clear: every access point that decrypts it, and the serving unit's region.
      const inClear = [...entries.filter((e) => e.terminatesTls).map((e) => e.country), servingCountry];
      const landsAbroad = [...new Set(inClear.filter((c) => c !== user.country))].sort();
      // Own hostname, own region: the unit's residency covers it, unless an access point decrypts it elsewhere.
      if (user.id === serving.id && landsAbroad.every((c) => c === servingCountry)) continue;
      routes.push({
        key: `${host.label}/${user.id}`,
        label: host.label,
        fqdn: host.fqdn,
        userUnitId: user.id,
        userCountry: user.country,
        servingUnitId: serving.id,
        servingRegion: serving.region,
        servingCountry,
        entryPoints: entries,
        landsAbroad,
        crossesBorder: landsAbroad.length > 0,
      });
    }
  }
  return routes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
