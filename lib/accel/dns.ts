import { Fn, type TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { AlidnsRecord } from '../../.gen/providers/alicloud/alidns-record';
import type { GaIpSet } from '../../.gen/providers/alicloud/ga-ip-set';
import type { DnsRecordModel } from '../topology/sites';

export interface AccessDnsProps {
  /** DNS domain hosted in Alibaba Cloud DNS. */
  readonly domain: string;
  /** TTL of every record, seconds. */
  readonly ttlSeconds: number;
  /** The derived record set (the model's `access.dnsRecords`): one record per host label and line. */
  readonly records: readonly DnsRecordModel[];
  /** IP sets by access point name: the address an `A` record answers with. */
  readonly ipSets: Readonly<Record<string, GaIpSet>>;
  /** The DNS names of the units' ALBs, by unit id, as the unit stacks published them: what a `CNAME` points at. */
  readonly albDnsNames: Readonly<Record<string, string>>;
  /** Alibaba Cloud DNS is a global API; the GA provider (cn-hangzhou) serves it. */
  readonly provider: TerraformProvider;
}

/**
 * Remarks stay within what Alibaba Cloud DNS takes for a domain's remark (50 characters: letters, digits and
 * `_ - , .`; https://www.alibabacloud.com/help/en/dns/api-alidns-2015-01-09-updatedomainremark), plus spaces, which
 * the record remark is UNCONFIRMED to take the same way.
 */
const REASON: Readonly<Record<DnsRecordModel['reason'], string>> = {
  'own-population': 'own users',
  'access-point': 'users across the border',
  'country-line': 'country line',
  direct: 'declared direct',
};

/**
 * The split-horizon record set: for each hostname, one `alicloud_alidns_record` per DNS line the routing derived
 * (lib/topology/sites.ts), never written per hostname. A `CNAME` to a unit's ALB DNS name, or an `A` record to an
 * access point's address (an IPv4 IP set has one address per acceleration region; provider 1.289.0 exposes no CNAME
 * of the accelerator). A CNAME and an A record of one host coexist on different lines, never on one (Alibaba Cloud DNS
 * conflict rules, docs/accel.md); each line has exactly one record here.
 *
 * The construct id names the host label and the line, so a line that changes its answer (A to CNAME, or another
 * address) is updated in place: `type`, `value` and `line` are all updatable (UpdateDomainRecord,
 * alicloud/resource_alicloud_alidns_record.go:226-260 at v1.289.0), and an update never holds two answers on a line.
 */
export class AccessDns extends Construct {
  /** Records by `<label>/<line>`. */
  readonly records: Readonly<Record<string, AlidnsRecord>>;

  constructor(scope: Construct, id: string, props: AccessDnsProps) {
    super(scope, id);
    const records: Record<string, AlidnsRecord> = {};
    for (const r of props.records) {
      const target = r.target;
      let value: string;
      if (target.kind === 'alb') {
        const name = props.albDnsNames[target.unitId];
        if (name === undefined) throw new Error(`DNS record ${r.label}/${r.line} points at the ALB of unit ${target.unitId}, whose DNS name was not read`);
        value = name;
      } else {
        const ipSet = props.ipSets[target.name];
        if (ipSet === undefined) throw new Error(`DNS record ${r.label}/${r.line} points at access point ${target.name}, which has no IP set`);
        value = Fn.element(ipSet.ipAddressList, 0);
      }
      records[`${r.label}/${r.line}`] = new AlidnsRecord(this, `record-${r.label}-${r.line}`, {
        provider: props.provider,
        domainName: props.domain,
        rr: r.label,
        type: r.type,
        line: r.line,
        value,
        ttl: props.ttlSeconds,
        remark: `${target.kind === 'alb' ? `unit ${target.unitId} ALB` : `access point ${target.name}`}, ${REASON[r.reason]}`,
      });
    }
    this.records = records;
  }
}
