/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testRegex: '\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@tradeassist/shared-types$': '<rootDir>/../shared-types/src/index.ts' },
  testTimeout: 120000,
  // fetch's keep-alive sockets to the stopped server would hold Jest open for a few seconds.
  forceExit: true,
};
