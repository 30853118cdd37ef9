import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { ReportContent, StatusCounts } from '@dm/contracts';
import { EmbeddedRuntime, rebuildReadModels, startEmbedded, type EmbeddedServer } from '@dm/composition';
import { addDays } from '@dm/periods';
import { renderXlsx } from '@dm/report-documents';
import { percentile } from './measure';
import { seedDirective, writeProvinceYear, type ProvinceYear } from './rebuild-bench';

/** A call's timings: the first (cold) call apart, then the p50 and max of the warm ones. */
export interface Timing {
  firstMs: number;
  p50Ms: number;
  maxMs: number;
  /** Warm calls. */
  runs: number;
  /** Of the last answer. */
  bytes: number;
  /** p50 ÷ the baseline's p50 (GET /health/live on the same server); 1 for the baseline itself. */
  overBaseline: number;
}

/** Warm calls of a route: at least MIN_RUNS, then more (up to the number asked for) while the route has taken less than BUDGET_MS. */
const MIN_RUNS = 2;
const BUDGET_MS = 20_000;
const HEALTH_RUNS = 50;

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Deadlines spread over the year, so that the annual figures hold on-time, late, overdue, open and no-deadline assignments. */
const YEAR_DEADLINES = { '1': '2017-03-31', '2': '2017-06-30', '3': '2017-09-30', '4': '2017-12-31', '7': '2017-06-30', '9': '2017-10-31' };
/** Every task due by the end of June: what is not completed by the year's end is overdue. */
const LATE_DEADLINES = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), i % 2 ? '2017-04-30' : '2017-06-30']));

/**
 * Issue 11's reporting figures, each over HTTP (fetch) on the embedded server
 * in process, beside GET /health/live on the same server (the baseline):
 *
 * - the province-wide annual summary, the scorecards and the roll-up of a
 *   province's year of `events` events (one directive shaped like the seed per
 *   1,000 events, as the rebuild bench writes them, with deadlines on six of
 *   its tasks and a third of the lead assignments completed and confirmed),
 *   served from the read models rebuilt from them (aim ≤ 200 ms);
 * - the province-wide draft xlsx of about `xlsxAssignments` lead assignments,
 *   nearly all late or overdue (every task due by June, a third completed
 *   late), end to end (aim ≤ 3 s); the same report issued, and its stored
 *   content exported (no read model); the renderer alone on that content.
 *
 * Each data directory is written straight into the event stores, then its read
 * models rebuilt (rebuildReadModels), then served with the urging scheduler off.
 */
export async function reportingBench(dir: string, events: number, xlsxAssignments: number, runs = 5) {
  const previousUrging = process.env.URGING;
  process.env.URGING = 'off';
  try {
    const year = await annualFigures(join(dir, 'reporting-year'), events, runs);
    const xlsx = await xlsxFigures(join(dir, 'reporting-xlsx'), xlsxAssignments, runs);
    return { year, xlsx };
  } finally {
    if (previousUrging === undefined) delete process.env.URGING;
    else process.env.URGING = previousUrging;
  }
}

async function annualFigures(dataDir: string, total: number, runs: number) {
  const directives = Math.max(1, Math.round(total / 1000));
  const completions = Math.ceil((seedShape().leads * directives) / 3);
  const { written, ...built } = await buildDataDir(dataDir, {
    directives,
    progressReports: Math.max(0, total - directives - 2 * completions),
    deadlines: YEAR_DEADLINES,
    // Each third lead assignment, completed between March and December: before its task's deadline or after it.
    completions: { completedOn: (n) => (n % 3 === 0 ? addDays('2017-03-01', (n * 7) % 290) : null) },
  });
  const { server, startMs } = await start(dataDir);
  try {
    const http = new Http(server);
    const health = await http.timed('/health/live', HEALTH_RUNS);
    const route = (path: string) => http.timed(path, runs, health.p50Ms);
    const summary = await route('/api/v1/reports/summary?period=2017');
    const { assigned, counts } = JSON.parse(http.last.toString()) as { assigned: number; counts: StatusCounts };
    const agencies = await route('/api/v1/reports/agencies?period=2017');
    const scorecards = (JSON.parse(http.last.toString()) as { agencies: unknown[] }).agencies.length;
    const rollup = await route('/api/v1/reports/rollup?period=2017');
    return {
      ...counted(written),
      ...built,
      startMs,
      assigned,
      counts,
      scorecards,
      health,
      summary,
      agencies,
      rollup,
    };
  } finally {
    await server.close();
  }
}

