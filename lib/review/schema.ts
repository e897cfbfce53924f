/**
 * Reads force-new and sensitivity facts from the provider schema for an attribute path such as
 * `zone_mappings[0].zone_id` (list indices are ignored: the schema describes every element alike).
 */
import type { SchemaAttribute, SchemaBlock, SchemaBlockType } from '../schema-check/check';

/** The trimmed schema keeps `x_force_new` on nested blocks as well as on attributes. */
type BlockTypeWithFacts = SchemaBlockType & { readonly x_force_new?: boolean };

/** `a.b[0].c` → `['a', 'b', 'c']`. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s.length > 0);
}

/**
 * The schema attributes (and nested blocks, as pseudo-attributes) along `segments`, outermost first. A path
 * that runs into a map or object attribute stops there: the attribute decides for everything inside it.
 */
export function attributeAt(block: SchemaBlock, segments: readonly string[]): SchemaAttribute[] {
  const chain: SchemaAttribute[] = [];
  let current: SchemaBlock | undefined = block;
  for (const seg of segments) {
    if (!current) break;
    const attr = current.attributes?.[seg];
    if (attr) {
      chain.push(attr);
      break;
    }
    const nested = current.block_types?.[seg] as BlockTypeWithFacts | undefined;
    if (!nested) break;
    chain.push({ x_force_new: nested.x_force_new });
    current = nested.block;
  }
  return chain;
}

/**
 * Whether changing the value at `segments` forces Terraform to replace the resource: the attribute is
 * force-new, or it sits inside a force-new nested block. When the path ends at a nested block (the block was
 * added, removed or its element count changed), any force-new attribute inside it counts.
 */
export function isForceNew(block: SchemaBlock, segments: readonly string[]): boolean {
  if (attributeAt(block, segments).some((a) => a.x_force_new)) return true;
  let current: SchemaBlock | undefined = block;
  for (const seg of segments) {
    if (!current || current.attributes?.[seg]) return false;
    current = current.block_types?.[seg]?.block;
  }
  return current !== undefined && current !== block && anyForceNew(current);
}

function anyForceNew(block: SchemaBlock): boolean {
  if (Object.values(block.attributes ?? {}).some((a) => a.x_force_new)) return true;
  return Object.values(block.block_types ?? {}).some((b) => (b as BlockTypeWithFacts).x_force_new || anyForceNew(b.block));
}
