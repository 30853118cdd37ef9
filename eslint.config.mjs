import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Layers (docs/architecture.md, "Layers"), enforced by Nx tags:
//   contracts ← core ← domain ← platform/application ← composition ← service
//   core ← port ← adapter ← composition
// Only the composition imports adapters; no service imports the testing library.
const drivers = ['kafkajs', 'mongodb', 'better-sqlite3', '@kurrent/*', 'jsonwebtoken', 'pino', 'prom-client', 'nodemailer'];
// Document writers: only the report-documents library renders files.
const writers = ['exceljs', 'pdfkit'];
const framework = ['@nestjs/*', 'fastify'];
const pure = [...drivers, ...framework, ...writers];

const constraints = {
  'type:contracts': { allow: ['type:contracts'], banned: pure },
  'type:core': { allow: ['type:contracts'], banned: pure },
  'type:domain': { allow: ['type:domain', 'type:core', 'type:contracts'], banned: pure },
  'type:port': { allow: ['type:port', 'type:core', 'type:contracts'], banned: pure },
  'type:adapter': { allow: ['type:port', 'type:core', 'type:contracts'], banned: framework },
  'type:testing': { allow: ['type:contracts'], banned: pure },
  'type:platform': {
    allow: ['type:port', 'type:core', 'type:domain', 'type:contracts'],
    banned: drivers.filter((d) => d !== 'jsonwebtoken' && d !== 'pino' && d !== 'prom-client'),
  },
  'type:document': { allow: ['type:domain', 'type:core', 'type:contracts'], banned: [...drivers, ...framework] },
  'type:application': {
    allow: ['type:platform', 'type:document', 'type:domain', 'type:port', 'type:core', 'type:contracts'],
    banned: [...drivers, ...writers],
  },
  'type:composition': {
    allow: [
      'type:application',
      'type:platform',
      'type:document',
      'type:adapter',
      'type:domain',
      'type:port',
      'type:core',
      'type:contracts',
    ],
    banned: [],
  },
  'type:service': { allow: ['type:composition'], banned: [] },
  'type:e2e': {
    allow: [
      'type:composition',
      'type:testing',
      'type:platform',
      'type:document',
      'type:domain',
      'type:port',
      'type:core',
      'type:contracts',
    ],
    banned: [],
  },
  'type:tool': {
    allow: [
      'type:composition',
      'type:e2e',
      'type:testing',
      'type:platform',
      'type:document',
      'type:domain',
      'type:port',
      'type:core',
      'type:contracts',
    ],
    banned: [],
  },
};

/** The module-boundary rule; `extra` tags every source may also use (specs may use the testing library). */
const boundaries = (extra = []) => [
  'error',
  {
    allow: [],
    depConstraints: Object.entries(constraints).map(([sourceTag, { allow, banned }]) => ({
      sourceTag,
      onlyDependOnLibsWithTags: [...allow, ...extra],
      bannedExternalImports: banned,
    })),
  },
];

export default [
  { ignores: ['dist/**', 'node_modules/**', '**/*.mjs', '**/*.js', 'infra/**', 'reports/**', '.stryker-tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(),
    },
  },
  {
    // The web app's components (services/web): the same unused-variable rule as the TypeScript modules.
    files: ['services/web/**/*.tsx'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    // Specs, their fixtures, and the contract suites of the ports may use the testing library (never a service).
    files: ['**/*.spec.ts', '**/*.fixtures.ts', 'libs/shared/*/src/testing/**/*.ts'],
    ignores: ['services/**'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing']) },
  },
];
