import type { TerraformResourceLifecycle } from 'cdktf';

/**
 * Lifecycle of every stateful resource (databases, caches, buckets, keys, log projects): Terraform refuses any
 * plan that would destroy it. Removing the resource from code still destroys it, which is why the plan review
 * flags removals of stateful resources as data-loss risks.
 */
export const PREVENT_DESTROY: TerraformResourceLifecycle = { preventDestroy: true };
