/**
 * The end-to-end tier (`npm run test:e2e`): tests under test/e2e/ that run the entry points as a user does (the
 * cdktf CLI, `npm run` scripts in scratch copies of the project, real Terraform with the stand-in provider). Tests
 * that need Terraform or the stand-in skip with a one-line notice where either is absent.
 */
const unit = require('./jest.config.js');

module.exports = {
  ...unit,
  testPathIgnorePatterns: ['/node_modules/'],
  roots: ['<rootDir>/test/e2e'],
  // Each test spawns processes of its own: one at a time keeps their timings and temp folders apart.
  maxWorkers: 1,
  testTimeout: 300000,
};
