/**
 * Trims a full provider schema (the JSON of `terraform providers schema -json`, or the extracted
 * ../shared/provider-schema/alicloud-<version>.schema.json) to the resource types listed in
 * provider/resource-types.json, keeping every attribute and the `x_` facts (enums, ranges, force-new)
 * that the schema check and the plan review rely on.
 *
 *   npm run schema:trim -- <full-schema.json>
 *
 * Output is written with sorted keys so that a regeneration diff shows only real change.
 */
import * as fs from 'fs';
import * as path from 'path';

interface TypeList {
  readonly provider: { readonly source: string; readonly version: string };
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

const ROOT = path.resolve(__dirname, '..');
const LIST_FILE = path.join(ROOT, 'provider', 'resource-types.json');
const OUT_FILE = path.join(ROOT, 'provider', 'alicloud.schema.json');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

/** The parts of `terraform providers schema -json` output the trim reads. */
interface FullSchema {
  readonly format_version?: string;
  readonly x_source?: string;
  readonly provider_versions?: Readonly<Record<string, string>>;
  readonly provider_schemas?: Readonly<
    Record<
      string,
      { readonly provider: Json; readonly resource_schemas?: Readonly<Record<string, Json>>; readonly data_source_schemas?: Readonly<Record<string, Json>> }
    >
  >;
}

export function trimSchema(full: FullSchema, list: TypeList): Json {
  const fqpn = `registry.terraform.io/${list.provider.source}`;
  const ps = full?.provider_schemas?.[fqpn];
  if (!ps) {
    throw new Error(`schema has no provider "${fqpn}" (found: ${Object.keys(full?.provider_schemas ?? {}).join(', ') || 'none'})`);
  }
  const missing: string[] = [];
  const pick = (kind: 'resource_schemas' | 'data_source_schemas', names: readonly string[]) => {
    const out: { [k: string]: Json } = {};
    for (const n of names) {
      if (!ps[kind]?.[n]) missing.push(`${kind === 'resource_schemas' ? 'resource' : 'data source'} ${n}`);
      else out[n] = ps[kind][n];
    }
    return out;
  };
  const resources = pick('resource_schemas', list.resources);
  const dataSources = pick('data_source_schemas', list.dataSources);
  if (missing.length) {
    throw new Error(
      `provider/resource-types.json lists types the schema does not have:\n  ${missing.join('\n  ')}\nfix the list or use the schema of the right provider version`,
    );
  }
  const declared = full.provider_versions?.[fqpn];
  if (declared && declared !== list.provider.version) {
    throw new Error(
      `schema is for ${list.provider.source} ${declared}, provider/resource-types.json pins ${list.provider.version}; update the pin or use the matching schema`,
    );
  }
  return sortKeys({
    format_version: full.format_version ?? '1.0',
    x_source: `${full.x_source ?? list.provider.source}; trimmed by scripts/trim-schema.ts to provider/resource-types.json`,
    provider_versions: { [fqpn]: list.provider.version },
    provider_schemas: {
      [fqpn]: {
        provider: ps.provider,
        resource_schemas: resources,
        data_source_schemas: dataSources,
      },
    },
  });
}

function main(argv: string[]): void {
  const src = argv[0];
  if (!src) {
    process.stderr.write('usage: npm run schema:trim -- <full provider schema JSON>\n');
    process.exit(2);
  }
  const list: TypeList = JSON.parse(fs.readFileSync(LIST_FILE, 'utf8'));
  const full = JSON.parse(fs.readFileSync(src, 'utf8'));
  const trimmed = trimSchema(full, list);
  fs.writeFileSync(OUT_FILE, JSON.stringify(trimmed, null, 1) + '\n');
  process.stdout.write(
    `wrote ${path.relative(ROOT, OUT_FILE)}: ${list.resources.length} resource types, ${list.dataSources.length} data sources, ${list.provider.source} ${list.provider.version}\n`,
  );
}

if (require.main === module) main(process.argv.slice(2));
