/**
 * The acceleration regions of a standard pay-as-you-go Global Accelerator: where an access point (an IP set,
 * `alicloud_ga_ip_set.accelerate_region_id`, Required and ForceNew) can be, and so where users can enter Alibaba's
 * backbone.
 *
 * Source: "Supported acceleration regions"
 * (https://www.alibabacloud.com/help/en/ga/product-overview/acceleration-regions-supported-by-global-acceleration),
 * which warns that the console shows the regions an account can actually select. Region ids: the ListBusiRegions
 * example of the GA API reference (AlibabaCloudDocs/ga, `intl.en-US/API reference/Areas and regions/ListBusiRegions.md`,
 * a 2021 copy) lists cn-qingdao, cn-beijing, cn-hangzhou, cn-shanghai, cn-chengdu, cn-shenzhen, cn-hongkong,
 * ap-northeast-1, ap-northeast-2-pop (Seoul is a PoP), ap-southeast-1, ap-southeast-3, ap-southeast-5, us-west-1,
 * us-east-1, eu-central-1 and eu-west-1: those are `idConfirmed`. The others carry the id of the Alibaba Cloud region in
 * the same city, UNCONFIRMED as a GA id; `ListAvailableBusiRegions` or `ListAccelerateAreas` of the GA API confirms
 * them. GA lists Ho Chi Minh City with no id anyone has published: it is here so that suggestions can name it, but no
 * access point can be declared there until its id is known.
 *
 * Left out because neither their id nor their exact location is known: Canada (Toronto, Vancouver), Mexico,
 * Brazil (São Paulo, hidden by default) and the Middle East (Dubai).
 */
import { type Location, REGION_LOCATIONS } from './locations';

export interface GaAccelerationRegion {
  /** The `accelerate_region_id` of an IP set in this region; absent when GA publishes none. */
  readonly id?: string;
  /** Whether a GA source names this id (see the module comment); an unconfirmed id may be refused by GA. */
  readonly idConfirmed: boolean;
  /** The name GA gives the region. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the jurisdiction the region is in (Hong Kong is its own). */
  readonly country: string;
  /** Inside mainland China: users on the other side of the border cross it to get here. */
  readonly mainland: boolean;
  readonly location: Location;
}

/** Acceleration region of an access point that names none: Singapore, nearest GA region to Vietnam's factories. */
export const DEFAULT_ACCESS_POINT_REGION = 'ap-southeast-1';

const REGION = REGION_LOCATIONS;

export const GA_ACCELERATION_REGIONS: readonly GaAccelerationRegion[] = [
  // North China
  { id: 'cn-qingdao', idConfirmed: true, name: 'China (Qingdao)', country: 'CN', mainland: true, location: REGION['cn-qingdao'] },
  { id: 'cn-beijing', idConfirmed: true, name: 'China (Beijing)', country: 'CN', mainland: true, location: REGION['cn-beijing'] },
  { id: 'cn-zhangjiakou', idConfirmed: false, name: 'China (Zhangjiakou)', country: 'CN', mainland: true, location: REGION['cn-zhangjiakou'] },
  { id: 'cn-wulanchabu', idConfirmed: false, name: 'China (Ulanqab)', country: 'CN', mainland: true, location: REGION['cn-wulanchabu'] },
  // South China
  { id: 'cn-shenzhen', idConfirmed: true, name: 'China (Shenzhen)', country: 'CN', mainland: true, location: REGION['cn-shenzhen'] },
  { id: 'cn-heyuan', idConfirmed: false, name: 'China (Heyuan)', country: 'CN', mainland: true, location: REGION['cn-heyuan'] },
  { id: 'cn-guangzhou', idConfirmed: false, name: 'China (Guangzhou)', country: 'CN', mainland: true, location: REGION['cn-guangzhou'] },
  // East China
  { id: 'cn-hangzhou', idConfirmed: true, name: 'China (Hangzhou)', country: 'CN', mainland: true, location: REGION['cn-hangzhou'] },
  { id: 'cn-shanghai', idConfirmed: true, name: 'China (Shanghai)', country: 'CN', mainland: true, location: REGION['cn-shanghai'] },
  // Southwest China
  { id: 'cn-chengdu', idConfirmed: true, name: 'China (Chengdu)', country: 'CN', mainland: true, location: REGION['cn-chengdu'] },
  // Asia Pacific
  { id: 'cn-hongkong', idConfirmed: true, name: 'China (Hong Kong)', country: 'HK', mainland: false, location: REGION['cn-hongkong'] },
  { id: 'ap-northeast-2-pop', idConfirmed: true, name: 'South Korea (Seoul)', country: 'KR', mainland: false, location: REGION['ap-northeast-2'] },
  { id: 'ap-southeast-1', idConfirmed: true, name: 'Singapore', country: 'SG', mainland: false, location: REGION['ap-southeast-1'] },
  { id: 'ap-southeast-3', idConfirmed: true, name: 'Malaysia (Kuala Lumpur)', country: 'MY', mainland: false, location: REGION['ap-southeast-3'] },
  { id: 'ap-northeast-1', idConfirmed: true, name: 'Japan (Tokyo)', country: 'JP', mainland: false, location: REGION['ap-northeast-1'] },
  { id: 'ap-southeast-5', idConfirmed: true, name: 'Indonesia (Jakarta)', country: 'ID', mainland: false, location: REGION['ap-southeast-5'] },
  { id: 'ap-southeast-6', idConfirmed: false, name: 'Philippines (Manila)', country: 'PH', mainland: false, location: REGION['ap-southeast-6'] },
  { id: 'ap-southeast-7', idConfirmed: false, name: 'Thailand (Bangkok)', country: 'TH', mainland: false, location: REGION['ap-southeast-7'] },
  {
    idConfirmed: false,
    name: 'Vietnam (Ho Chi Minh City)',
    country: 'VN',
    mainland: false,
    location: { place: 'Ho Chi Minh City', latitude: 10.82, longitude: 106.63, source: 'pub.dev-geography' },
  },
  // North America
  { id: 'us-west-1', idConfirmed: true, name: 'US (Silicon Valley)', country: 'US', mainland: false, location: REGION['us-west-1'] },
  { id: 'us-east-1', idConfirmed: true, name: 'US (Virginia)', country: 'US', mainland: false, location: REGION['us-east-1'] },
  // Europe
  { id: 'eu-central-1', idConfirmed: true, name: 'Germany (Frankfurt)', country: 'DE', mainland: false, location: REGION['eu-central-1'] },
  { id: 'eu-west-1', idConfirmed: true, name: 'UK (London)', country: 'GB', mainland: false, location: REGION['eu-west-1'] },
];

/** The ids an access point may name, in table order. */
export const GA_REGION_IDS: readonly string[] = GA_ACCELERATION_REGIONS.flatMap((r) => (r.id ? [r.id] : []));

/** The acceleration region of an id, when GA has one of that id. */
export function gaRegion(id: unknown): GaAccelerationRegion | undefined {
  return typeof id === 'string' ? GA_ACCELERATION_REGIONS.find((r) => r.id === id) : undefined;
}
