/**
 * Routes from sites to hostnames, and the DNS records that make them: derived here, once, from the sites, the
 * hostnames, the units and the access points. Validation checks budgets and legal bases on these routes, the accel
 * stack writes the records, the path report and the diagram print them, and the data-flow register reads them.
 *
 * The rules (docs/accel.md, "DNS lines and routes"):
 * - Users in the serving unit's own population (a mainland unit's is `default`, an overseas unit's `oversea`) go
 *   straight to the unit's ALB: a CNAME to its DNS name on their line.
 * - Users on the other side of the mainland border go to an access point on their side, then over Alibaba's backbone
 *   to the unit: an A record to the access point's address on their line. With several access points on that side,
 *   the population's line answers with the one nearest to most of its declared staff, and a site whose nearest access
 *   point differs gets a record on its country line (`os_asia_ph`), where Alibaba Cloud DNS has one.
 * - With no access point on their side, the hostname must say what happens (`withoutAccessPoint`): `direct`, a CNAME
 *   to the unit's ALB on their line.
 * Each route says what DNS actually answers the site, and why when that is not its nearest access point.
 */
import { countryLine, DEFAULT_LINE, OVERSEA_LINE } from '../facts/alidns-lines';
import { DEFAULT_ACCESS_POINT_REGION, GA_ACCELERATION_REGIONS, type GaAccelerationRegion, gaRegion } from './ga-regions';
import { greatCircleKm, internetLegKind, type PathModel, pathOf, type Place } from './latency';
import { type Location, REGION_LOCATIONS } from './locations';
import { isRegionId, REGIONS, type RegionId } from './regions';
import type { LegalBasis, TopologyDeclaration } from './types';
import { SITE_POPULATIONS, type HostnameDeclaration, type SitePopulation, type WithoutAccessPoint } from './types-sites';

/** A site with its budget spelled out per host label. */
export interface SiteModel {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly latitude: number;
  readonly longitude: number;
  /** The unit that holds the staff data of its people. */
  readonly unitId: string;
  readonly population: SitePopulation;
  readonly staff?: number;
  /** Round-trip budget per host label, ms (a single declared number applies to every hostname). */
  readonly latencyBudgetMs: Readonly<Record<string, number>>;
}

/** Where a DNS answer sends users: a unit's ALB (by its DNS name) or an access point (by its address). */
export type RouteEntry =
  | { readonly kind: 'alb'; readonly unitId: string; readonly region: RegionId; readonly country: string; readonly mainland: boolean }
  | { readonly kind: 'access-point'; readonly name: string; readonly region: string; readonly country: string; readonly mainland: boolean };

/** Why a record answers its line the way it does. */
export type RecordReason = 'own-population' | 'access-point' | 'country-line' | 'direct';

/** One DNS record: a host label on one line. */
export interface DnsRecordModel {
  readonly label: string;
  readonly fqdn: string;
  /** Alibaba Cloud DNS line code: `default`, `oversea` or a country line such as `os_asia_ph`. */
  readonly line: string;
  /** The population whose resolvers the line is part of. */
  readonly population: SitePopulation;
  /** `CNAME` to an ALB's DNS name, `A` to an access point's address. */
  readonly type: 'CNAME' | 'A';
  readonly target: RouteEntry;
  readonly reason: RecordReason;
  /** Declared sites whose resolvers this record answers, in declaration order. */
  readonly siteIds: readonly string[];
}

/** Where a request is decrypted or served. */
export interface Jurisdiction {
  readonly region: string;
  readonly country: string;
  readonly mainland: boolean;
}

/** The route of one site's users to one hostname. */
export interface SiteRouteModel {
  readonly label: string;
  readonly fqdn: string;
  readonly siteId: string;
  readonly siteCountry: string;
  readonly population: SitePopulation;
  /** The DNS line whose record answers the site's resolvers. */
  readonly line: string;
  readonly entry: RouteEntry;
  /** The access point on the site's side of the mainland border nearest to it, when that side has any. */
  readonly nearestAccessPoint?: string;
  /** What the reader should know about this answer (a nearer access point DNS cannot send them to, a declared choice). */
  readonly note?: string;
  /** The unit that serves the hostname. */
  readonly unitId: string;
  /** Where TLS is terminated: the access point with an HTTPS listener, the unit's ALB otherwise. */
  readonly decryptedIn: Jurisdiction;
  /** Where the unit serves the request. */
  readonly servedIn: Jurisdiction;
  /** The request is decrypted or served outside the site's country. */
  readonly crossesBorder: boolean;
  /** … and across the mainland China border in particular. */
  readonly crossesMainlandBorder: boolean;
  /** The legal basis that covers the crossing: the unit's residency basis for its own staff at home, else the hostname's. */
  readonly legalBasis?: LegalBasis;
  readonly legalBasisFrom?: 'unit-residency' | 'hostname';
  /** The path DNS sends the site's users on. */
  readonly path: PathModel;
  /** The public-internet path straight from the site to the unit's region, for comparison. */
  readonly direct: PathModel;
  /** The site's budget for this hostname, ms. */
  readonly budgetMs?: number;
}

