// The unit specs that guard access, counts, the domain's date rules and idempotency, for the mutation run (npm run mutation).
const { projects } = require('./jest.config.js');

const unit = projects.find((p) => p.displayName === 'unit');
module.exports = {
  ...unit,
  displayName: undefined,
  // The SQLite specs of the event store's append path and the staged rebuild are integration specs (a file, no server): run here too.
  testPathIgnorePatterns: ['/node_modules/'],
  // MUTATION_SPECS (comma-separated globs) narrows the specs to those of the files mutated: each mutant's run loads them all.
  testMatch: process.env.MUTATION_SPECS?.split(',').map((glob) => `<rootDir>/${glob}`) ?? [
    '<rootDir>/libs/shared/eventsourcing/src/**/*.spec.ts',
    '<rootDir>/libs/*/domain/src/**/*.spec.ts',
    '<rootDir>/libs/identity/application/src/**/*.spec.ts',
    '<rootDir>/libs/registry/src/**/*.spec.ts',
    '<rootDir>/libs/shared/periods/src/**/*.spec.ts',
    '<rootDir>/libs/shared/platform/src/**/*.spec.ts',
    '<rootDir>/libs/audit/src/**/*.spec.ts',
    '<rootDir>/libs/shared/merkle/src/**/*.spec.ts',
    '<rootDir>/libs/adapters/event-store-sqlite/src/*.int.spec.ts',
    '<rootDir>/libs/adapters/read-store-sqlite/src/staged-read-store.int.spec.ts',
  ],
};
