/**
 * Jest runs the TypeScript tests through swc (transpile only); `tsc --noEmit` type-checks them separately.
 * `npm test` runs the unit tier (test/, but test/e2e/). The end-to-end tier, test/e2e/, runs the entry points as a
 * user does (the cdktf CLI, real Terraform with the stand-in provider, scratch copies of the project): it takes
 * minutes, so it has its own command, `npm run test:e2e` (jest.e2e.config.js), which CI runs too.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Generated bindings are compiled JavaScript already.
  transformIgnorePatterns: ['/node_modules/', '/\\.gen/'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  testTimeout: 60000,
  // One worker per core: Jest's default (cores - 1) leaves one of two cores idle, while the parent process only
  // collects results. On 2 cores `npm test` takes about 13.5 s this way instead of 19 s.
  maxWorkers: '100%',
};
