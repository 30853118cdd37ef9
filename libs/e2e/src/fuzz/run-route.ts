import fc from 'fast-check';
import { requestArbitrary, type FuzzRequest, type RouteContext } from './requests';
import type { Operation } from './schema';
import type { Answer, Sender } from './send';
import type { WriteProbe } from './write-probe';

/** The counts of one route's run, for the summary table. */
export interface RouteTally {
  route: string;
  seed: number;
  requests: number;
  ok: number;
  redirects: number;
  refused: number;
  serverErrors: number;
  hangs: number;
  broken: number;
  refusedWrites: number;
  /** Refused requests in batches that wrote nothing at all: their read models were checked unchanged. */
  readChecked: number;
  slowestMs: number;
  ms: number;
  /** How valid bodies with a credential that may call the route were answered (status and detail), for tuning the generators. */
  validAnswers: Record<string, number>;
}

/** One thing that broke the rules, with what replays it. */
export interface Finding {
  route: string;
  rule: string;
  seed: number;
  path: string;
  request: string;
  answer: string;
}

export interface RunOptions {
  runs: number;
  /** Requests sent at once (one fast-check run is one such batch). */
  concurrency: number;
  seed: number;
  /** Replays one batch: the fast-check path printed with a finding. */
  path?: string;
}

const SAFE = new Set(['GET', 'HEAD']);
const clip = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);

export function describeRequest(r: FuzzRequest): string {
  const body = r.body === undefined ? '' : clip(Buffer.isBuffer(r.body) ? `<bytes ${r.body.toString('hex').slice(0, 200)}>` : r.body);
  const headers = Object.fromEntries(
    Object.entries(r.headers).map(([k, v]) => [k, k === 'authorization' ? `${r.credential}` : clip(v, 80)]),
  );
  return `${r.method} ${clip(r.path, 300)} [${r.kind}] ${JSON.stringify(headers)} ${body}`;
}

/** The rules an answer must keep on its own: no 5xx, no hang, a 4xx is problem+json with its status. */
function answerRules(answer: Answer): string[] {
  if (answer.hung) return ['hang: no answer in time'];
  if (answer.error) return [];
  if (answer.status >= 500) return [`${answer.status}`];
  if (answer.status >= 400) {
    const broken: string[] = [];
    if (!answer.contentType.startsWith('application/problem+json'))
      broken.push(`4xx not problem+json (${answer.contentType || 'no content type'})`);
    else {
      try {
        const status = (JSON.parse(answer.text) as { status?: unknown }).status;
        if (status !== answer.status) broken.push(`problem status ${String(status)} ≠ ${answer.status}`);
      } catch {
        broken.push('problem+json that is not JSON');
      }
    }
    return broken;
  }
  return [];
}

/**
 * Sends `runs` generated requests to one route, `concurrency` at a time,
 * and checks every answer and what each refused one wrote.
 */
