/**
 * Alibaba Cloud DNS resolution lines (`line` of `alicloud_alidns_record`, provider default `"default"`,
 * alicloud/resource_alicloud_alidns_record.go:40-44 at v1.289.0; the provider does not validate the code).
 *
 * How a line answers (https://www.alibabacloud.com/help/en/alibaba-cloud-dns/latest/features, "Intelligent DNS
 * resolution"; https://www.alibabacloud.com/help/en/dns/pubz-resolve-line-enumeration):
 * - Alibaba Cloud DNS picks the line from the egress address of the resolver that asks (or the EDNS client subnet it
 *   passes on), not from the user's own address
 *   (https://www.alibabacloud.com/help/en/dns/intelligent-analysis-of-the-problem-of-inaccurate-scheduling).
 * - `default` is required for every host record, and answers every resolver that no more specific line with a
 *   record matches. A population cannot be left unanswered: without a record of its own it gets the default one.
 * - Region lines beat the default line, and within region lines the more specific wins: a country line
 *   (`os_asia_vn`) beats the continent (`os_asia`), which beats `oversea`.
 * - A CNAME and an A record of one host conflict only on the same line
 *   (https://help.aliyun.com/en/dns/pubz-dns-record-conflict-rules): CNAME on `default` and A on `oversea` coexist.
 *
 * Editions: the free edition offers the ISP lines and `oversea`; continent and country lines need Enterprise
 * Standard or higher (edition comparison, AlibabaCloudDocs/dns `intl.zh-CN/产品定价/版本对比.md:21`, a 2021 copy:
 * UNCONFIRMED for today's edition names; the live list of lines a domain may use is `alicloud_dns_resolution_lines`).
 */

/** The line of mainland China resolvers (and of every resolver no more specific line with a record matches). */
export const DEFAULT_LINE = 'default';
/** Region line "outside mainland China". */
export const OVERSEA_LINE = 'oversea';

/** The Alibaba Cloud DNS edition a record on a continent or country line needs at least. */
export const COUNTRY_LINE_EDITION = 'Enterprise Standard';

/**
 * Country lines outside mainland China, by ISO 3166-1 alpha-2 code. Source: the enumeration of resolution lines,
 * "境外线路" (AlibabaCloudDocs/dns `intl.zh-CN/API文档/枚举类型/解析线路枚举.md`, the table of country lines; the current
 * page is https://www.alibabacloud.com/help/en/dns/pubz-regional-route-outside-china). A country missing here has no
 * line of its own: its resolvers are answered by its continent line or `oversea`.
 */
export const COUNTRY_LINES: Readonly<Record<string, string>> = {
  ZA: 'os_africa_za',
  AE: 'os_asia_ae',
  HK: 'os_asia_hk',
  ID: 'os_asia_id',
  IN: 'os_asia_in',
  JP: 'os_asia_jp',
  KH: 'os_asia_kh',
  KR: 'os_asia_kr',
  LA: 'os_asia_la',
  MM: 'os_asia_mm',
  MO: 'os_asia_mo',
  MV: 'os_asia_mv',
  MY: 'os_asia_my',
  NP: 'os_asia_np',
  PH: 'os_asia_ph',
  SA: 'os_asia_sa',
  SG: 'os_asia_sg',
  TH: 'os_asia_th',
  TW: 'os_asia_tw',
  VN: 'os_asia_vn',
  AT: 'os_euro_at',
  CH: 'os_euro_ch',
  DE: 'os_euro_de',
  ES: 'os_euro_es',
  FR: 'os_euro_fr',
  GB: 'os_euro_gb',
  IT: 'os_euro_it',
  NL: 'os_euro_nl',
  RU: 'os_euro_ru',
  SE: 'os_euro_se',
  CA: 'os_namerica_ca',
  MX: 'os_namerica_mx',
  US: 'os_namerica_us',
  AU: 'os_oceanica_au',
  NZ: 'os_oceanica_nz',
  AR: 'os_samerica_ar',
  BR: 'os_samerica_br',
};

/** The country line of an ISO code, when Alibaba Cloud DNS has one. */
export function countryLine(country: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(COUNTRY_LINES, country) ? COUNTRY_LINES[country] : undefined;
}
