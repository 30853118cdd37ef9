// The unit specs that guard access, counts and idempotency, for the mutation run (npm run mutation).
const { projects } = require('./jest.config.js');

const unit = projects.find((p) => p.displayName === 'unit');
module.exports = {
  ...unit,
  displayName: undefined,
  testMatch: [
    '<rootDir>/libs/shared/eventsourcing/src/**/*.spec.ts',
    '<rootDir>/libs/*/domain/src/policy.spec.ts',
    '<rootDir>/libs/shared/platform/src/**/*.spec.ts',
  ],
};
