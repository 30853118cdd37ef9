import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendBench } from './append-bench';
import { stateBench, verifyBench } from './audit-bench';
import { httpBench } from './http-bench';
import { rebuildBench } from './rebuild-bench';
import { registryBench } from './registry-bench';

/** `npm run bench`: the figures issue "Core" asks for, printed in one run. */
async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      appends: { type: 'string', default: '20000' },
      batch: { type: 'string', default: '1000' },
      reports: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '32' },
      rebuild: { type: 'string', default: '100000' },
      registry: { type: 'string', default: '5000' },
      verify: { type: 'string', default: '1000000' },
      'state-reports': { type: 'string', default: '1000' },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const appends = await appendBench(dir, Number(values.appends), Number(values.batch));
    console.log(`\nevent store appends (${appends.count} events, SQLite WAL synchronous=NORMAL)`);
    console.log(`  one event per transaction : ${appends.onePerTransaction} events/s`);
    console.log(`  batches of ${appends.batchSize}         : ${appends.batched} events/s`);
    console.log(`  raw better-sqlite3 inserts: ${appends.rawBaseline} events/s (same rows, same batches)`);
    console.log(`  batched ÷ raw             : ${appends.batchedOverRaw} (aim ≥ 0.5)`);

    const http = await httpBench(join(dir, 'http'), Number(values.reports), Number(values.concurrency));
    console.log(`\nprogress reports over HTTP (standalone process, ${http.concurrency} in flight, read-your-writes)`);
    console.log(
      `  ${http.count} reports in ${http.seconds} s: ${http.perSecond} reports/s (aim ≥ 2000), p50 ${http.p50ms} ms, p99 ${http.p99ms} ms (aim ≤ 50), failures ${http.failures}`,
    );

    const rebuild = await rebuildBench(join(dir, 'rebuild'), Number(values.rebuild));
    console.log(`\nprojection rebuild`);
    console.log(`  ${rebuild.events} events in ${rebuild.seconds} s: ${rebuild.perSecond} events/s (aim ≥ 50000)`);

    const registry = registryBench(Number(values.registry));
    console.log(`\nregistry edition of ${registry.rows} agencies on the default registry (${registry.events} events)`);
    console.log(`  import decided             : ${registry.decideMs} ms`);
    console.log(`  folded at once (evolveMany): ${registry.foldManyMs} ms`);
    console.log(`  folded one event at a time : ${registry.foldOneByOneMs} ms (baseline; ${registry.oneByOneOverMany}× the above)`);
    console.log(`  a date's snapshot and list : ${registry.readMs} ms`);

    const verify = await verifyBench(dir, Number(values.verify));
    console.log(`\naudit verification of ${verify.count} events (1,000 streams; built at ${verify.buildPerSecond} events/s)`);
    console.log(`  reading the log alone (baseline): ${verify.readPerSecond} events/s`);
    console.log(
      `  verifying (chains, hashes, tree): ${verify.verifyPerSecond} events/s in ${verify.seconds} s (aim ≥ 200000), ${verify.verifyOverRead}× the baseline's time`,
    );

    const state = await stateBench(dir, Number(values['state-reports']), 1000);
    console.log(
      `\none assignment with ${state.reports} progress events, ${state.reads} reads each over HTTP (access log written per read)`,
    );
    console.log(`  GET /health/live (baseline)     : p50 ${state.health.p50} ms, p99 ${state.health.p99} ms`);
    console.log(`  state as of a date              : p50 ${state.asOf.p50} ms, p99 ${state.asOf.p99} ms (aim p99 ≤ 5)`);
    console.log(`  state as of a date and known at : p50 ${state.knownAt.p50} ms, p99 ${state.knownAt.p99} ms (aim p99 ≤ 5)`);
    console.log(
      `  export of all events            : ${state.exportAll.bytes} bytes for ${state.exportAll.events} events: ${state.exportAll.perEvent} bytes/event`,
    );
    console.log(
      `  export of the directive (proofs): ${state.exportDirective.bytes} bytes, ${state.exportDirective.perEvent} bytes/event of the assignment`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