export async function runRoute(
  method: string,
  url: string,
  operation: Operation,
  ctx: RouteContext,
  io: { sender: Sender; probe: WriteProbe; tag: string },
  options: RunOptions,
): Promise<{ tally: RouteTally; findings: Finding[]; notes: Finding[] }> {
  const route = `${method} ${url}`;
  const started = performance.now();
  const tally: RouteTally = {
    route,
    seed: options.seed,
    requests: 0,
    ok: 0,
    redirects: 0,
    refused: 0,
    serverErrors: 0,
    hangs: 0,
    broken: 0,
    refusedWrites: 0,
    readChecked: 0,
    slowestMs: 0,
    ms: 0,
    validAnswers: {},
  };
  const findings: Finding[] = [];
  /** Connections that broke before an answer (the server may close on a body it will not read): listed, not failed. */
  const notes: Finding[] = [];
  let run = options.path ? Number(options.path.split(':')[0]) : 0;
  await io.probe.newEvents();
  const batch = fc.array(requestArbitrary(method, url, operation, ctx), { minLength: options.concurrency, maxLength: options.concurrency });
  const property = fc.asyncProperty(batch, async (requests) => {
    const path = String(run++);
    const before = { events: await io.probe.eventCount(), reads: io.probe.readVersion() };
    const ids = requests.map((_, i) => `fuzz-${io.tag}-${path}-${i}`);
    const answers = await Promise.all(requests.map((r, i) => io.sender.send(r, ids[i])));
    const written = await io.probe.newEvents();
    const after = { events: await io.probe.eventCount(), reads: io.probe.readVersion() };
    const find = (i: number, rule: string) =>
      findings.push({
        route,
        rule,
        seed: options.seed,
        path,
        request: describeRequest(requests[i]),
        answer: `${answers[i].status} ${clip(answers[i].text, 400)}${answers[i].error ? ` (${answers[i].error})` : ''}`,
      });
    answers.forEach((answer, i) => {
      tally.requests++;
      tally.slowestMs = Math.max(tally.slowestMs, answer.ms);
      if (answer.hung) tally.hangs++;
      else if (answer.error) {
        tally.broken++;
        notes.push({
          route,
          rule: `no answer: ${answer.error}`,
          seed: options.seed,
          path,
          request: describeRequest(requests[i]),
          answer: '',
        });
      } else if (answer.status >= 500) tally.serverErrors++;
      else if (answer.status >= 400) tally.refused++;
      else if (answer.status >= 300) tally.redirects++;
      else tally.ok++;
      for (const rule of answerRules(answer)) find(i, rule);
      if (requests[i].kind === 'valid' && ctx.allowed.some((c) => c.name === requests[i].credential)) {
        const field = /"errors":\[\{"field":"([^"]*)","message":"([^"]*)"/.exec(answer.text);
        const detail = answer.text.replace(/.*"detail":"([^"]*)".*/s, '$1');
        const key = `${answer.status} ${answer.status >= 400 ? clip(field ? `${field[1]}: ${field[2]}` : detail, 100) : ''}`;
        tally.validAnswers[key] = (tally.validAnswers[key] ?? 0) + 1;
      }
    });
    // A refused request wrote nothing: no event carries its correlation id…
    answers.forEach((answer, i) => {
      if (answer.status < 400 && !answer.hung && !answer.error) return;
      const own = written.filter((e) => e.correlationId === ids[i]);
      if (own.length) {
        tally.refusedWrites++;
        find(i, `refused, yet wrote ${own.map((e) => `${e.store}/${e.type}`).join(', ')}`);
      }
    });
    // …and in a batch where nothing was accepted, nothing at all was written: no event, no read model changed.
    const accepted = answers.some((a, i) => !a.hung && !a.error && a.status < 400 && !SAFE.has(requests[i].method));
    const unanswered = answers.some((a) => a.hung || a.error);
    const traced = new Set(written.filter((e) => ids.includes(e.correlationId)).map((e) => e.correlationId));
    const tracedToRefused = answers.some((a, i) => traced.has(ids[i]) && (a.status >= 400 || a.hung || a.error));
    if (!accepted && !unanswered && !tracedToRefused) {
      const refused = answers.filter((a) => a.status >= 400).length;
      tally.readChecked += refused;
      if (before.events !== after.events || before.reads !== after.reads) {
        tally.refusedWrites += refused;
        const what =
          before.events !== after.events
            ? `${after.events - before.events} events (${written.map((e) => `${e.store}/${e.type} ${e.correlationId}`).join(', ')})`
            : `read models (${before.reads} → ${after.reads})`;
        answers.forEach((a, i) => a.status >= 400 && find(i, `a batch with nothing accepted wrote ${what}`));
      }
    }
    return true;
  });
  await fc.assert(property, {
    seed: options.seed,
    numRuns: Math.ceil(options.runs / options.concurrency),
    endOnFailure: true,
    ...(options.path ? { path: options.path } : {}),
  });
  tally.ms = performance.now() - started;
  return { tally, findings, notes };
}

const pad = (value: unknown, width: number) => String(value).padStart(width);

/** The summary table: a row per route and the totals. */
export function summaryTable(tallies: RouteTally[], ms: number): string {
  const head = `${'route'.padEnd(64)} ${pad('requests', 8)} ${pad('2xx', 6)} ${pad('3xx', 5)} ${pad('4xx', 6)} ${pad('5xx', 5)} ${pad('hangs', 5)} ${pad('reset', 5)} ${pad('refused writes', 14)} ${pad('read-checked', 12)} ${pad('slowest ms', 10)} ${pad('s', 6)}  seed`;
  const row = (t: RouteTally) =>
    `${t.route.padEnd(64)} ${pad(t.requests, 8)} ${pad(t.ok, 6)} ${pad(t.redirects, 5)} ${pad(t.refused, 6)} ${pad(t.serverErrors, 5)} ${pad(t.hangs, 5)} ${pad(t.broken, 5)} ${pad(t.refusedWrites, 14)} ${pad(t.readChecked, 12)} ${pad(Math.round(t.slowestMs), 10)} ${pad((t.ms / 1000).toFixed(1), 6)}  ${t.seed}`;
  const sum = (key: keyof RouteTally) => tallies.reduce((n, t) => n + (t[key] as number), 0);
  const total: RouteTally = {
    route: `TOTAL (${tallies.length} routes)`,
    seed: 0,
    requests: sum('requests'),
    ok: sum('ok'),
    redirects: sum('redirects'),
    refused: sum('refused'),
    serverErrors: sum('serverErrors'),
    hangs: sum('hangs'),
    broken: sum('broken'),
    refusedWrites: sum('refusedWrites'),
    readChecked: sum('readChecked'),
    slowestMs: Math.max(0, ...tallies.map((t) => t.slowestMs)),
    ms,
    validAnswers: {},
  };
  return [head, ...tallies.map(row), '-'.repeat(head.length), row(total).replace(/\s+0$/, '')].join('\n');
}
