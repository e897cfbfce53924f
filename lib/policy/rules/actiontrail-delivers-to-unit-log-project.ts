import { isReference, isSet, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule } from '../types';

export const ActionTrailDeliversToUnitLogProject: PolicyRule = {
  id: 'ALI-TRAIL-3',
  name: 'ActionTrailDeliversToUnitLogProject',
  level: 'error',
  resourceTypes: ['alicloud_actiontrail_trail'],
  info: "The trail does not deliver to a log project in its unit's region",
  explanation:
    "Audit events describe the unit's data and users: they are kept, queryable, in the unit's own SLS project, not only in the 90-day event history.",
  fix: "set sls_project_arn to the unit's log project (acs:log:<unit region>:<account>:project/<name>) and sls_write_role_arn",
  equivalents: [],
  evaluate(trail, context) {
    const arn = trail.config.sls_project_arn;
    if (!isSet(arn)) return nonCompliant('sls_project_arn is unset');
    // A reference (built from the project's attributes) is set; its region follows from ALI-RES-1 on the project.
    if (isReference(arn) || !context.unit) return COMPLIANT;
    const region = /^acs:log:([^:]+):/.exec(String(arn))?.[1];
    return region === context.unit.region ? COMPLIANT : nonCompliant(`sls_project_arn ${shown(arn)} is not in ${context.unit.region}`);
  },
};
