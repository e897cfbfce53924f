/**
 * CEN facts the alarms need. CloudMonitor's inter-region metrics (`acs_cen`, lib/facts/metrics.ts) name a connection
 * by the pair of CEN areas it joins, `geographicSpanId`.
 *
 * Source: CEN DescribeCenGeographicSpans (https://www.alibabacloud.com/help/es/cen/developer-reference/api-7b5f2a), whose
 * example is `china_asia-pacific` with LocalGeoRegionId `asia-pacific` and OppositeGeoRegionId `china`: the id lists
 * China first, whichever end is local. A third-party Terraform example alarms on `china_europe` (code-index id
 * 39982986214). The spelling of pairs without China, and of a pair within one area, is UNCONFIRMED: list them with
 * `aliyun cbn DescribeCenGeographicSpans`.
 */

/** The CEN area of a bandwidth-package geographic region id (`alicloud_cen_bandwidth_package.geographic_region_*_id`). */
const AREA_IDS: Readonly<Record<string, string>> = {
  China: 'china',
  'Asia-Pacific': 'asia-pacific',
  Europe: 'europe',
  'Middle-East': 'middle-east',
  'North-America': 'north-america',
  Australia: 'australia',
};

/** Order of areas in a span id: China first (documented), the others as CEN lists its areas (UNCONFIRMED). */
const AREA_ORDER = ['china', 'asia-pacific', 'europe', 'middle-east', 'north-america', 'australia'];

/** `geographicSpanId` of the connection between two CEN geographic regions, e.g. China + Asia-Pacific → `china_asia-pacific`. */
export function geographicSpanId(regionA: string, regionB: string): string {
  const a = AREA_IDS[regionA];
  const b = AREA_IDS[regionB];
  if (!a || !b) throw new Error(`geographicSpanId: unknown CEN geographic region ${!a ? regionA : regionB}`);
  const [first, second] = [a, b].sort((x, y) => AREA_ORDER.indexOf(x) - AREA_ORDER.indexOf(y));
  return `${first}_${second}`;
}