async function xlsxFigures(dataDir: string, target: number, runs: number) {
  const shape = seedShape();
  const directives = Math.max(1, Math.ceil(target / shape.leads));
  const { written, ...built } = await buildDataDir(dataDir, {
    directives,
    progressReports: 2 * directives * shape.assignments,
    deadlines: LATE_DEADLINES,
    // Each third lead assignment, completed late (from September, after every deadline).
    completions: { completedOn: (n) => (n % 3 === 0 ? addDays('2017-09-01', n % 90) : null) },
  });
  const { server, startMs } = await start(dataDir);
  try {
    const http = new Http(server);
    const health = await http.timed('/health/live', HEALTH_RUNS);
    const draft = await http.timed('/api/v1/reports/export?period=2017&format=xlsx', runs, health.p50Ms);
    const lateSheetRows = await lateSheetRowsOf(http.last);

    const reportId = encodeURIComponent(await http.issue({ period: '2017', number: '01/BC-BENCH', place: 'Thanh Hóa' }));
    const issued = await http.timed(`/api/v1/reports/issued/${reportId}/export?format=xlsx`, runs, health.p50Ms);
    await http.timed(`/api/v1/reports/issued/${reportId}`, 0);
    const { content } = JSON.parse(http.last.toString()) as { content: ReportContent };
    const renderer = await repeat(MIN_RUNS, async () => (await renderXlsx(content)).length);
    return {
      ...counted(written),
      ...built,
      startMs,
      lateRows: content.lateAndOverdue.length,
      lateSheetRows,
      health,
      draft,
      issued,
      renderer,
    };
  } finally {
    await server.close();
  }
}

const counted = ({ directiveIds, ...written }: Awaited<ReturnType<typeof writeProvinceYear>>) => ({
  directives: directiveIds.length,
  ...written,
});

/** The assignments of one seed directive (276), and its lead assignments (272). */
function seedShape() {
  const { assignments } = seedDirective(1).issued.data as { assignments: Array<{ role: string }> };
  return { assignments: assignments.length, leads: assignments.filter((a) => a.role === 'lead').length };
}

/** Writes the events, then rebuilds the read models from them, as a restore would. */
async function buildDataDir(dataDir: string, plan: ProvinceYear) {
  const runtime = new EmbeddedRuntime(dataDir);
  try {
    const begin = process.hrtime.bigint();
    const written = await writeProvinceYear(runtime, plan);
    const writeSeconds = Math.round(since(begin) / 100) / 10;
    const { seconds } = await rebuildReadModels(runtime);
    // The events went straight into the stores, not through the relays: mark them published, as on a server
    // that took them in, so that starting it does not publish every one of them on the bus again.
    for (const store of Object.values(runtime.stores)) await store.setCheckpoint(`relay:${store.name}`, await store.headPosition());
    return { written, writeSeconds, rebuildSeconds: Math.round(seconds * 10) / 10 };
  } finally {
    await runtime.close();
  }
}

/** The embedded server on the data directory (its start includes following the stores with the Merkle logs). */
async function start(dataDir: string) {
  const begin = process.hrtime.bigint();
  const server = await startEmbedded({ dataDir, logger: false });
  await Promise.all(Object.values(server.runtime.relays).map((relay) => relay.caughtUp));
  return { server, startMs: Math.round(since(begin)) };
}

/** Calls as an administrator (who reads the whole province), keeping the last answer. */
class Http {
  private readonly token: string;
  last = Buffer.alloc(0);

  constructor(private readonly server: EmbeddedServer) {
    this.token = server.runtime.tokens.sign({ sub: 'bench', agencyId: null, roles: ['admin'] });
  }

  /** One cold GET, then up to `runs` warm ones (see MIN_RUNS), each reading the whole answer. */
  async timed(path: string, runs: number, baselineMs?: number): Promise<Timing> {
    const timing = await repeat(runs, async () => {
      const answer = await fetch(`${this.server.url}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
      this.last = Buffer.from(await answer.arrayBuffer());
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${this.last.toString().slice(0, 300)}`);
      return this.last.length;
    });
    return { ...timing, overBaseline: baselineMs ? Math.round(timing.p50Ms / baselineMs) : 1 };
  }

  /** Issues a period's report: its id. */
  async issue(request: Record<string, unknown>): Promise<string> {
    const answer = await fetch(`${this.server.url}/api/v1/reports/issued`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(request),
    });
    const body = await answer.text();
    if (answer.status !== 201) throw new Error(`POST /api/v1/reports/issued: ${answer.status} ${body.slice(0, 300)}`);
    return (JSON.parse(body) as { reportId: string }).reportId;
  }
}

/**
 * One cold call, then up to `runs` warm ones: at least MIN_RUNS (when asked
 * for any), no more once BUDGET_MS is spent (a 1M-event call takes seconds on
 * two cores). `call` answers the bytes it produced.
 */
async function repeat(runs: number, call: () => Promise<number>): Promise<Omit<Timing, 'overBaseline'>> {
  const ms: number[] = [];
  let bytes = 0;
  const begun = process.hrtime.bigint();
  for (let i = 0; i <= runs && (i <= MIN_RUNS || since(begun) < BUDGET_MS); i++) {
    const begin = process.hrtime.bigint();
    bytes = await call();
    ms.push(since(begin));
  }
  const [first, ...warm] = ms;
  warm.sort((a, b) => a - b);
  return {
    firstMs: round(first),
    p50Ms: warm.length ? percentile(warm, 50) : round(first),
    maxMs: warm.length ? round(warm[warm.length - 1]) : round(first),
    runs: warm.length,
    bytes,
  };
}

/** The rows of the workbook's late and overdue sheet (its heading and the table's header rows included). */
async function lateSheetRowsOf(file: Buffer): Promise<number> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.getWorksheet('Chậm, quá hạn')?.actualRowCount ?? 0;
}
