/**
 * Validation of where users are and how they are routed: the sites (`sites`), the choices and legal bases of the
 * hostnames (`access.hostnames.<label>` in its long form), and what the derived routes must meet: a declared legal
 * basis wherever a site's requests are decrypted or served in another country, and the sites' latency budgets.
 * Same shape as every other problem:
 *   sites.mnl.latencyBudgetMs.oa: 50 is exceeded by oa.collab.example.com: estimated 115 ms ...; declare an access point ...
 */
import { checkInt, checkKeys, checkLegalBasis, checkOneOf, checkString, isObj, listText, type Obj, type Problems, show } from './checks';
import { DEFAULT_ACCESS_POINT_REGION, type GaAccelerationRegion, gaRegion } from './ga-regions';
import { isRegionId, REGIONS } from './regions';
import {
  deriveRouting,
  gaRegionsByDistance,
  hostnameUnit,
  ownPopulation,
  pathVia,
  populationOfCountry,
  routingInputOf,
  type RoutingInput,
  type SiteRouteModel,
} from './sites';
import type { TopologyDeclaration } from './types';
import { SITE_POPULATIONS } from './types-sites';

const SITE_KEYS = ['id', 'name', 'country', 'latitude', 'longitude', 'unit', 'population', 'staff', 'latencyBudgetMs'] as const;
const HOSTNAME_KEYS = ['unit', 'withoutAccessPoint', 'crossBorderUse'] as const;
const SITE_ID = /^[a-z][a-z0-9-]{0,23}$/;
const MAX_BUDGET_MS = 100_000;

const sitePath = (s: unknown, i: number) => (isObj(s) && typeof s.id === 'string' && SITE_ID.test(s.id) ? `sites.${s.id}` : `sites[${i}]`);
const ms = (x: number) => `${Math.round(x)} ms`;

/** Checks `sites` and the routing fields of `access.hostnames`; called once from `topologyProblems`, after `validateAccess`. */
export function validateSites(p: Problems, t: TopologyDeclaration): void {
  const units = (Array.isArray(t.units) ? (t.units as unknown[]) : []).filter(isObj);
  const unitIds = units.map((u) => u.id).filter((id): id is string => typeof id === 'string');
  const hostnames: Obj = isObj(t.access) && isObj(t.access.hostnames) ? t.access.hostnames : {};
  const labels = Object.keys(hostnames);

  validateSiteList(p, t.sites, unitIds, labels);
  validateHostnameChoices(p, t, units, hostnames);

  const input = routingInputOf(t);
  if (!input) return;
  const routing = deriveRouting(input);
  validateLegalBases(p, input, routing.routes);
  validateBudgets(p, t, input, routing.routes);
}

function validateSiteList(p: Problems, sites: unknown, unitIds: readonly string[], labels: readonly string[]): void {
  if (!Array.isArray(sites)) {
    p.add(
      'sites',
      sites,
      sites === undefined ? 'is missing' : 'is not a list',
      'declare where staff work: [{ id, name, country, latitude, longitude, unit, population }] (docs/accel.md, "DNS lines and routes")',
    );
    return;
  }
  const ids = new Set<string>();
  const unitsWithSites = new Set<string>();
  sites.forEach((s: unknown, i) => {
    const path = sitePath(s, i);
    if (!checkKeys(p, path, s, SITE_KEYS)) return;
    if (checkString(p, `${path}.id`, s.id, SITE_ID, 'use 1-24 lower-case letters, digits and hyphens starting with a letter, e.g. "hq"')) {
      if (ids.has(s.id)) p.add(`${path}.id`, s.id, 'is declared twice', 'give each site its own id');
      ids.add(s.id);
    }
    checkString(p, `${path}.name`, s.name, /\S/, 'name the site, e.g. "Factory, Ho Chi Minh City"');
    const countryOk = checkString(p, `${path}.country`, s.country, /^[A-Z]{2}$/, 'use the ISO 3166-1 alpha-2 code of the country the site is in, e.g. "VN"');
    checkCoordinate(p, `${path}.latitude`, s.latitude, 90, 'degrees north of the equator (south is negative), e.g. 10.82 for Ho Chi Minh City');
    checkCoordinate(p, `${path}.longitude`, s.longitude, 180, 'degrees east of Greenwich (west is negative), e.g. 106.63 for Ho Chi Minh City');
    if (typeof s.unit !== 'string' || !unitIds.includes(s.unit)) {
      p.add(`${path}.unit`, s.unit, 'is not a declared unit', `name the unit that holds the staff data of the site's people: one of ${show(unitIds)}`);
    } else unitsWithSites.add(s.unit);
    if (checkOneOf(p, `${path}.population`, s.population, SITE_POPULATIONS) && countryOk) {
      const expected = populationOfCountry(s.country as string);
      if (s.population !== expected) {
        p.add(
          `${path}.population`,
          s.population,
          `does not match country ${s.country as string}: Alibaba Cloud DNS answers resolvers ${expected === 'default' ? 'in' : 'outside'} mainland China on the ${expected} line`,
          `use "${expected}" (resolvers are placed by their address; a site that resolves through another country's servers belongs in that country)`,
        );
      }
    }
    if (s.staff !== undefined) checkInt(p, `${path}.staff`, s.staff, 1, 10_000_000, 'give the number of staff who work there');
    checkBudget(p, `${path}.latencyBudgetMs`, s.latencyBudgetMs, labels);
  });
  for (const id of unitIds) {
    if (!unitsWithSites.has(id)) {
      p.add(
        `units.${id}`,
        undefined,
        'has no site',
        `declare where its staff work in sites: { id, name, country, latitude, longitude, unit: "${id}", population } (npm run new-unit writes one for a new unit)`,
      );
    }
  }
}

