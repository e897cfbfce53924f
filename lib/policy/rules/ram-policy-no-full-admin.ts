import { blocks, isReference } from '../values';
import { COMPLIANT, nonCompliant, PolicyRule, unknown } from '../types';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isWildcardAction = (a: unknown) => a === '*' || a === '*:*';

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
        parsed = JSON.parse(doc);
      } catch {
        return isReference(doc) ? unknown('the policy document is a Terraform expression; build it as literal JSON') : nonCompliant('the policy document is not valid JSON');
      }
      for (const s of asList(parsed.Statement) as Record<string, unknown>[]) statements.push({ effect: s.Effect, action: s.Action, resource: s.Resource });
    }
    for (const s of statements) {
      if (s.effect !== 'Allow') continue;
      if (asList(s.action).some(isWildcardAction) && asList(s.resource).includes('*')) return nonCompliant('a statement allows Action "*" on Resource "*"');
    }
    const ref = statements.find((s) => s.effect === 'Allow' && [...asList(s.action), ...asList(s.resource)].some(isReference));
    return ref ? unknown('an Allow statement names actions or resources through references') : COMPLIANT;
  },
};
