/**
 * The plan-time check of a Certificate Management Service certificate, shared by the unit ALBs and the GA listener:
 * it exists for this account, has not expired and covers the names it must serve.
 *
 * Listener certificate ids are `<number>-<region>`, while `data.alicloud_ssl_certificates_service_certificates`
 * matches its `ids` against the bare numeric CertificateId
 * (alicloud/data_source_alicloud_ssl_certificates_service_certificates.go:200-203): the lookup takes the number. The
 * lookup runs in the CAS region of the provider's account type (alicloud/connectivity/endpoint.go:344,388,560-570);
 * with the provider of a unit's own region and a certificate of that unit's site that is the certificate's region.
 */
import type { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { DataAlicloudSslCertificatesServiceCertificates } from '../../.gen/providers/alicloud/data-alicloud-ssl-certificates-service-certificates';

export interface CertificateCheckProps {
  /** The listener's certificate id, `<number>-<region>`. */
  readonly certificateId: string;
  /** The declaration field it comes from, for the messages. */
  readonly field: string;
  /** A name the certificate must cover (its common name or a subject alternative name), e.g. `*.collab.example.com`. */
  readonly mustCover: string;
  /** What presents the certificate, for the messages. */
  readonly usedBy: string;
  readonly provider?: TerraformProvider;
}

export function certificateCheck(scope: Construct, id: string, props: CertificateCheckProps): DataAlicloudSslCertificatesServiceCertificates {
  const number = props.certificateId.split('-')[0];
  const mine = `[for c in self.certificates : c if c.id == "${number}"]`;
  return new DataAlicloudSslCertificatesServiceCertificates(scope, id, {
    ...(props.provider ? { provider: props.provider } : {}),
    ids: [number],
    lifecycle: {
      postcondition: [
        {
          condition: `\${contains(self.ids, "${number}")}`,
          errorMessage: `${props.field}: certificate ${props.certificateId} (${props.usedBy}) is not in Certificate Management Service for this account; upload it there and give its id, <number>-<region>`,
        },
        {
          condition: `\${alltrue([for c in ${mine} : !c.expired])}`,
          errorMessage: `${props.field}: certificate ${props.certificateId} (${props.usedBy}) has expired; upload its renewal and give the new id`,
        },
        {
          condition: `\${alltrue([for c in ${mine} : contains(concat([c.common], split(",", c.sans == null ? "" : c.sans)), "${props.mustCover}")])}`,
          errorMessage: `${props.field}: certificate ${props.certificateId} (${props.usedBy}) does not cover ${props.mustCover}; give a certificate whose common name or alternative names include it`,
        },
      ],
    },
  });
}
