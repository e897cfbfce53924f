import { asBool, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, PolicyRule, unknown } from '../types';

export const GACrossBorderExplicit: PolicyRule = {
  id: 'ALI-GA-1',
  name: 'GACrossBorderExplicit',
  level: 'error',
  resourceTypes: ['alicloud_ga_accelerator'],
  info: 'The accelerator does not state how cross-border traffic is carried',
  explanation: 'Traffic from an overseas access point to mainland endpoints needs either pay-by-data-transfer with cross_border_status = true or a CrossDomain bandwidth package; left implicit, it is dropped or billed unexpectedly.',
  fix: 'set bandwidth_billing_type; with "CDT" set cross_border_status explicitly (true to carry cross-border traffic); with "BandwidthPackage" leave cross_border_status unset and attach a CrossDomain alicloud_ga_bandwidth_package',
  equivalents: [],
  evaluate(ga) {
    const billing = ga.config.bandwidth_billing_type;
    if (isReference(billing)) return unknown(`bandwidth_billing_type is the reference ${billing}`);
    const status = asBool(ga.config.cross_border_status);
    if (billing === 'CDT') {
      if (status === 'reference') return unknown(`cross_border_status is the reference ${ga.config.cross_border_status}`);
      return status === undefined ? nonCompliant('bandwidth_billing_type is "CDT" and cross_border_status is unset') : COMPLIANT;
    }
    if (billing === 'BandwidthPackage') {
      return status === true ? nonCompliant('cross_border_status = true has no effect with bandwidth packages; cross-border needs a CrossDomain package') : COMPLIANT;
    }
    return nonCompliant(`bandwidth_billing_type is ${shown(billing)}`);
  },
};
