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
};
