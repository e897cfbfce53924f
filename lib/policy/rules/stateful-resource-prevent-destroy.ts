import { STATEFUL_TYPES } from '../resource-classes';
import { asBool } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule } from '../types';

export const StatefulResourcePreventDestroy: PolicyRule = {
  id: 'ALI-PROT-1',
  name: 'StatefulResourcePreventDestroy',
  level: 'error',
  resourceTypes: STATEFUL_TYPES,
  info: 'The stateful resource lacks lifecycle.prevent_destroy',
  explanation:
    'Without prevent_destroy a plan that replaces or destroys the resource (a force-new attribute change, a renamed construct id) applies and loses its data; with it Terraform refuses the plan.',
  fix: 'set lifecycle: PREVENT_DESTROY (lib/core/protection.ts) on the resource',
  equivalents: [],
  evaluate(resource) {
    const lifecycle = resource.config.lifecycle as Record<string, unknown> | undefined;
    return asBool(lifecycle?.prevent_destroy) === true ? COMPLIANT : nonCompliant('lifecycle.prevent_destroy is not true');
  },
};
