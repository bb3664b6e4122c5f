const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Harness-driven page tests take a few seconds each on a busy 2-core machine.
  testTimeout: 20_000,
  moduleNameMapper: { '^@tradeassist/shared-types$': '<rootDir>/../shared-types/src/index.ts' },
};
