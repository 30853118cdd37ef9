import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Adapter specs run their port's contract suite from @dm/testing, which imports the adapters: test-only cycles.
const testOnlyCycles = [
  ['testing', 'event-store'],
  ['testing', 'messaging'],
  ['testing', 'read-store'],
  ['messaging', 'event-store'],
];

const drivers = ['@nestjs/*', 'kafkajs', 'mongodb', 'better-sqlite3', '@kurrent/*', 'fastify', 'jsonwebtoken'];

export default [
  { ignores: ['dist/**', 'node_modules/**', '**/*.mjs', '**/*.js', 'infra/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          ignoredCircularDependencies: testOnlyCycles,
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: drivers },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'], bannedExternalImports: drivers },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:adapter', 'type:contracts'], bannedExternalImports: ['@nestjs/*'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:adapter', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:adapter', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:platform', 'type:adapter', 'type:contracts', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:application', 'type:platform', 'type:adapter', 'type:contracts', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:composition', 'type:application', 'type:platform', 'type:adapter', 'type:contracts', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:composition', 'type:application', 'type:platform', 'type:adapter', 'type:contracts', 'type:domain', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    // Specs of adapters may use the contract suites and fixtures of @dm/testing.
    files: ['libs/shared/{event-store,messaging,read-store}/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ignoredCircularDependencies: testOnlyCycles,
          depConstraints: [{ sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:adapter', 'type:contracts', 'type:testing'], bannedExternalImports: ['@nestjs/*'] }],
        },
      ],
    },
  },
  {
    // Specs of adapters may use the contract suites and fixtures of @dm/testing.
    files: ['libs/shared/{event-store,messaging,read-store}/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ignoredCircularDependencies: testOnlyCycles,
          depConstraints: [{ sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:adapter', 'type:contracts', 'type:testing'], bannedExternalImports: ['@nestjs/*'] }],
        },
      ],
    },
  },
];
