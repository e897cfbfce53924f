import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const ActionTrailRegionCoverage: PolicyRule = {
  id: 'ALI-TRAIL-2',
  name: 'ActionTrailRegionCoverage',
  level: 'error',
  resourceTypes: ['alicloud_actiontrail_trail'],
  info: "The trail covers neither all regions nor its unit's own region",
  explanation: 'Events in a region no trail covers leave no record; a unit trail must at least cover its own region.',
  fix: 'set trail_region = "All" (or, in a unit stack, the unit\'s region)',
  equivalents: ['Checkov CKV_ALI_4', 'KICS action_trail_logging_all_regions_disabled'],
  evaluate(trail, context) {
    const v = trail.config.trail_region;
    if (v === 'All') return COMPLIANT;
    if (isReference(v)) return unknown(`trail_region is the reference ${v}`);
    if (context.unit && v === context.unit.region) return COMPLIANT;
    return nonCompliant(`trail_region is ${shown(v)}${context.unit ? ` (unit ${context.unit.id} is in ${context.unit.region})` : ''}`);
  },
};
