import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DataAlicloudAlidnsDomains } from '../../.gen/providers/alicloud/data-alicloud-alidns-domains';
import { certificateCheck } from '../core/certificates';

export interface AccessAssumptionsProps {
  /** The DNS domain the hostnames live in (`access.domain`). */
  readonly domain: string;
  /** The HTTPS listener's certificate (`access.listener.certificateId`); absent for a TCP listener. */
  readonly listenerCertificateId?: string;
  /** Provider bound to the GA API region. */
  readonly provider: TerraformProvider;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the accel stack assumes about the account, checked at plan time with the declaration field named: the DNS
 * domain is hosted in Alibaba Cloud DNS of this account, and the HTTPS listener's certificate exists, is valid and
 * covers the hostnames.
 */
export class AccessAssumptions extends Construct {
  constructor(scope: Construct, id: string, props: AccessAssumptionsProps) {
    super(scope, id);
    const { provider, domain } = props;
    // `ids` (argument and attribute) hold domain names, not domain ids (alicloud/data_source_alicloud_alidns_domains.go:297-299,336);
    // no match is an empty list.
    new DataAlicloudAlidnsDomains(this, 'domain', {
      provider,
      domainNameRegex: `^${escapeRegex(domain)}$`,
      lifecycle: {
        postcondition: [
          {
            condition: `\${contains(self.ids, "${domain}")}`,
            errorMessage: `access.domain: ${domain} is not a domain of this account in Alibaba Cloud DNS, so its records cannot be created; add the domain to Alibaba Cloud DNS (and delegate it there) or declare one that is`,
          },
        ],
      },
    });
    if (props.listenerCertificateId) {
      certificateCheck(this, 'listener-certificate', {
        certificateId: props.listenerCertificateId,
        field: 'access.listener.certificateId',
        mustCover: `*.${domain}`,
        usedBy: 'the GA HTTPS listener',
        provider,
      });
    }
  }
}
