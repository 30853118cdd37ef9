// Tiers by suffix (docs/architecture.md, "Tests"): *.spec.ts unit, *.int.spec.ts real adapters,
// *.e2e.spec.ts whole system over HTTP, *.fault.spec.ts faults of shared infrastructure.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `<rootDir>/${target}`]),
);

// The compiler options of the build (/.swcrc), so tests run the code the build makes.
const { $schema, ...swcrc } = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
const swc = ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools'],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [
        '\\.int\\.spec\\.ts$',
        '\\.e2e\\.spec\\.ts$',
        '\\.fault\\.spec\\.ts$',
        '\\.browser\\.spec\\.ts$',
        '\\.fuzz\\.spec\\.ts$',
        '/node_modules/',
      ],
    },
    { ...base, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'], setupFiles: ['<rootDir>/libs/e2e/src/test-environment.ts'] },
    // Every route fuzzed from its OpenAPI operation (FUZZ_RUNS requests each, 1,000 by default): minutes, so apart from e2e.
    { ...base, displayName: 'fuzz', testMatch: ['**/*.fuzz.spec.ts'], setupFiles: ['<rootDir>/libs/e2e/src/test-environment.ts'] },
    // A real Chromium against the built embedded server (npm run build first; npm test does).
    {
      ...base,
      displayName: 'browser',
      testMatch: ['**/*.browser.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/e2e/src/browser/browser-timeout.ts'],
    },
    // Faults that stop shared infrastructure (the Kafka broker): run alone, after the others (npm test).
    { ...base, displayName: 'faults', testMatch: ['**/*.fault.spec.ts'] },
  ],
};
