/**
 * Alibaba Cloud regions and zones this package may place a unit or an access point in.
 *
 * Source: Alibaba Cloud documentation "Regions and zones"
 * (https://www.alibabacloud.com/help/en/ecs/user-guide/regions-and-zones) and the ECS DescribeZones API,
 * as published in 2025. Zones open and close: before declaring a unit in a new region, confirm its zones with
 * `aliyun ecs DescribeZones --RegionId <region>` and update this table in the same pull request.
 *
 * `mainland` marks regions inside mainland China: traffic between a mainland and a non-mainland region is
 * cross-border, which CEN and GA bill and approve separately.
 * `cenGeographicRegion` is the value `alicloud_cen_bandwidth_package.geographic_region_*_id` takes for the region.
 */
export interface RegionInfo {
  /** Human-readable location, for diagrams and messages. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the jurisdiction the region is in (Hong Kong is its own). */
  readonly country: string;
  /** Inside mainland China (cross-border rules apply to links leaving it). */
  readonly mainland: boolean;
  /** CEN bandwidth-package geographic region. */
  readonly cenGeographicRegion: 'China' | 'Asia-Pacific' | 'Europe' | 'North-America' | 'Australia';
  /** Zone ids, in the provider's spelling. */
  readonly zones: readonly string[];
}

export const REGIONS = {
  'cn-qingdao': { name: 'China (Qingdao)', country: 'CN', mainland: true, cenGeographicRegion: 'China', zones: ['cn-qingdao-b', 'cn-qingdao-c'] },
  'cn-beijing': {
    name: 'China (Beijing)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: [
      'cn-beijing-c',
      'cn-beijing-d',
      'cn-beijing-e',
      'cn-beijing-f',
      'cn-beijing-g',
      'cn-beijing-h',
      'cn-beijing-i',
      'cn-beijing-j',
      'cn-beijing-k',
      'cn-beijing-l',
    ],
  },
  'cn-zhangjiakou': {
    name: 'China (Zhangjiakou)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: ['cn-zhangjiakou-a', 'cn-zhangjiakou-b', 'cn-zhangjiakou-c'],
  },
  'cn-huhehaote': { name: 'China (Hohhot)', country: 'CN', mainland: true, cenGeographicRegion: 'China', zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] },
  'cn-wulanchabu': {
    name: 'China (Ulanqab)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: ['cn-wulanchabu-a', 'cn-wulanchabu-b', 'cn-wulanchabu-c'],
  },
  'cn-hangzhou': {
    name: 'China (Hangzhou)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: ['cn-hangzhou-b', 'cn-hangzhou-e', 'cn-hangzhou-f', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
  },
  'cn-shanghai': {
    name: 'China (Shanghai)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: ['cn-shanghai-a', 'cn-shanghai-b', 'cn-shanghai-e', 'cn-shanghai-f', 'cn-shanghai-g', 'cn-shanghai-l', 'cn-shanghai-m', 'cn-shanghai-n'],
  },
  'cn-shenzhen': {
    name: 'China (Shenzhen)',
    country: 'CN',
    mainland: true,
    cenGeographicRegion: 'China',
    zones: ['cn-shenzhen-a', 'cn-shenzhen-b', 'cn-shenzhen-c', 'cn-shenzhen-d', 'cn-shenzhen-e', 'cn-shenzhen-f'],
  },
  'cn-heyuan': { name: 'China (Heyuan)', country: 'CN', mainland: true, cenGeographicRegion: 'China', zones: ['cn-heyuan-a', 'cn-heyuan-b'] },
  'cn-guangzhou': { name: 'China (Guangzhou)', country: 'CN', mainland: true, cenGeographicRegion: 'China', zones: ['cn-guangzhou-a', 'cn-guangzhou-b'] },
  'cn-chengdu': { name: 'China (Chengdu)', country: 'CN', mainland: true, cenGeographicRegion: 'China', zones: ['cn-chengdu-a', 'cn-chengdu-b'] },
  'cn-hongkong': {
    name: 'China (Hong Kong)',
    country: 'HK',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['cn-hongkong-b', 'cn-hongkong-c', 'cn-hongkong-d'],
  },
  'ap-northeast-1': {
    name: 'Japan (Tokyo)',
    country: 'JP',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-northeast-1a', 'ap-northeast-1b', 'ap-northeast-1c'],
  },
  'ap-northeast-2': { name: 'South Korea (Seoul)', country: 'KR', mainland: false, cenGeographicRegion: 'Asia-Pacific', zones: ['ap-northeast-2a'] },
  'ap-southeast-1': {
    name: 'Singapore',
    country: 'SG',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
  },
  'ap-southeast-3': {
    name: 'Malaysia (Kuala Lumpur)',
    country: 'MY',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-southeast-3a', 'ap-southeast-3b'],
  },
  'ap-southeast-5': {
    name: 'Indonesia (Jakarta)',
    country: 'ID',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-southeast-5a', 'ap-southeast-5b', 'ap-southeast-5c'],
  },
  'ap-southeast-6': {
    name: 'Philippines (Manila)',
    country: 'PH',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-southeast-6a', 'ap-southeast-6b'],
  },
  'ap-southeast-7': {
    name: 'Thailand (Bangkok)',
    country: 'TH',
    mainland: false,
    cenGeographicRegion: 'Asia-Pacific',
    zones: ['ap-southeast-7a', 'ap-southeast-7b'],
  },
  'us-east-1': { name: 'US (Virginia)', country: 'US', mainland: false, cenGeographicRegion: 'North-America', zones: ['us-east-1a', 'us-east-1b'] },
  'us-west-1': { name: 'US (Silicon Valley)', country: 'US', mainland: false, cenGeographicRegion: 'North-America', zones: ['us-west-1a', 'us-west-1b'] },
  'eu-west-1': { name: 'UK (London)', country: 'GB', mainland: false, cenGeographicRegion: 'Europe', zones: ['eu-west-1a', 'eu-west-1b'] },
  'eu-central-1': {
    name: 'Germany (Frankfurt)',
    country: 'DE',
    mainland: false,
    cenGeographicRegion: 'Europe',
    zones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
  },
} as const satisfies Record<string, RegionInfo>;

/** A region id this package knows the zones of. */
export type RegionId = keyof typeof REGIONS;

export const REGION_IDS = Object.keys(REGIONS) as RegionId[];

export function isRegionId(v: unknown): v is RegionId {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(REGIONS, v);
}

export function regionInfo(id: RegionId): RegionInfo {
  return REGIONS[id];
}

/** The region the Global Accelerator API is served from, whatever the access point's location. */
export const GA_API_REGION: RegionId = 'cn-hangzhou';
