import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { GaAccelerator } from '../../.gen/providers/alicloud/ga-accelerator';
import { GaBandwidthPackage } from '../../.gen/providers/alicloud/ga-bandwidth-package';
import { GaBandwidthPackageAttachment } from '../../.gen/providers/alicloud/ga-bandwidth-package-attachment';
import { GaIpSet } from '../../.gen/providers/alicloud/ga-ip-set';
import type { ResolvedAccess, ResolvedCrossBorder } from '../topology/access';
import { accessNames } from '../topology/naming';
import { PREVENT_DESTROY } from '../core/protection';

export interface GlobalAcceleratorProps {
  readonly orgPrefix: string;
  /** Organisation name, for descriptions. */
  readonly orgName: string;
  /** The validated access declaration with its defaults applied. */
  readonly access: ResolvedAccess;
  /** Provider bound to the GA API region (cn-hangzhou), whatever the access points' locations. */
  readonly provider: TerraformProvider;
}

/**
 * The Standard accelerator, the bandwidth that carries its traffic (by data transfer, or bandwidth packages for
 * cross-border carriage bought on the international site) and one IP set per access point.
 */
export class GlobalAccelerator extends Construct {
  readonly accelerator: GaAccelerator;
  /** Bandwidth packages by role (`basic`, `cross-border`); empty when billed by data transfer. */
  readonly bandwidthPackages: Readonly<Record<string, GaBandwidthPackage>>;
  /** IP sets by access point name. */
  readonly ipSets: Readonly<Record<string, GaIpSet>>;
  /**
   * What listeners and IP sets must wait for: GA refuses to create them before the accelerator has its
   * bandwidth packages attached.
   */
  readonly bandwidthReady: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: GlobalAcceleratorProps) {
    super(scope, id);
    const { access, provider } = props;
    const names = accessNames(props.orgPrefix);
    const cb = access.crossBorder;
    const payment = access.payment;

    // GA has no deletion-protection switch for accelerators or bandwidth packages (provider 1.289.0), so
    // prevent_destroy is the only guard. A Subscription instance that Terraform "destroys" is only dropped from
    // state and keeps billing until it expires (docs/accel.md).
    this.accelerator = new GaAccelerator(this, 'accelerator', {
      provider,
      acceleratorName: names.accelerator.name,
      description: `Access points of ${props.orgName}`,
      // payment_type and bandwidth_billing_type force replacement: both come straight from the declaration.
      paymentType: payment.type,
      // Only a subscription has a spec. A pay-as-you-go standard accelerator takes none (GA: "you do not need to select a
      // specification", https://www.alibabacloud.com/help/doc-detail/153200.htm); the provider's own PayAsYouGo test sets
      // none (alicloud/resource_alicloud_ga_accelerator_test.go:438-448), and Read sets `spec` from the API
      // (alicloud/resource_alicloud_ga_accelerator.go:191-217), so a spec on one could never converge.
      ...(payment.type === 'Subscription'
        ? {
            spec: payment.spec,
            duration: payment.months,
            pricingCycle: 'Month',
            renewalStatus: payment.autoRenew ? 'AutoRenewal' : 'Normal',
            ...(payment.autoRenew ? { autoRenewDuration: 1 } : {}),
            autoUseCoupon: false,
          }
        : {}),
      ...acceleratorBandwidth(cb),
      lifecycle: PREVENT_DESTROY,
    });

    const packages: Record<string, GaBandwidthPackage> = {};
    const attachments: GaBandwidthPackageAttachment[] = [];
    if (cb.billing === 'bandwidth-package') {
      const subscription = {
        paymentType: 'Subscription',
        duration: String(cb.subscriptionMonths),
        autoPay: true,
        autoUseCoupon: false,
        renewalStatus: 'AutoRenewal',
        autoRenewDuration: 1,
      };
      // The Basic package carries the access points' bandwidth; ALB endpoints are Alibaba Cloud endpoints, which
      // the Basic bandwidth type serves.
      packages.basic = new GaBandwidthPackage(this, 'basic-package', {
        provider,
        bandwidthPackageName: names.basicPackage.name,
        description: `Access point bandwidth of ${props.orgName}`,
        type: 'Basic',
        bandwidthType: 'Basic',
        bandwidth: cb.basicBandwidthMbps,
        ...subscription,
        lifecycle: PREVENT_DESTROY,
      });
      // Cross-border carriage between mainland China and the rest of the world; only international-site
      // accounts with enterprise real-name verification can buy it.
      packages['cross-border'] = new GaBandwidthPackage(this, 'cross-border-package', {
        provider,
        bandwidthPackageName: names.crossBorderPackage.name,
        description: `Cross-border bandwidth (China-mainland <-> Global) of ${props.orgName}`,
        type: 'CrossDomain',
        cbnGeographicRegionIda: 'China-mainland',
        cbnGeographicRegionIdb: 'Global',
        bandwidth: cb.bandwidthMbps,
        ...subscription,
        lifecycle: PREVENT_DESTROY,
      });
      for (const [role, pkg] of Object.entries(packages)) {
        attachments.push(
          new GaBandwidthPackageAttachment(this, `${role}-package-attachment`, {
            provider,
            acceleratorId: this.accelerator.id,
            bandwidthPackageId: pkg.id,
          }),
        );
      }
    }
    this.bandwidthPackages = packages;
    this.bandwidthReady = attachments;

    const ipSets: Record<string, GaIpSet> = {};
    for (const ap of access.accessPoints) {
      ipSets[ap.name] = new GaIpSet(this, `ip-set-${ap.name}`, {
        provider,
        acceleratorId: this.accelerator.id,
        accelerateRegionId: ap.region,
        bandwidth: ap.bandwidthMbps,
        ipVersion: 'IPv4',
        ...(attachments.length ? { dependsOn: attachments } : {}),
      });
    }
    this.ipSets = ipSets;
  }
}

/** The accelerator's billing attributes for the declared cross-border choice. */
function acceleratorBandwidth(cb: ResolvedCrossBorder): { bandwidthBillingType: string; crossBorderStatus?: boolean; crossBorderMode?: string } {
  switch (cb.billing) {
    case 'cdt':
      return { bandwidthBillingType: 'CDT', crossBorderStatus: true, ...(cb.mode ? { crossBorderMode: cb.mode } : {}) };
    case 'bandwidth-package':
      return { bandwidthBillingType: 'BandwidthPackage' };
    case 'none':
      // Validation only lets this through when no access point crosses the mainland border.
      return { bandwidthBillingType: 'CDT', crossBorderStatus: false };
  }
}
