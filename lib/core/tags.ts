/**
 * Tags through one mechanism. Constructs say which tags a scope carries (`addTags(scope, {...})`); at synth, the
 * `TaggingAspect` gives every taggable resource the tags of all its scopes, outermost first (the app's declared
 * tags, then the unit, then the tier or purpose of the resource itself), followed by any tags its configuration
 * names. No construct merges tag maps by hand.
 *
 * Taggable means the provider schema gives the resource a `tags` map (the generated binding then has `tagsInput`);
 * `alicloud_ecs_launch_template` also tags the instances it launches (`template_tags`), which get the scope tags
 * without the launch template's own.
 */
import { Aspects, TerraformResource } from 'cdktf';
import type { IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';

export type TagMap = Readonly<Record<string, string>>;

const scopeTags = new WeakMap<IConstruct, Record<string, string>>();

/** Tags `scope` and every taggable resource below it; a later call on the same scope adds to (or overrides) it. */
export function addTags(scope: IConstruct, tags: TagMap): void {
  scopeTags.set(scope, { ...scopeTags.get(scope), ...tags });
}

/** The tags a construct collects from its scopes, outermost first. */
export function tagsOf(construct: IConstruct, options: { readonly includeSelf?: boolean } = {}): Record<string, string> {
  const scopes = options.includeSelf === false ? construct.node.scopes.slice(0, -1) : construct.node.scopes;
  const out: Record<string, string> = {};
  for (const scope of scopes) Object.assign(out, scopeTags.get(scope));
  return out;
}

interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput?: Record<string, string>;
}
interface TemplateTaggable {
  templateTags: Record<string, string>;
  readonly templateTagsInput?: Record<string, string>;
}

const isTaggable = (r: TerraformResource): r is TerraformResource & Taggable => 'tagsInput' in r;
const hasTemplateTags = (r: TerraformResource): r is TerraformResource & TemplateTaggable => 'templateTagsInput' in r;

export class TaggingAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    if (isTaggable(node)) {
      const tags = { ...tagsOf(node), ...node.tagsInput };
      if (Object.keys(tags).length > 0) node.tags = tags;
    }
    if (hasTemplateTags(node)) {
      const tags = { ...tagsOf(node, { includeSelf: false }), ...node.templateTagsInput };
      if (Object.keys(tags).length > 0) node.templateTags = tags;
    }
  }
}

/** Applies the tagging aspect to everything below `scope` (the app). */
export function applyTagging(scope: IConstruct): void {
  Aspects.of(scope).add(new TaggingAspect());
}
