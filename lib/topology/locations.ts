/**
 * Where the regions of lib/topology/regions.ts are on the map: the coordinates of the city each region is named after,
 * with their source. The path model (latency.ts) measures great-circle distances between these points, the sites'
 * declared cities and the GA acceleration regions (ga-regions.ts). Two decimals (about a kilometre) are far finer
 * than the model needs: a region's data centres are spread over tens of kilometres.
 *
 * A region added to regions.ts must be added here too (the type below requires it).
 */
import type { RegionId } from './regions';

/** Where coordinates come from. */
export const COORDINATE_SOURCES = {
  cloudpods:
    'Alibaba Cloud region coordinates of yunionio/cloudpods, pkg/util/aliyun/latitud_and_longitude.go (https://github.com/yunionio/cloudpods), rounded to 2 decimals',
  'pub.dev-geography':
    'pub.dev package geography, constant vietnamHoChiMinh (https://pub.dev/documentation/geography/latest/basic/vietnamHoChiMinh-constant.html)',
  standard: 'standard city-centre coordinates, not taken from a fetched source (UNCONFIRMED; any atlas confirms them to the 2 decimals used)',
} as const;
export type CoordinateSource = keyof typeof COORDINATE_SOURCES;

/** A point on the map and where its coordinates come from. */
export interface Location {
  /** The city (or place) the coordinates are of. */
  readonly place: string;
  /** Degrees north (negative: south). */
  readonly latitude: number;
  /** Degrees east (negative: west). */
  readonly longitude: number;
  readonly source: CoordinateSource;
}

const at = (place: string, latitude: number, longitude: number, source: CoordinateSource): Location => ({ place, latitude, longitude, source });

/** The city of every region the package knows. */
export const REGION_LOCATIONS: { readonly [R in RegionId]: Location } = {
  'cn-qingdao': at('Qingdao', 36.07, 120.38, 'cloudpods'),
  'cn-beijing': at('Beijing', 39.9, 116.41, 'cloudpods'),
  'cn-zhangjiakou': at('Zhangjiakou', 40.77, 114.89, 'cloudpods'),
  'cn-huhehaote': at('Hohhot', 40.84, 111.75, 'cloudpods'),
  'cn-wulanchabu': at('Ulanqab (Jining)', 40.99, 113.13, 'standard'),
  'cn-hangzhou': at('Hangzhou', 30.27, 120.16, 'cloudpods'),
  'cn-shanghai': at('Shanghai', 31.23, 121.47, 'cloudpods'),
  'cn-shenzhen': at('Shenzhen', 22.54, 114.06, 'cloudpods'),
  'cn-heyuan': at('Heyuan', 23.74, 114.7, 'standard'),
  'cn-guangzhou': at('Guangzhou', 23.13, 113.26, 'standard'),
  'cn-chengdu': at('Chengdu', 30.57, 104.07, 'standard'),
  // cloudpods gives the territory's centroid (22.40, 114.11); Kowloon is where the data centres and exchanges are.
  'cn-hongkong': at('Hong Kong (Kowloon)', 22.32, 114.17, 'standard'),
  'ap-northeast-1': at('Tokyo', 35.71, 139.73, 'cloudpods'),
  'ap-northeast-2': at('Seoul', 37.57, 126.98, 'standard'),
  'ap-southeast-1': at('Singapore', 1.35, 103.82, 'cloudpods'),
  'ap-southeast-3': at('Kuala Lumpur', 3.14, 101.69, 'cloudpods'),
  'ap-southeast-5': at('Jakarta', -6.18, 106.87, 'cloudpods'),
  'ap-southeast-6': at('Manila', 14.6, 120.98, 'standard'),
  'ap-southeast-7': at('Bangkok', 13.76, 100.5, 'standard'),
  // cloudpods uses Virginia's centroid (37.43, -78.66); the region's data centres are in Ashburn.
  'us-east-1': at('Ashburn, Virginia', 39.04, -77.49, 'standard'),
  'us-west-1': at('Silicon Valley (Sunnyvale)', 37.39, -122.06, 'cloudpods'),
  'eu-west-1': at('London', 51.51, -0.13, 'cloudpods'),
  'eu-central-1': at('Frankfurt', 50.11, 8.68, 'cloudpods'),
};
