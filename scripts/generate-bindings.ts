/**
 * Generates the TypeScript provider bindings from the trimmed schemas kept in provider/, the same
 * classes `cdktf get` would write, and compiles them once to JavaScript + declarations in .gen/providers.
 *
 * Why compile: loading ~70 generated TypeScript modules through ts-node costs seconds on every synth and
 * test run; compiled JavaScript loads in a fraction of that, and tsc reads the .d.ts files only.
 *
 * Runs from `npm ci` (postinstall) and is cheap to re-run: it skips work when the schema files have not
 * changed since the last generation (a hash is kept in .gen/bindings.hash).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = ['alicloud.schema.json', 'random.schema.json'].map((f) => path.join(ROOT, 'provider', f));
const GEN = path.join(ROOT, '.gen');
// Generated sources go beside .gen, not in it: tsc excludes its own outDir from the inputs.
const SRC = path.join(ROOT, '.gen-src');
const HASH_FILE = path.join(GEN, 'bindings.hash');

interface SchemaFile {
  readonly provider_schemas: Record<string, unknown>;
  readonly provider_versions: Record<string, string>;
}

function schemaHash(): string {
  const h = createHash('sha256');
  for (const f of SCHEMAS) h.update(fs.readFileSync(f));
  // the generator's own version changes the output too
  h.update(JSON.parse(fs.readFileSync(require.resolve('@cdktf/provider-generator/package.json'), 'utf8')).version);
  return h.digest('hex');
}

async function generate(): Promise<void> {
  // Imported lazily: the generator is heavy and is not needed when the bindings are current.
  const { TerraformProviderGenerator, CodeMaker } = await import('@cdktf/provider-generator');
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = await import('@cdktf/commons');
  fs.rmSync(GEN, { recursive: true, force: true });
  fs.rmSync(SRC, { recursive: true, force: true });
  for (const file of SCHEMAS) {
    const schema: SchemaFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const fqpn of Object.keys(schema.provider_schemas)) {
      const version = schema.provider_versions[fqpn];
      if (!version) throw new Error(`${path.relative(ROOT, file)}: provider_versions has no entry for ${fqpn}`);
      const source = fqpn.replace(/^registry\.terraform\.io\//, '');
      const code = new CodeMaker();
      const generator = new TerraformProviderGenerator(code, schema as never);
      // An exact version constraint: the synthesized required_providers pins this version.
      generator.generate(new ConstructsMakerProviderTarget(new TerraformProviderConstraint({ source, version, name: source.split('/')[1] }), LANGUAGES[0]));
      await code.save(SRC);
    }
  }
}

function compile(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'provider', 'tsconfig.bindings.json')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  // Only the compiled form stays: with .ts sources beside it, tsc would type-check 3 MB of bindings.
  fs.rmSync(SRC, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const hash = schemaHash();
  if (!force && fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, 'utf8') === hash) {
    process.stdout.write('bindings in .gen/ are up to date\n');
    return;
  }
  const started = Date.now();
  await generate();
  compile();
  fs.writeFileSync(HASH_FILE, hash);
  process.stdout.write(`generated provider bindings in .gen/providers (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((e) => {
  process.stderr.write(`generate-bindings: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