/** What routing derives from a declaration. */
export interface RoutingModel {
  readonly sites: readonly SiteModel[];
  /** Sorted by label, then line (`default`, `oversea`, country lines). */
  readonly dnsRecords: readonly DnsRecordModel[];
  /** Sorted by label, then sites in declaration order. */
  readonly routes: readonly SiteRouteModel[];
}

/** The unit id a hostname entry routes to, whichever form it is declared in. */
export function hostnameUnit(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as { unit?: unknown }).unit : entry;
}

/** A hostname entry in its long form (the short form is the unit id alone). */
export function hostnameDeclaration(entry: string | HostnameDeclaration): HostnameDeclaration {
  return typeof entry === 'string' ? { unit: entry } : entry;
}

/** The population a unit's own users are in: a mainland unit's users resolve on `default`, an overseas unit's on `oversea`. */
export function ownPopulation(mainland: boolean): SitePopulation {
  return mainland ? 'default' : 'oversea';
}

/** The population of a site in `country`: mainland China resolvers are `default`, every other `oversea`. */
export function populationOfCountry(country: string): SitePopulation {
  return country === 'CN' ? 'default' : 'oversea';
}

interface RoutingUnit {
  readonly id: string;
  readonly region: RegionId;
  /** The country whose staff data the unit keeps. */
  readonly staffCountry: string;
  readonly place: Place;
  readonly residency?: LegalBasis;
}

interface RoutingAccessPoint {
  readonly name: string;
  readonly region: string;
  readonly place: Place;
}

interface RoutingHostname {
  readonly label: string;
  readonly fqdn: string;
  readonly unitId: string;
  readonly withoutAccessPoint?: WithoutAccessPoint;
  readonly crossBorderUse?: LegalBasis;
}

