/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': '<rootDir>/jest-esm-to-cjs.cjs' },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|libphonenumber-js|@standard-schema|ansis)/)',
  ],
  moduleNameMapper: { '^@tradeassist/shared-types$': '<rootDir>/../shared-types/src/index.ts' },
  testTimeout: 30000,
};
