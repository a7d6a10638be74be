/**
 * Two projects: fast unit tests (`*.test.ts`) with in-memory adapters, and
 * integration tests (`*.int.test.ts`) against the local emulators.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
  ],
};

// jose ships as ES modules only: compile it like the sources, so that
// code using it (src/local/local-auth.ts) runs under jest's CommonJS.
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests talk to emulators on a shared 2-core machine, where
  // a busy neighbour can stretch a call ten-fold: allow for it.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/**/*.int.test.ts'],
      globalSetup: '<rootDir>/tests/support/dynamodb-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/dynamodb-global-teardown.ts',
    },
  ],
};
