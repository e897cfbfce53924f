import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const ActionTrailAllEvents: PolicyRule = {
  id: 'ALI-TRAIL-1',
  name: 'ActionTrailAllEvents',
  level: 'error',
  resourceTypes: ['alicloud_actiontrail_trail'],
  info: 'The trail does not record both read and write events',
  explanation: 'Reads of staff data are as relevant to an investigation as changes; a write-only trail misses who looked at what.',
  fix: 'set event_rw = "All"',
  equivalents: ['Checkov CKV_ALI_5'],
  evaluate(trail) {
    const v = trail.config.event_rw;
    if (v === 'All') return COMPLIANT;
    if (isReference(v)) return unknown(`event_rw is the reference ${v}`);
    return nonCompliant(`event_rw is ${shown(v)}`);
  },
};
