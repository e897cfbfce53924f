/**
 * The path model: how long a round trip between two places takes at least, and about how long it takes.
 *
 * - Distance: the great-circle distance of each leg (haversine on a sphere of the Earth's mean radius).
 * - Physical floor: the round trip over those legs at the speed of light in fibre, 2/3 c. Nothing is faster.
 * - Estimate: each leg's floor times a route-stretch factor for its kind (STRETCH below): real paths follow cables
 *   and peerings, not great circles, and queue at every hop. The factors are data, calibrated on the case's own
 *   measurements (docs/paths.md has the arithmetic). The model knows propagation and route stretch only: no last
 *   mile, no queueing under load, no TLS or proxy time, no loss. Read an estimate as what the geography and the kind
 *   of network allow on a good day, not as a prediction.
 *
 * Pure functions of coordinates; validation checks latency budgets with the same numbers the path report prints.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Speed of light in vacuum, km/s. */
export const LIGHT_KM_PER_S = 299_792.458;
/** Light in optical fibre travels at about 2/3 c (refractive index ~1.5). */
export const FIBRE_FRACTION_OF_C = 2 / 3;

/** The kinds of leg a path is made of. */
export const LEG_KINDS = ['backbone', 'internet-domestic', 'internet-cross-border', 'internet-mainland-border'] as const;
export type LegKind = (typeof LEG_KINDS)[number];

export interface StretchFactor {
  /** Estimate = floor × factor. */
  readonly factor: number;
  /** What the leg is, for the report. */
  readonly label: string;
  /** Why this factor (docs/paths.md has the full calibration). */
  readonly basis: string;
}

/**
 * Route stretch per leg kind. Calibrated on the case (docs/paths.md): Ho Chi Minh City to Hangzhou measured 200-300 ms
 * direct and 80-120 ms entering Alibaba's backbone at Singapore.
 */
export const STRETCH: { readonly [K in LegKind]: StretchFactor } = {
  backbone: {
    factor: 1.5,
    label: "Alibaba's backbone (GA, from the access point to the unit's region)",
    basis:
      'shortest fibre conduits run ~1.3x the great circle (Bozkurt et al., "Dissecting Latency in the Internet\'s Fiber Infrastructure"); a backbone along subsea cables and its switching adds some: 1.5',
  },
  'internet-domestic': {
    factor: 2.1,
    label: 'public internet within one country',
    basis: 'the measured rule of thumb for internet paths: 2.1x the great circle at fibre speed (Bozkurt et al., same paper)',
  },
  'internet-cross-border': {
    factor: 2.5,
    label: 'public internet across a border (not the mainland China one)',
    basis:
      "2.1 plus the detour to a country's international gateways; with the backbone's 1.5 it puts Ho Chi Minh City -> Singapore -> Hangzhou at the low end of the measured 80-120 ms",
  },
  'internet-mainland-border': {
    factor: 9.7,
    label: 'public internet across the mainland China border',
    basis:
      'calibrated on the measured Ho Chi Minh City -> Hangzhou direct path: 250 ms (the middle of 200-300 ms) over its 25.8 ms floor; a factor scales with distance, so it overstates longer crossings',
  },
};

/** A point a leg starts or ends at. */
export interface Place {
  /** How the report names it, e.g. `Ho Chi Minh City` or `ap-southeast-1 (Singapore)`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the jurisdiction (Hong Kong is its own). */
  readonly country: string;
  /** Inside mainland China. */
  readonly mainland: boolean;
  readonly latitude: number;
  readonly longitude: number;
}

export interface LegModel {
  readonly from: string;
  readonly to: string;
  readonly kind: LegKind;
  /** Great-circle distance, km (whole). */
  readonly km: number;
  /** Round trip at 2/3 c over the great circle, ms (one decimal). */
  readonly floorMs: number;
  /** floorMs × the kind's stretch factor, ms (one decimal). */
  readonly estimateMs: number;
}

export interface PathModel {
  readonly legs: readonly LegModel[];
  readonly km: number;
  readonly floorMs: number;
  readonly estimateMs: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Great-circle distance between two points, km (haversine). */
export function greatCircleKm(
  a: { readonly latitude: number; readonly longitude: number },
  b: { readonly latitude: number; readonly longitude: number },
): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The round trip over `km` of fibre, ms. */
export function fibreFloorMs(km: number): number {
  return ((2 * km) / (LIGHT_KM_PER_S * FIBRE_FRACTION_OF_C)) * 1000;
}

/** The kind of a public-internet leg between two places. */
export function internetLegKind(a: Place, b: Place): LegKind {
  if (a.mainland !== b.mainland) return 'internet-mainland-border';
  return a.country === b.country ? 'internet-domestic' : 'internet-cross-border';
}

/** A path through `legs`, each a pair of places and its kind. */
export function pathOf(legs: readonly (readonly [Place, Place, LegKind])[]): PathModel {
  let km = 0;
  let floor = 0;
  let estimate = 0;
  const out = legs.map(([from, to, kind]) => {
    const d = greatCircleKm(from, to);
    const f = fibreFloorMs(d);
    km += d;
    floor += f;
    estimate += f * STRETCH[kind].factor;
    return { from: from.name, to: to.name, kind, km: Math.round(d), floorMs: round1(f), estimateMs: round1(f * STRETCH[kind].factor) };
  });
  return { legs: out, km: Math.round(km), floorMs: round1(floor), estimateMs: round1(estimate) };
}
