import { Fn, type TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { AlidnsRecord } from '../../.gen/providers/alicloud/alidns-record';
import type { GaIpSet } from '../../.gen/providers/alicloud/ga-ip-set';
import type { ResolvedAccess } from '../topology/access';

export interface AccessDnsProps {
  readonly access: ResolvedAccess;
  /** IP sets by access point name: their addresses are what the hostnames resolve to. */
  readonly ipSets: Readonly<Record<string, GaIpSet>>;
  /** Alibaba Cloud DNS is a global API; the GA provider (cn-hangzhou) serves it. */
  readonly provider: TerraformProvider;
}

/**
 * One A record per hostname and access point in the declared Alibaba Cloud DNS domain, pointing at the access
 * point's address. The provider (1.289.0) exposes no CNAME attribute on alicloud_ga_accelerator, so the
 * records name the IP set addresses; with several access points a hostname gets one record each.
 */
export class AccessDns extends Construct {
  /** Records by `<label>/<access point>`. */
  readonly records: Readonly<Record<string, AlidnsRecord>>;

  constructor(scope: Construct, id: string, props: AccessDnsProps) {
    super(scope, id);
    const { access } = props;
    const records: Record<string, AlidnsRecord> = {};
    for (const host of access.hostnames) {
      for (const ap of access.accessPoints) {
        records[`${host.label}/${ap.name}`] = new AlidnsRecord(this, `record-${host.label}-${ap.name}`, {
          provider: props.provider,
          domainName: access.domain,
          rr: host.label,
          type: 'A',
          // An IPv4 IP set has one address per acceleration region.
          value: Fn.element(props.ipSets[ap.name].ipAddressList, 0),
          ttl: access.dnsTtlSeconds,
          remark: `GA access point ${ap.name} for unit ${host.unitId}`,
        });
      }
    }
    this.records = records;
  }
}
