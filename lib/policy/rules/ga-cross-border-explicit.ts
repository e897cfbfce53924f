import { asBool, attachedTo, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, type ResourceView, type RuleContext, type RuleResult, unknown } from '../types';

/** True when a CrossDomain bandwidth package of the stack is attached to the accelerator. */
function hasCrossDomainPackage(ga: ResourceView, context: RuleContext): boolean {
  const packages = context.resourcesOfType('alicloud_ga_bandwidth_package').filter((p) => p.config.type === 'CrossDomain');
  const attachments = attachedTo(context.resourcesOfType('alicloud_ga_bandwidth_package_attachment'), 'accelerator_id', ga);
  return packages.some((p) =>
    attachments.some((a) => typeof a.config.bandwidth_package_id === 'string' && a.config.bandwidth_package_id.includes(`\${${p.address}.`)),
  );
}

export const GACrossBorderExplicit: PolicyRule = {
  id: 'ALI-GA-1',
  name: 'GACrossBorderExplicit',
  level: 'error',
  resourceTypes: ['alicloud_ga_accelerator'],
  info: 'The accelerator does not carry cross-border traffic the way the declaration says',
  explanation:
    'Traffic from an overseas access point to mainland endpoints needs either pay-by-data-transfer with cross_border_status = true (China-site accounts) or a CrossDomain bandwidth package (international-site accounts); left implicit, it is dropped or billed unexpectedly.',
  fix: 'access.crossBorder "cdt": bandwidth_billing_type "CDT" and cross_border_status = true; "bandwidth-package": bandwidth_billing_type "BandwidthPackage" and a CrossDomain alicloud_ga_bandwidth_package attached to the accelerator; without a declaration, set bandwidth_billing_type and (with CDT) cross_border_status explicitly',
  equivalents: [],
  evaluate(ga, context): RuleResult {
    const billing = ga.config.bandwidth_billing_type;
    const status = asBool(ga.config.cross_border_status);
    if (isReference(billing)) return unknown(`bandwidth_billing_type is the reference ${billing}`);
    if (status === 'reference') return unknown(`cross_border_status is the reference ${ga.config.cross_border_status}`);
    const declared = context.model?.access.crossBorder.billing;
    if (declared === 'cdt') {
      return billing === 'CDT' && status === true
        ? COMPLIANT
        : nonCompliant(
            `access.crossBorder is "cdt" but bandwidth_billing_type is ${shown(billing)} and cross_border_status ${shown(ga.config.cross_border_status)}`,
          );
    }
    if (declared === 'bandwidth-package') {
      if (billing !== 'BandwidthPackage') return nonCompliant(`access.crossBorder is "bandwidth-package" but bandwidth_billing_type is ${shown(billing)}`);
      return hasCrossDomainPackage(ga, context) ? COMPLIANT : nonCompliant('no CrossDomain alicloud_ga_bandwidth_package is attached to the accelerator');
    }
    if (billing === 'CDT') return status === undefined ? nonCompliant('bandwidth_billing_type is "CDT" and cross_border_status is unset') : COMPLIANT;
    if (billing === 'BandwidthPackage') {
      return status === true
        ? nonCompliant('cross_border_status = true has no effect with bandwidth packages; cross-border needs a CrossDomain package')
        : COMPLIANT;
    }
    return nonCompliant(`bandwidth_billing_type is ${shown(billing)}`);
  },
};
