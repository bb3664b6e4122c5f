// Type-checked lint for every workspace; the import zones keep the architecture's walls.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import jest from 'eslint-plugin-jest';
import globals from 'globals';

const backendModules = [
  'access',
  'alerts',
  'audit',
  'auth',
  'backtest',
  'common',
  'config',
  'database',
  'health',
  'logging',
  'market',
  'notifications',
  'pipeline',
  'realtime',
  'rules',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.angular/**', 'coverage/**', '**/*.cjs', '**/*.mjs', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': {
        typescript: {
          project: [
            'backend/tsconfig.json',
            'frontend/tsconfig.json',
            'e2e/tsconfig.json',
            'bench/tsconfig.json',
            'shared-types/tsconfig.json',
          ],
        },
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'import-x/no-cycle': ['error', { maxDepth: 4 }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // shared-types is the contract: it imports nothing of ours.
            { target: './shared-types', from: ['./backend', './frontend', './e2e'] },
            // The engine is pure TypeScript: no other backend module.
            { target: './backend/src/engine', from: backendModules.map((m) => `./backend/src/${m}`) },
            // Backend and frontend never reach into each other.
            { target: './backend', from: './frontend' },
            { target: './frontend', from: './backend' },
            // A feature never imports another feature.
            { target: './frontend/src/app/features/*/!(*.spec.ts)', from: './frontend/src/app/features/*', except: ['./'] },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entities/*', '!./entities/*', '!../entities/*'],
              message: 'Import another module through its index.ts, never its entities.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['backend/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'ws', 'node:*'], message: 'The engine is pure TypeScript.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    plugins: { jest },
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'roundTrip'] }],
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
