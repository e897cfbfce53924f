/**
 * Where the users are: sites (the places staff work from) and, per hostname, what happens to users the access points
 * cannot serve and under which legal basis users of other jurisdictions use it. The routes, DNS records and path
 * report are derived from these (sites.ts); docs/accel.md and docs/paths.md explain them.
 */
/**
 * The DNS resolver populations, named as the Alibaba Cloud DNS lines that answer them: `default` answers mainland
 * China resolvers (and every resolver no more specific line with a record matches), `oversea` every resolver
 * outside mainland China.
 */
export const SITE_POPULATIONS = ['default', 'oversea'] as const;
export type SitePopulation = (typeof SITE_POPULATIONS)[number];

/** A round-trip budget, ms: one number for every hostname, or one per host label (labels not named have none). */
export type LatencyBudget = number | Readonly<Record<string, number>>;

/** A place staff work from. */
export interface SiteDeclaration {
  /** Stable lower-case id (`hq`, `hcmc`): names the site in the path report, the diagram and messages. */
  readonly id: string;
  /** Human-readable name, e.g. `Factory, Ho Chi Minh City`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the country the site is in. */
  readonly country: string;
  /** Latitude of the site's city, degrees (-90..90). */
  readonly latitude: number;
  /** Longitude of the site's city, degrees (-180..180). */
  readonly longitude: number;
  /** Id of the unit that holds the staff data of the people at this site. */
  readonly unit: string;
  /**
   * The DNS resolver population the site's users are in: `default` for a site in mainland China, `oversea` for one
   * outside it (Alibaba Cloud DNS tells them apart by the resolver's address, so a site whose resolvers are abroad is
   * answered as abroad).
   */
  readonly population: SitePopulation;
  /** How many staff work there: weighs the site when one DNS line must serve several. @default - counted as one */
  readonly staff?: number;
  /**
   * Round trip the site's users should get, ms: validation fails when the estimated path of a hostname exceeds it,
   * and suggests the GA acceleration region nearest the site.
   * @default - no budget
   */
  readonly latencyBudgetMs?: LatencyBudget;
}

/**
 * What users on the far side of the mainland China border from a hostname's unit get when no access point is on
 * their side: `direct`, a CNAME to the unit's ALB on their DNS line, so that they cross the border over the public
 * internet and their TLS is terminated in the unit. Nothing else is possible: Alibaba Cloud DNS needs a `default`
 * record and answers every line without a record of its own from it, so no population can be left unanswered.
 */
export type WithoutAccessPoint = 'direct';

/** One hostname (`<label>.<access.domain>`). */
export interface HostnameDeclaration {
  /** Id of the unit that owns the data behind the hostname. */
  readonly unit: string;
  /**
   * Required when the population on the other side of the mainland border from `unit` has no access point on its
   * side (for example mainland users of a hostname served from Singapore with no mainland access point).
   * @default - none: validation asks for it exactly when it is needed
   */
  readonly withoutAccessPoint?: WithoutAccessPoint;
  /**
   * The legal basis under which users of other jurisdictions use the hostname: their requests carry their personal
   * data to where TLS is terminated (the access point, or the unit's ALB) and where the unit serves them. Required
   * when the route of a declared site crosses a border its own unit's residency basis does not cover.
   */
  readonly crossBorderUse?: CrossBorderUse;
}

/**
 * A legal basis: the shape of `LegalBasis` in types.ts (which imports this module, so this one cannot import it back
 * without a cycle; the two are interchangeable).
 */
export interface CrossBorderUse {
  /** The instrument, e.g. `Decree 13/2023 transfer impact assessment`. */
  readonly basis: string;
  /** Where the record is: contract number, filing number, document link. */
  readonly reference: string;
}
