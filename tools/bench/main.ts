import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eventStoreBench, type StoreFigures } from './event-store-bench';
import { stateBench, verifyBench } from './audit-bench';
import { httpBench } from './http-bench';
import { edgeBench } from './edge-bench';
import { rebuildBench } from './rebuild-bench';
import { registryBench } from './registry-bench';
import { reportingBench, type Timing } from './reporting-bench';

/** `npm run bench`: the figures issues "Core" and 14 ask for, printed in one run (`--only store,http,…` for some sections). */
async function main() {
  // The benchmark measures the system, not its rate limit: off here and in the server it starts (docs/security.md, "Limits and headers").
  process.env.RATE_LIMIT ??= 'off';
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      appends: { type: 'string', default: '20000' },
      'durable-singles': { type: 'string', default: '2000' },
      only: { type: 'string', default: '' },
      reports: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '32' },
      rebuild: { type: 'string', default: '100000' },
      registry: { type: 'string', default: '5000' },
      verify: { type: 'string', default: '1000000' },
      'state-reports': { type: 'string', default: '1000' },
      // The reporting section at 1,000,000 events took 14 minutes on 2 busy cores (load 5 to 7): 4 writing the
      // events, 3 rebuilding the read models, 6 the three reads (3 calls each, 15 to 80 s a call), 1 the xlsx.
      'reporting-events': { type: 'string', default: '1000000' },
      'xlsx-assignments': { type: 'string', default: '10000' },
    },
  });
  const sections = values.only ? values.only.split(',') : [];
  const run = (section: string) => !sections.length || sections.includes(section);
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    if (run('store')) {
      const counts = (sync: string) => ({
        single: Number(sync === 'full' ? values['durable-singles'] : values.appends),
        batched: Number(values.appends),
      });
      for (const sync of ['full', 'normal'] as const) printStore(await eventStoreBench(dir, sync, counts(sync)));
    }

    if (run('http')) {
      console.log(`\nprogress reports over HTTP (standalone process, ${values.concurrency} in flight, read-your-writes)`);
      for (const sync of ['full', 'normal'] as const) {
        const http = await httpBench(join(dir, `http-${sync}`), Number(values.reports), Number(values.concurrency), sync);
        console.log(
          `  SQLITE_SYNC=${sync.padEnd(6)}: ${http.count} reports in ${http.seconds} s: ${http.perSecond} reports/s (aim ≥ 3000), p50 ${http.p50ms} ms, p99 ${http.p99ms} ms (aim ≤ 50), failures ${http.failures}`,
        );
      }
    }
    if (run('edge')) {
      const edge = await edgeBench(join(dir, 'edge'));
      console.log(
        `\nthe edge under issue 13's probe (standalone, default limits): 100 bodies of 1.9 MB nested JSON at once from one address`,
      );
      console.log(`  a reader on another address, no flood (baseline): p50 ${edge.baseline.p50} ms, p99 ${edge.baseline.p99} ms`);
      for (const [who, run] of [
        ['without a token', edge.anonymous],
        ['signed in (a monitoring officer)', edge.signedIn],
      ] as const)
        console.log(
          `  flood ${who.padEnd(33)}: answers ${JSON.stringify(run.answers)} in ${run.ms} ms; the reader meanwhile p50 ${run.p50} ms, p99 ${run.p99} ms (${(run.p99 / edge.baseline.p99).toFixed(1)}× the baseline's p99; before issue 13: 18.8 s)`,
        );
    }
    if (run('rebuild')) {
      const rebuild = await rebuildBench(join(dir, 'rebuild'), Number(values.rebuild));
      console.log(`\nprojection rebuild`);
      console.log(`  ${rebuild.events} events in ${rebuild.seconds} s: ${rebuild.perSecond} events/s (aim ≥ 100000)`);
    }
    if (run('registry')) {
      const registry = registryBench(Number(values.registry));
      console.log(`\nregistry edition of ${registry.rows} agencies on the default registry (${registry.events} events)`);
      console.log(`  import decided             : ${registry.decideMs} ms`);
      console.log(`  folded at once (evolveMany): ${registry.foldManyMs} ms`);
      console.log(`  folded one event at a time : ${registry.foldOneByOneMs} ms (baseline; ${registry.oneByOneOverMany}× the above)`);
      console.log(`  a date's snapshot and list : ${registry.readMs} ms`);
    }
    if (run('verify')) {
      const verify = await verifyBench(dir, Number(values.verify));
      console.log(`\naudit verification of ${verify.count} events (1,000 streams; built at ${verify.buildPerSecond} events/s)`);
      console.log(`  reading the log alone (baseline): ${verify.readPerSecond} events/s`);
      console.log(
        `  verifying (chains, hashes, tree): ${verify.verifyPerSecond} events/s in ${verify.seconds} s (aim ≥ 200000), ${verify.verifyOverRead}× the baseline's time`,
      );
    }
    if (run('state')) {
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
    }
    if (run('reporting')) {
      const started = process.hrtime.bigint();
      const reporting = await reportingBench(dir, Number(values['reporting-events']), Number(values['xlsx-assignments']));
      const minutes = (Number(process.hrtime.bigint() - started) / 6e10).toFixed(1);
      const { year, xlsx } = reporting;
      const timing = (t: Timing, aim = '') =>
        `first ${t.firstMs} ms, p50 ${t.p50Ms} ms, max ${t.maxMs} ms (${t.runs} warm), ${t.bytes} bytes, p50 ${t.overBaseline}× the baseline${aim}`;
      console.log(
        `\nreporting over ${year.events} events (${year.directives} directives, ${year.assignments} assignments, ${year.completed} completed and confirmed; ${minutes} min for this section)`,
      );
      console.log(
        `  written in ${year.writeSeconds} s, read models rebuilt in ${year.rebuildSeconds} s, server up in ${year.startMs} ms; the 2017 summary counts ${year.assigned} assigned: ${JSON.stringify(year.counts)}`,
      );
      console.log(
        `  GET /health/live (baseline)          : first ${year.health.firstMs} ms, p50 ${year.health.p50Ms} ms, max ${year.health.maxMs} ms`,
      );
      console.log(`  annual summary (reports/summary)     : ${timing(year.summary, ' (aim ≤ 200 ms)')}`);
      console.log(`  scorecards (reports/agencies)        : ${timing(year.agencies, ' (aim ≤ 200 ms)')}, ${year.scorecards} agencies`);
      console.log(`  roll-up (reports/rollup)             : ${timing(year.rollup)}`);
      console.log(
        `\nxlsx of the 2017 province-wide report: ${xlsx.leads} lead assignments (${xlsx.directives} directives, ${xlsx.events} events), ${xlsx.lateRows} late or overdue (${xlsx.lateSheetRows} rows on the late sheet)`,
      );
      console.log(
        `  GET /health/live (baseline)          : first ${xlsx.health.firstMs} ms, p50 ${xlsx.health.p50Ms} ms, max ${xlsx.health.maxMs} ms`,
      );
      console.log(`  draft export (read models + file)    : ${timing(xlsx.draft, ' (aim ≤ 3000 ms)')}`);
      console.log(`  issued report's export (stored + file): ${timing(xlsx.issued)}`);
      console.log(
        `  renderXlsx alone, in process         : first ${xlsx.renderer.firstMs} ms, p50 ${xlsx.renderer.p50Ms} ms, max ${xlsx.renderer.maxMs} ms (${xlsx.renderer.runs} warm), ${xlsx.renderer.bytes} bytes`,
      );
      console.log(
        `  of the draft's p50: ${Math.round(xlsx.renderer.p50Ms)} ms the file, ${Math.round(xlsx.draft.p50Ms - xlsx.renderer.p50Ms)} ms the rest (the content from the read models, HTTP)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null ? '—' : (a / b).toFixed(2));

function printStore(r: Awaited<ReturnType<typeof eventStoreBench>>) {
  const setting = r.sync === 'full' ? 'synchronous=FULL, durable: the default' : 'synchronous=NORMAL (SQLITE_SYNC=normal)';
  console.log(`\nevent store, SQLite WAL ${setting}; 1,000 streams, ${r.counts.batched} events (single appends: ${r.counts.single})`);
  console.log(`  events/s                              this store   raw inserts   emmett-sqlite   ÷ raw   ÷ emmett`);
  const rows: Array<[string, keyof StoreFigures, string]> = [
    ['single appends, one at a time', 'single', ' (aim ≥ 0.7)'],
    ['single appends, 64 in flight', 'concurrent', ' (raw: one at a time)'],
    ['100 events per append', 'perStream', ' (aim ≥ 0.5)'],
    ['1,000 events of 1,000 streams at once', 'across', ' (aim ≥ 0.5)'],
    ['stream reads, each stream whole', 'reads', ' (aim ≥ 0.5)'],
  ];
  for (const [label, key, aim] of rows) {
    const base = key === 'concurrent' ? 'single' : key;
    const cell = (v: number | null) => String(v ?? '—').padStart(12);
    console.log(
      `  ${label.padEnd(38)}${cell(r.ours[key])}  ${cell(r.raw[base])}  ${cell(r.emmett[base])}    ${ratio(r.ours[key], r.raw[base]).padStart(5)}   ${ratio(r.ours[key], r.emmett[base]).padStart(6)}${aim}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