function checkCoordinate(p: Problems, path: string, v: unknown, limit: number, fix: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < -limit || v > limit) {
    p.add(path, v, v === undefined ? 'is missing' : `is not a number from -${limit} to ${limit}`, fix);
  }
}

function checkBudget(p: Problems, path: string, v: unknown, labels: readonly string[]): void {
  if (v === undefined) return;
  const fix = `give a round trip in ms (1-${MAX_BUDGET_MS}) for every hostname, or one per host label, e.g. { oa: 120 }`;
  if (typeof v === 'number') {
    checkInt(p, path, v, 1, MAX_BUDGET_MS, fix);
    return;
  }
  if (!isObj(v)) {
    p.add(path, v, 'is not a number or a map of host labels', fix);
    return;
  }
  for (const [label, budget] of Object.entries(v)) {
    if (!labels.includes(label)) p.add(`${path}.${label}`, label, 'is not a declared host label', `use one of ${show(labels)} (access.hostnames)`);
    else checkInt(p, `${path}.${label}`, budget, 1, MAX_BUDGET_MS, fix);
  }
}

/** The long form of each hostname, and the choice for a population with no access point on its side. */
function validateHostnameChoices(p: Problems, t: TopologyDeclaration, units: readonly Obj[], hostnames: Obj): void {
  const points = Object.values(isObj(t.access) && isObj(t.access.accessPoints) ? t.access.accessPoints : {}).flatMap((ap) => {
    const region = gaRegion(isObj(ap) ? (ap.region ?? DEFAULT_ACCESS_POINT_REGION) : undefined);
    return region ? [region] : [];
  });
  for (const [label, entry] of Object.entries(hostnames)) {
    const path = `access.hostnames.${label}`;
    if (isObj(entry)) {
      checkKeys(p, path, entry, HOSTNAME_KEYS);
      if (entry.withoutAccessPoint !== undefined && entry.withoutAccessPoint !== 'direct') {
        p.add(
          `${path}.withoutAccessPoint`,
          entry.withoutAccessPoint,
          entry.withoutAccessPoint === 'unserved'
            ? 'is not possible: Alibaba Cloud DNS needs a default-line record and answers every line without a record of its own from it, so no population can be left unanswered'
            : 'is not allowed',
          'use "direct" (a CNAME to the unit\'s ALB: users cross the border over the public internet, decrypted in the unit), or declare an access point on their side of the mainland border',
        );
      }
      if (entry.crossBorderUse !== undefined) checkLegalBasis(p, `${path}.crossBorderUse`, entry.crossBorderUse);
    } else if (typeof entry !== 'string') {
      p.add(
        path,
        entry,
        'is neither a unit id nor a hostname',
        'write the id of the unit that owns its data, or { unit, withoutAccessPoint?, crossBorderUse? }',
      );
      continue;
    }
    const unit = units.find((u) => u.id === hostnameUnit(entry));
    if (!unit || !isRegionId(unit.region)) continue;
    const mainlandUnit = REGIONS[unit.region].mainland;
    const otherSide = points.filter((r) => r.mainland !== mainlandUnit);
    const declared = isObj(entry) ? entry.withoutAccessPoint : undefined;
    if (otherSide.length === 0 && declared === undefined) {
      const users = mainlandUnit ? 'users outside mainland China (the oversea line)' : 'users in mainland China (the default line)';
      p.add(
        `${path}.withoutAccessPoint`,
        undefined,
        `is required: ${label} is served by unit ${unit.id as string} ${mainlandUnit ? 'inside' : 'outside'} mainland China, and no access point is on the side of its ${users}`,
        `declare withoutAccessPoint: "direct" (a CNAME to unit ${unit.id as string}'s ALB: they cross the border over the public internet and their TLS is terminated in ${unit.region}), or an access point ${mainlandUnit ? 'outside' : 'in'} mainland China`,
      );
    }
  }
}

