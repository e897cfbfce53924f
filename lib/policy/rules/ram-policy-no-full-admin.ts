import { jsonencodeToJson } from '../hcl';
import { blocks, isReference } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isWildcardAction = (a: unknown) => a === '*' || a === '*:*';
const isWholeReference = (v: unknown) => typeof v === 'string' && /^\$\{[\s\S]*\}$/.test(v);

export const RAMPolicyNoFullAdmin: PolicyRule = {
  id: 'ALI-RAM-1',
  name: 'RAMPolicyNoFullAdmin',
  level: 'error',
  resourceTypes: ['alicloud_ram_policy'],
  info: 'The RAM policy allows every action on every resource',
  explanation: 'Action "*" on Resource "*" is account-wide administrator access: whoever holds it can read any unit\'s data and delete anything.',
  fix: 'list the actions and resources the role needs; use the system AdministratorAccess policy through a controlled process instead',
  equivalents: ['KICS ram_policy_admin_access_not_attached_to_users_groups_roles', 'InfraGuard ram-policy-no-statements-with-admin-access-check'],
  evaluate(policy) {
    const doc = policy.config.policy_document ?? policy.config.document;
    const statements: { effect: unknown; action: unknown; resource: unknown }[] = [];
    for (const s of blocks(policy.config.statement)) statements.push({ effect: s.effect, action: s.action, resource: s.resource });
    if (typeof doc === 'string') {
      let parsed: { Statement?: unknown };
      try {
        // Fn.jsonencode keeps the document readable as long as references sit inside strings.
        parsed = JSON.parse(jsonencodeToJson(doc) ?? doc);
      } catch {
        return isReference(doc)
          ? unknown('the policy document is a Terraform expression that is not a jsonencode of an object literal; build it as JSON or jsonencode({...})')
          : nonCompliant('the policy document is not valid JSON');
      }
      for (const s of asList(parsed.Statement) as Record<string, unknown>[]) statements.push({ effect: s.Effect, action: s.Action, resource: s.Resource });
    }
    let undecided = false;
    for (const s of statements) {
      if (s.effect !== 'Allow') continue;
      const actions = asList(s.action);
      const resources = asList(s.resource);
      if (actions.some(isWildcardAction) && resources.includes('*')) return nonCompliant('a statement allows Action "*" on Resource "*"');
      // Only a value that is wholly a reference can turn out to be "*"; "acs:oss:*:*:${bucket}/*" cannot.
      const mayBeWildAction = actions.some(isWildcardAction) || actions.some(isWholeReference) || isWholeReference(s.action);
      const mayBeWildResource = resources.includes('*') || resources.some(isWholeReference) || isWholeReference(s.resource);
      if (mayBeWildAction && mayBeWildResource) undecided = true;
    }
    return undecided ? unknown('an Allow statement takes its actions or resources wholly from references') : COMPLIANT;
  },
};
