/**
 * Require hook of the app (cdktf.json's `app`, `npm run synth`, the benchmark): TypeScript through swc
 * (register-ts.js), plus the stack-trace economy below.
 */
'use strict';
require('./register-ts');

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
