/**
 * Require hook for TypeScript, transpile only (the tools that need V8's stack traces as they are, e.g. `npm test`'s
 * checks, load this; the app loads register.js, which adds cdktf's stack-trace economy on top).
 *
 * Require hook for the app's TypeScript (cdktf.json's `app`, `npm run synth`, the benchmark): transpile-only with
 * swc and a disk cache of the output, nothing else. ts-node, even transpile-only, also loads the TypeScript
 * compiler and installs source-map-support, which rewrites every stack trace cdktf captures for each token it
 * creates: together they doubled the synth time (docs/operations.md, "Performance"). Types are checked
 * separately (`npm test` runs `tsc --noEmit`). For stack traces mapped to TypeScript lines while debugging, run
 * the app with `node -r ts-node/register main.ts` instead.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: false,
  swcrc: false,
  configFile: false,
};
// Output depends on the source, the options and the swc version; a new swc or new options start a new cache.
const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'swc-register');
const SALT = JSON.stringify([require('@swc/core/package.json').version, options]);

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(SALT).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  // Loaded only on a miss: the native binding alone costs more than reading every cached file.
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(source, { ...options, filename });
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so a concurrent run never reads half a file.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached);
  } catch {
    // A read-only checkout still runs, uncached.
  }
  return code;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
