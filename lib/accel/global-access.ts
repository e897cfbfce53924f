import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { ResolvedAccess } from '../topology/access';
import type { AlarmModel } from '../topology/alarms';
import { GlobalAccelerator } from './accelerator';
import { AccessAssumptions } from './assumptions';
import { AccessDns } from './dns';
import { AccessRouting, type AccessUnit } from './routing';

export interface GlobalAccessProps {
  readonly orgPrefix: string;
  /** Organisation name, for descriptions. */
  readonly orgName: string;
  /** The access declaration with its defaults applied (the model's `access`). */
  readonly access: ResolvedAccess;
  /** Outputs of the unit stacks, by unit id. */
  readonly units: Readonly<Record<string, AccessUnit>>;
  /** DNS names of the ALBs some DNS record points at (a CNAME), by unit id, as the unit stacks published them. */
  readonly albDnsNames: Readonly<Record<string, string>>;
  /** Provider bound to GA_API_REGION: GA's API exists only in cn-hangzhou, whatever the access points' locations. */
  readonly provider: TerraformProvider;
  /** Each unit's endpoint-group alarms, one per access point (the model's `alarms.access`). */
  readonly endpointGroupAlarms: Readonly<Record<string, readonly AlarmModel[]>>;
}

/**
 * The access point: a Global Accelerator whose access points carry users onto Alibaba's backbone, routes each
 * hostname to the unit that owns its data, and the DNS records that send each population of users to it: straight to
 * the unit's ALB, or to an access point.
 */
export class GlobalAccess extends Construct {
  readonly settings: ResolvedAccess;
  readonly accelerator: GlobalAccelerator;
  readonly routing: AccessRouting;
  readonly dns: AccessDns;

  constructor(scope: Construct, id: string, props: GlobalAccessProps) {
    super(scope, id);
    const { provider } = props;
    this.settings = props.access;
    new AccessAssumptions(this, 'assumptions', {
      domain: props.access.domain,
      ...(props.access.listener.protocol === 'https' ? { listenerCertificateId: props.access.listener.certificateId } : {}),
      provider,
    });
    this.accelerator = new GlobalAccelerator(this, 'accelerator', {
      orgPrefix: props.orgPrefix,
      orgName: props.orgName,
      access: this.settings,
      provider,
    });
    this.routing = new AccessRouting(this, 'routing', {
      orgPrefix: props.orgPrefix,
      access: this.settings,
      units: props.units,
      acceleratorId: this.accelerator.accelerator.id,
      dependsOn: this.accelerator.bandwidthReady,
      provider,
      endpointGroupAlarms: props.endpointGroupAlarms,
    });
    this.dns = new AccessDns(this, 'dns', {
      domain: this.settings.domain,
      ttlSeconds: this.settings.dnsTtlSeconds,
      records: this.settings.dnsRecords,
      ipSets: this.accelerator.ipSets,
      albDnsNames: props.albDnsNames,
      provider,
    });
  }
}