const where = (j: { readonly region: string; readonly country: string }) => `${j.country} (${j.region})`;

/** Every crossing of a declared site's requests needs a legal basis; one problem per hostname, naming the sites. */
function validateLegalBases(p: Problems, input: RoutingInput, routes: readonly SiteRouteModel[]): void {
  for (const host of input.hostnames) {
    const uncovered = routes.filter((r) => r.label === host.label && r.crossesBorder && !r.legalBasis);
    if (uncovered.length === 0) continue;
    const how = uncovered.map((r) => {
      const decrypted = r.decryptedIn.country !== r.servedIn.country ? `decrypted in ${where(r.decryptedIn)} and ` : '';
      return `site ${r.siteId} (${r.siteCountry}) is ${decrypted}served in ${where(r.servedIn)}`;
    });
    p.add(
      `access.hostnames.${host.label}.crossBorderUse`,
      undefined,
      `is required: personal requests to ${host.fqdn} cross a border: ${listText(how)}`,
      `declare the legal basis under which these users use it: crossBorderUse: { basis, reference } (write the hostname as { unit: "${host.unitId}", crossBorderUse })`,
    );
  }
}

/** A suggested access point name for a GA region: its city, in the letters an access point name takes. */
function pointName(region: GaAccelerationRegion): string {
  return (
    region.location.place
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 16) || 'ap'
  );
}

function validateBudgets(p: Problems, t: TopologyDeclaration, input: RoutingInput, routes: readonly SiteRouteModel[]): void {
  for (const r of routes) {
    if (r.budgetMs === undefined || r.path.estimateMs <= r.budgetMs) continue;
    const site = input.sites.find((s) => s.id === r.siteId)!;
    // A budget declared per host label is named with its label; one number for every hostname is named alone.
    const perLabel = typeof (t.sites as readonly { id: string; latencyBudgetMs?: unknown }[]).find((s) => s.id === site.id)?.latencyBudgetMs !== 'number';
    const path = `sites.${site.id}.latencyBudgetMs${perLabel ? `.${r.label}` : ''}`;
    const via = r.entry.kind === 'access-point' ? `via access point ${r.entry.name} (${r.entry.region})` : `straight to the ALB of unit ${r.unitId}`;
    p.add(
      path,
      r.budgetMs,
      `is exceeded by ${r.fqdn} from site ${site.id}: estimated ${ms(r.path.estimateMs)} ${via} (physical floor ${ms(r.path.floorMs)})`,
      budgetFix(input, r),
    );
  }
}

function budgetFix(input: RoutingInput, r: SiteRouteModel): string {
  const site = input.sites.find((s) => s.id === r.siteId)!;
  const unit = input.units.find((u) => u.id === r.unitId)!;
  if (r.population === ownPopulation(unit.place.mainland)) {
    return `users at ${site.id} are in unit ${unit.id}'s own DNS population (${r.population}) and go straight to its ALB, which no access point changes; raise the budget, or serve the hostname from a unit nearer the site`;
  }
  const mainland = site.country === 'CN';
  const ranked = gaRegionsByDistance(site, mainland);
  const nearest = ranked[0];
  const usable = ranked.find((g) => g.id !== undefined)!;
  const declaredAp = input.accessPoints.find((ap) => ap.region === usable.id);
  const estimate = pathVia(input, site, usable, unit.id).estimateMs;
  const noId =
    nearest !== usable
      ? `the nearest GA acceleration region, ${nearest.name}, has no published region id (lib/topology/ga-regions.ts); the nearest with one is `
      : 'the GA acceleration region nearest the site is ';
  const over = estimate > (r.budgetMs ?? 0) ? ' (still above the budget: raise it too)' : '';
  if (declaredAp) {
    if (r.entry.kind === 'access-point' && r.entry.name === declaredAp.name) {
      return `${noId}${usable.id} (${usable.name}), already access point ${declaredAp.name}: nothing nearer can carry the site's users; raise the budget`;
    }
    return `${noId}${usable.id} (${usable.name}), access point ${declaredAp.name}, estimated ${ms(estimate)}${over}, but DNS does not send the site there${r.note ? ` (${r.note})` : ''}`;
  }
  const unconfirmed = usable.idConfirmed ? '' : ` (the id ${usable.id} is UNCONFIRMED as a GA region id: lib/topology/ga-regions.ts)`;
  return `${noId}${usable.id} (${usable.name}), estimated ${ms(estimate)}${over}: declare an access point there, e.g. access.accessPoints.${pointName(usable)} = { region: "${usable.id}", bandwidthMbps: 10 }${unconfirmed}`;
}
