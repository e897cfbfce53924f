/**
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

// cdktf captures a full stack trace for every token it creates (to say where a token that fails to resolve was
// made): it calls Error.captureStackTrace on a plain object with an unlimited depth and reads `.stack`. Collecting
// and formatting those frames cost a tenth of a synth; they only ever appear in cdktf's resolution errors (as the
// token's "creation stack"). So frames are collected only for real Errors, whose traces keep V8's standard format;
// a plain object keeps the `.stack` it had (cdktf sets ''). For creation stacks while debugging a resolution error,
// run the app with `node -r ts-node/register main.ts`.
const captureStackTrace = Error.captureStackTrace;
Error.captureStackTrace = function captureErrorStackTrace(target, below) {
  if (target instanceof Error) captureStackTrace(target, below);
};
const standardFormat = (error, frames) => `${Error.prototype.toString.call(error)}${frames.map((f) => `\n    at ${f}`).join('')}`;
Error.prepareStackTrace = (error, frames) => (error instanceof Error ? standardFormat(error, frames) : '');
