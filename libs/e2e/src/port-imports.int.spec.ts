import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOnce, ROOT } from './process-harness';

/** The packages that open connections or files: only an adapter (or the composition) may load them. */
const DRIVERS = ['better-sqlite3', 'kafkajs', 'mongodb', '@kurrent/kurrentdb-client', '@nestjs/core', 'fastify'];

/** The driver packages a built module loads, with everything it imports, in a fresh Node.js. */
function driversLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(join(ROOT, 'dist', entry))});
    const loaded = new Set(Object.keys(require.cache).map((f) => (/node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f) || [])[1]).filter(Boolean));
    process.stdout.write(JSON.stringify(${JSON.stringify(DRIVERS)}.filter((d) => loaded.has(d))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

describe('what importing a library loads', () => {
  beforeAll(() => buildOnce(), 120_000);

  it.each([
    'libs/shared/contracts/src/index.js',
    'libs/shared/eventsourcing/src/index.js',
    'libs/shared/message-bus/src/index.js',
    'libs/shared/read-store/src/index.js',
    'libs/shared/periods/src/index.js',
    'libs/registry/src/index.js',
    'libs/directives/domain/src/index.js',
    'libs/progress/domain/src/index.js',
    'libs/reporting/domain/src/index.js',
  ])('%s loads no driver and no framework', (entry) => {
    expect(driversLoadedBy(entry)).toEqual([]);
  });

  it.each([
    ['libs/adapters/event-store-sqlite/src/index.js', 'better-sqlite3'],
    ['libs/adapters/message-bus-kafka/src/index.js', 'kafkajs'],
    ['libs/adapters/read-store-mongo/src/index.js', 'mongodb'],
    ['libs/adapters/event-store-kurrentdb/src/index.js', '@kurrent/kurrentdb-client'],
  ])('%s loads its driver, %s, and no other', (entry, driver) => {
    expect(driversLoadedBy(entry)).toEqual([driver]);
  });
});