/** The declaration reduced to what routing reads, each value checked for shape. */
export interface RoutingInput {
  /** TLS is terminated at the access point (HTTPS listener) rather than passed through to the unit (TCP). */
  readonly decryptsAtAccessPoint: boolean;
  readonly units: readonly RoutingUnit[];
  /** Sorted by name. */
  readonly accessPoints: readonly RoutingAccessPoint[];
  /** Sorted by label. */
  readonly hostnames: readonly RoutingHostname[];
  readonly sites: readonly SiteModel[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const byKey = <T>(entries: [string, T][]) => entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

/** Whether `v` is a budget routing can use: a positive number, or such numbers by host label. */
export function isBudget(v: unknown): boolean {
  if (v === undefined || isNum(v, 1, 100_000)) return true;
  return isObj(v) && Object.values(v).every((ms) => isNum(ms, 1, 100_000));
}

/** The site of a declaration entry, or undefined when any field routing needs is malformed. */
function siteOf(s: unknown, unitIds: ReadonlySet<string>, labels: readonly string[]): SiteModel | undefined {
  if (!isObj(s)) return undefined;
  const { id, name, country, latitude, longitude, unit, population, staff, latencyBudgetMs } = s;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) return undefined;
  if (!isNum(latitude, -90, 90) || !isNum(longitude, -180, 180) || typeof unit !== 'string' || !unitIds.has(unit)) return undefined;
  if (!SITE_POPULATIONS.includes(population as SitePopulation)) return undefined;
  if (staff !== undefined && !(Number.isInteger(staff) && isNum(staff, 1, 10_000_000))) return undefined;
  if (!isBudget(latencyBudgetMs)) return undefined;
  const budget: Record<string, number> =
    typeof latencyBudgetMs === 'number'
      ? Object.fromEntries(labels.map((l) => [l, latencyBudgetMs]))
      : Object.fromEntries(Object.entries((latencyBudgetMs as Record<string, number> | undefined) ?? {}).filter(([l]) => labels.includes(l)));
  return {
    id,
    name,
    country,
    latitude,
    longitude,
    unitId: unit,
    population: population as SitePopulation,
    ...(staff !== undefined ? { staff: staff as number } : {}),
    latencyBudgetMs: budget,
  };
}

const placeOf = (name: string, country: string, mainland: boolean, at: { readonly latitude: number; readonly longitude: number }): Place => ({
  name,
  country,
  mainland,
  latitude: at.latitude,
  longitude: at.longitude,
});

/**
 * What routing needs of a declaration, or undefined when any of it is malformed (validation reports what; routing
 * then has nothing sound to derive from).
 */
export function routingInputOf(t: TopologyDeclaration): RoutingInput | undefined {
  const a: unknown = t.access;
  if (!isObj(a) || typeof a.domain !== 'string' || !isObj(a.hostnames) || !isObj(a.accessPoints) || !isObj(a.listener)) return undefined;
  if (!Array.isArray(t.units) || !Array.isArray(t.sites)) return undefined;
  const units: RoutingUnit[] = [];
  for (const u of t.units as unknown[]) {
    if (!isObj(u) || typeof u.id !== 'string' || typeof u.country !== 'string' || !isRegionId(u.region)) return undefined;
    const info = REGIONS[u.region];
    const residency = isObj(u.residency) && isObj(u.residency.legalBasis) ? (u.residency.legalBasis as unknown as LegalBasis) : undefined;
    units.push({
      id: u.id,
      region: u.region,
      staffCountry: u.country,
      place: placeOf(`unit-${u.id}: ${u.region} (${REGION_LOCATIONS[u.region].place})`, info.country, info.mainland, REGION_LOCATIONS[u.region]),
      ...(residency ? { residency } : {}),
    });
  }
  const unitIds = new Set(units.map((u) => u.id));
  if (unitIds.size !== units.length) return undefined;

  const accessPoints: RoutingAccessPoint[] = [];
  for (const [name, ap] of byKey(Object.entries(a.accessPoints))) {
    const region = gaRegion(isObj(ap) ? (ap.region ?? DEFAULT_ACCESS_POINT_REGION) : undefined);
    if (!region?.id) return undefined;
    accessPoints.push({
      name,
      region: region.id,
      place: placeOf(`access point ${name}: ${region.id} (${region.location.place})`, region.country, region.mainland, region.location),
    });
  }

  const hostnames: RoutingHostname[] = [];
  for (const [label, entry] of byKey(Object.entries(a.hostnames))) {
    const unitId = hostnameUnit(entry);
    if (typeof unitId !== 'string' || !unitIds.has(unitId)) return undefined;
    const long: Obj = isObj(entry) ? entry : {};
    hostnames.push({
      label,
      fqdn: `${label}.${a.domain}`,
      unitId,
      ...(long.withoutAccessPoint === 'direct' ? { withoutAccessPoint: 'direct' as const } : {}),
      ...(isObj(long.crossBorderUse) ? { crossBorderUse: long.crossBorderUse as unknown as LegalBasis } : {}),
    });
  }
  const labels = hostnames.map((h) => h.label);

  const sites: SiteModel[] = [];
  for (const s of t.sites as unknown[]) {
    const site = siteOf(s, unitIds, labels);
    if (!site || sites.some((o) => o.id === site.id)) return undefined;
    sites.push(site);
  }
  return { decryptsAtAccessPoint: a.listener.protocol === 'https', units, accessPoints, hostnames, sites };
}

const sitePlace = (s: SiteModel): Place => placeOf(s.name, s.country, s.country === 'CN', s);
const weight = (s: SiteModel) => s.staff ?? 1;

/** The access point of `points` nearest to `site` (ties: by name, the order of `points`). */
function nearestOf(points: readonly RoutingAccessPoint[], site: SiteModel): RoutingAccessPoint {
  let best = points[0];
  let bestKm = greatCircleKm(site, best.place);
  for (const ap of points.slice(1)) {
    const km = greatCircleKm(site, ap.place);
    if (km < bestKm) [best, bestKm] = [ap, km];
  }
  return best;
}

/** The access point nearest to most staff of `sites` (ties, and no sites at all: the first by name). */
function mostStaffed(points: readonly RoutingAccessPoint[], sites: readonly SiteModel[], nearest: ReadonlyMap<string, RoutingAccessPoint>): RoutingAccessPoint {
  const staff = new Map<string, number>();
  for (const s of sites) staff.set(nearest.get(s.id)!.name, (staff.get(nearest.get(s.id)!.name) ?? 0) + weight(s));
  let best = points[0];
  for (const ap of points) if ((staff.get(ap.name) ?? 0) > (staff.get(best.name) ?? 0)) best = ap;
  return best;
}

const albEntry = (u: RoutingUnit): RouteEntry => ({ kind: 'alb', unitId: u.id, region: u.region, country: u.place.country, mainland: u.place.mainland });
const apEntry = (ap: RoutingAccessPoint): RouteEntry => ({
  kind: 'access-point',
  name: ap.name,
  region: ap.region,
  country: ap.place.country,
  mainland: ap.place.mainland,
});
const lineOrder = (line: string) => (line === DEFAULT_LINE ? 0 : line === OVERSEA_LINE ? 1 : 2);

/** The records, routes and sites of a routing input. */
export function deriveRouting(input: RoutingInput): RoutingModel {
  const unitsById = new Map(input.units.map((u) => [u.id, u]));
  const records: Omit<DnsRecordModel, 'siteIds'>[] = [];
  const routes: SiteRouteModel[] = [];

  for (const host of input.hostnames) {
    const unit = unitsById.get(host.unitId);
    if (!unit) throw new Error(`deriveRouting: hostname ${host.label} routes to unit ${host.unitId}, which is not declared`);
    const own = ownPopulation(unit.place.mainland);
    const other: SitePopulation = own === 'default' ? 'oversea' : 'default';
    const rec = (line: string, population: SitePopulation, target: RouteEntry, reason: RecordReason) => {
      const r = { label: host.label, fqdn: host.fqdn, line, population, type: target.kind === 'alb' ? ('CNAME' as const) : ('A' as const), target, reason };
      records.push(r);
      return r;
    };
    const ownRecord = rec(own, own, albEntry(unit), 'own-population');

    // The other population: an access point on its side of the border, or the declared choice.
    const side = input.accessPoints.filter((ap) => ap.place.mainland === (other === 'default'));
    const otherSites = input.sites.filter((s) => s.population === other);
    const nearest = new Map(side.length ? otherSites.map((s) => [s.id, nearestOf(side, s)] as const) : []);
    const countryRecords = new Map<string, ReturnType<typeof rec>>();
    let otherRecord: ReturnType<typeof rec>;
    if (side.length) {
      const generic = mostStaffed(side, otherSites, nearest);
      otherRecord = rec(other, other, apEntry(generic), 'access-point');
      // One line answers one way: a country whose sites are nearer another access point gets its own line.
      if (other === 'oversea') {
        const countries = [...new Set(otherSites.filter((s) => nearest.get(s.id) !== generic).map((s) => s.country))].sort();
        for (const country of countries) {
          const line = countryLine(country);
          if (!line) continue;
          const choice = mostStaffed(
            side,
            otherSites.filter((s) => s.country === country),
            nearest,
          );
          if (choice !== generic) countryRecords.set(country, rec(line, other, apEntry(choice), 'country-line'));
        }
      }
    } else {
      otherRecord = rec(other, other, albEntry(unit), 'direct');
    }

    for (const site of input.sites) {
      const mine = site.population === own;
      const answer = mine ? ownRecord : (countryRecords.get(site.country) ?? otherRecord);
      const near = mine ? undefined : nearest.get(site.id);
      const entry = answer.target;
      const ap = entry.kind === 'access-point' ? input.accessPoints.find((p) => p.name === entry.name)! : undefined;
      const from = sitePlace(site);
      const path = ap
        ? pathOf([
            [from, ap.place, internetLegKind(from, ap.place)],
            [ap.place, unit.place, 'backbone'],
          ])
        : pathOf([[from, unit.place, internetLegKind(from, unit.place)]]);
      const direct = pathOf([[from, unit.place, internetLegKind(from, unit.place)]]);

      let note: string | undefined;
      if (!mine && !ap) {
        note = host.withoutAccessPoint
          ? `no access point on this side of the mainland border: declared ${host.withoutAccessPoint} (access.hostnames.${host.label}.withoutAccessPoint)`
          : `no access point on this side of the mainland border and no access.hostnames.${host.label}.withoutAccessPoint: DNS would answer with the unit's ALB`;
      } else if (near && ap && near !== ap) {
        const line = countryLine(site.country);
        const why =
          other === 'default'
            ? 'the default line answers mainland resolvers one way (mainland province lines are not used)'
            : !line
              ? `Alibaba Cloud DNS has no line for ${site.country}, so its resolvers get the ${answer.line} answer`
              : `other sites in ${site.country} weigh more on ${line}`;
        note = `access point ${near.name} is nearer, but ${why}`;
      }

      const decryptedIn: Jurisdiction =
        ap && input.decryptsAtAccessPoint
          ? { region: ap.region, country: ap.place.country, mainland: ap.place.mainland }
          : { region: unit.region, country: unit.place.country, mainland: unit.place.mainland };
      const servedIn: Jurisdiction = { region: unit.region, country: unit.place.country, mainland: unit.place.mainland };
      const siteMainland = site.country === 'CN';
      const crossesBorder = decryptedIn.country !== site.country || servedIn.country !== site.country;
      const crossesMainlandBorder = decryptedIn.mainland !== siteMainland || servedIn.mainland !== siteMainland;
      // A unit's residency basis covers its own staff, from their country, served in the unit's own region.
      const residencyCovers =
        crossesBorder &&
        site.unitId === unit.id &&
        site.country === unit.staffCountry &&
        decryptedIn.country === servedIn.country &&
        unit.residency !== undefined;
      const basis = !crossesBorder
        ? {}
        : residencyCovers
          ? { legalBasis: unit.residency!, legalBasisFrom: 'unit-residency' as const }
          : host.crossBorderUse
            ? { legalBasis: host.crossBorderUse, legalBasisFrom: 'hostname' as const }
            : {};
      const budget = site.latencyBudgetMs[host.label];
      routes.push({
        label: host.label,
        fqdn: host.fqdn,
        siteId: site.id,
        siteCountry: site.country,
        population: site.population,
        line: answer.line,
        entry,
        ...(near ? { nearestAccessPoint: near.name } : {}),
        ...(note ? { note } : {}),
        unitId: unit.id,
        decryptedIn,
        servedIn,
        crossesBorder,
        crossesMainlandBorder,
        ...basis,
        path,
        direct,
        ...(budget !== undefined ? { budgetMs: budget } : {}),
      });
    }
  }

  const dnsRecords = records
    .map((r) => ({ ...r, siteIds: routes.filter((x) => x.label === r.label && x.line === r.line).map((x) => x.siteId) }))
    .sort((x, y) =>
      x.label !== y.label ? (x.label < y.label ? -1 : 1) : lineOrder(x.line) - lineOrder(y.line) || (x.line < y.line ? -1 : x.line > y.line ? 1 : 0),
    );
  return { sites: input.sites, dnsRecords, routes };
}

/** The GA acceleration regions on one side of the mainland border, nearest to `at` first (ties: table order). */
export function gaRegionsByDistance(at: Location | { readonly latitude: number; readonly longitude: number }, mainland: boolean): GaAccelerationRegion[] {
  return GA_ACCELERATION_REGIONS.filter((r) => r.mainland === mainland)
    .map((r, i) => ({ r, i, km: greatCircleKm(at, r.location) }))
    .sort((x, y) => x.km - y.km || x.i - y.i)
    .map((x) => x.r);
}

/** The estimated path from `site` through an access point in GA region `region` to `unitId`'s region. */
export function pathVia(input: RoutingInput, site: SiteModel, region: GaAccelerationRegion, unitId: string): PathModel {
  const unit = input.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`pathVia: unit ${unitId} is not declared`);
  const from = sitePlace(site);
  const ap = placeOf(`${region.id ?? region.name} (${region.location.place})`, region.country, region.mainland, region.location);
  return pathOf([
    [from, ap, internetLegKind(from, ap)],
    [ap, unit.place, 'backbone'],
  ]);
}

/** The routing of a validated declaration (resolve.ts); throws on what validation refuses. */
export function resolveRouting(t: TopologyDeclaration): RoutingModel {
  const input = routingInputOf(t);
  if (!input) throw new Error('resolveRouting: the sites, hostnames, units or access points are malformed; validateTopology reports this first');
  return deriveRouting(input);
}
