/** Jest runs the TypeScript tests through swc (transpile only); `tsc --noEmit` type-checks them separately. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Generated bindings are compiled JavaScript already.
  transformIgnorePatterns: ['/node_modules/', '/\\.gen/'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  testTimeout: 60000,
  // One worker per core: Jest's default (cores - 1) leaves one of two cores idle, while the parent process only
  // collects results. On 2 cores `npm test` takes about 13.5 s this way instead of 19 s.
  maxWorkers: '100%',
};
