import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type AnyBulkWriteOperation, type Document } from 'mongodb';
import { addDays } from '@dm/periods';
import { DistributedSystem, ROOT, type DistributedInfra, type DistributedOptions } from '@dm/e2e';
import { seed4308Directive } from '@dm/testing';
import { percentile, postJson } from './measure';

/** Cumulative buckets of a Prometheus histogram: [upper bound in seconds, count]; +Inf last. */
async function histogram(url: string, name: string): Promise<Array<[number, number]>> {
  const text = await (await fetch(url)).text();
  return [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, 'gm'))].map((m) => [
    m[1] === '+Inf' ? Infinity : Number(m[1]),
    Number(m[2]),
  ]);
}

/** A quantile in ms from cumulative buckets, interpolated linearly inside its bucket. */
function fromBuckets(buckets: Array<[number, number]>, q: number): number {
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  if (!total) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      if (le === Infinity) return Math.round(lower * 1000);
      return Math.round((lower + ((rank - below) / Math.max(1, count - below)) * (le - lower)) * 1000);
    }
    [lower, below] = [le, count];
  }
  return NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 10 ms); null where it cannot be read. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The whole machine's busy CPU seconds (every core, not idle nor waiting on I/O), from /proc/stat. */
function machineBusySeconds(): number | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** The pid infra/local/up.sh wrote for Kafka or FerretDB, if this machine runs them. */
function infraPid(name: 'kafka' | 'ferretdb'): number | undefined {
  try {
    return Number(readFileSync(join(ROOT, 'infra/local/.run/pids', `${name}.pid`), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

type CpuSnapshot = Record<string, number | null>;

function coresOf(before: CpuSnapshot, atLastSend: CpuSnapshot, after: CpuSnapshot, sendSeconds: number, allSeconds: number) {
  const share = (to: CpuSnapshot, name: string, secs: number) => {
    const [a, b] = [before[name], to[name]];
    return a === null || b === null || a === undefined || b === undefined ? null : (b - a) / secs;
  };
  const rows = Object.keys(before).map((name) => ({
    name,
    sending: share(atLastSend, name, sendSeconds),
    overall: share(after, name, allSeconds),
  }));
  const ours = (key: 'sending' | 'overall') => rows.filter((r) => r.name !== 'machine').reduce((n, r) => n + (r[key] ?? 0), 0);
  const machine = rows.find((r) => r.name === 'machine');
  return [
    ...rows.filter((r) => r.name !== 'machine'),
    ...(machine && machine.sending !== null && machine.overall !== null
      ? [
          {
            name: 'others on the machine',
            sending: Math.max(0, machine.sending - ours('sending')),
            overall: Math.max(0, machine.overall - ours('overall')),
          },
          machine,
        ]
      : []),
  ];
}

/** A document written once per event: `<assignment>:a:<revision>` (the timeline's entries, an assignment's facts). */
const PER_EVENT_ID = /^(.+):a:(\d+)$/;

export interface RawFigure {
  batch: number;
  /** With the audit trail's Merkle nodes of the same events (replaceOne upserts, as report-projection writes them). */
  withAudit: boolean;
  events: number;
  eventsPerSecond: number;
  documentsPerSecond: number;
  ferretCores: number | null;
}

/**
 * FerretDB's own rate for the writes the projector made in this run, with
 * the mongodb driver alone: the documents the run's progress reports wrote
 * once per event (every collection of the read models keyed
 * `<assignment>:a:<revision>`: the timeline, the assignments' facts) inserted
 * anew, and each assignment's `rev.a` set once per batch and document, as
 * the read store folds a batch — in batches of each size given, into a
 * scratch database, for at most `seconds` each.
 */
export async function rawFerretDb(
  mongoUrl: string,
  database: string,
  batches: number[],
  seconds: number,
  ferretPid?: number,
): Promise<{ collections: string[]; figures: RawFigure[] } | null> {
  const client = await MongoClient.connect(mongoUrl);
  const scratch = client.db(`${database}_raw`);
  try {
    const source = client.db(database);
    const perEvent: Array<{ collection: string; docs: Document[] }> = [];
    const filter = { _id: { $regex: ':a:' } } as Document;
    for (const { name } of await source.listCollections({}, { nameOnly: true }).toArray()) {
      const one = await source.collection(name).findOne(filter);
      if (!one || !PER_EVENT_ID.test(String(one._id))) continue;
      perEvent.push({ collection: name, docs: await source.collection(name).find(filter).limit(12_000).toArray() });
    }
    if (!perEvent.length) return null;
    // Each assignment's reports in the order of their revisions, as its partition delivers them.
    const order = (doc: Document) => Number(PER_EVENT_ID.exec(String(doc._id))![2]);
    for (const p of perEvent) p.docs.sort((a, b) => order(a) - order(b) || String(a._id).localeCompare(String(b._id)));
    const assignments = await source.collection('assignments').find({}).toArray();
    const events = Math.min(...perEvent.map((p) => p.docs.length));
    // The audit trail's tree over progress-events' store: about two nodes per event, written as the events come.
    const merkle = await source
      .collection('merkle-progress-events')
      .find({})
      .limit(2 * events)
      .toArray();
    const figures: RawFigure[] = [];
    for (const [batch, withAudit] of batches.flatMap((b) => [
      [b, false],
      [b, true],
    ]) as Array<[number, boolean]>) {
      await scratch.dropDatabase();
      await scratch.collection('assignments').insertMany(assignments);
      if (withAudit) await scratch.collection('merkle-progress-events').createIndex({ position: 1 });
      const cpuBefore = cpuSeconds(ferretPid);
      const started = performance.now();
      let done = 0;
      let documents = 0;
      while (done < events && performance.now() - started < seconds * 1000) {
        const to = Math.min(events, done + batch);
        const revisions = new Map<string, number>();
        for (const p of perEvent) {
          const docs = p.docs.slice(done, to);
          for (let i = 0; i < docs.length; i += 64)
            await scratch.collection(p.collection).insertMany(docs.slice(i, i + 64), { ordered: true });
          documents += docs.length;
          for (const d of docs) {
            const [, assignment, revision] = PER_EVENT_ID.exec(String(d._id))!;
            revisions.set(assignment, Math.max(revisions.get(assignment) ?? -1, Number(revision)));
          }
        }
        const updates = [...revisions].map(([id, revision]) => ({
          updateOne: { filter: { _id: id }, update: { $set: { 'rev.a': revision } } },
        })) as unknown as AnyBulkWriteOperation<Document>[];
        // 16 updates a request, as the read store sends them (FerretDB 1.24 stops answering when concurrent updates hold ~100).
        for (let i = 0; i < updates.length; i += 16)
          await scratch.collection('assignments').bulkWrite(updates.slice(i, i + 16), { ordered: true });
        documents += updates.length;
        if (withAudit) {
          const nodes = merkle.slice(Math.round((done * merkle.length) / events), Math.round((to * merkle.length) / events));
          const replaces = nodes.map((doc) => ({
            replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
          })) as unknown as AnyBulkWriteOperation<Document>[];
          for (let i = 0; i < replaces.length; i += 16)
            await scratch.collection('merkle-progress-events').bulkWrite(replaces.slice(i, i + 16), { ordered: true });
          documents += nodes.length;
        }
        done = to;
      }
      const secs = (performance.now() - started) / 1000;
      const cpuAfter = cpuSeconds(ferretPid);
      figures.push({
        batch,
        withAudit,
        events: done,
        eventsPerSecond: Math.round(done / secs),
        documentsPerSecond: Math.round(documents / secs),
        ferretCores: cpuBefore === null || cpuAfter === null ? null : Number(((cpuAfter - cpuBefore) / secs).toFixed(2)),
      });
    }
    return { collections: [...perEvent.map((p) => p.collection), 'assignments'], figures };
  } finally {
    await scratch.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Progress reports at a fixed rate through the gateway to the three service
 * processes (Kafka, FerretDB). Accepted → visible is what report-projection
 * measures per event: from the event's recordedAt (its append, just before the
 * 201) to its read-model batch committed (histogram projector_visible_after_seconds).
 */
export async function distributedBench(infra: DistributedInfra, ratePerSecond: number, seconds: number, options: DistributedOptions = {}) {
  const system = await new DistributedSystem(infra, options).start();
  try {
    const monitoring = system.client('bench', 'monitoring_officer', 'vp-ubnd-tinh');
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
    if (issued.status !== 201) throw new Error(`issue failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    await monitoring.sync();
    const assignments: Array<{ id: string; agencyId: string }> = issued.body.assignments;
    const tokens = new Map(
      assignments.map((a) => [
        a.agencyId,
        system.tokens.sign({ sub: `ao-${a.agencyId}`, agencyId: a.agencyId, roles: ['agency_officer'] }),
      ]),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 512 });
    const relayUrl = `http://127.0.0.1:${system.port('progress-events')}/metrics`;
    // report-projection may run as several processes of one group: their figures are summed.
    const projectorUrls = system.projectors.map((p) => `http://127.0.0.1:${system.port(p)}/metrics`);
    const counters = async () => ({
      relayed: await metric(relayUrl, 'relay_checkpoint_position'),
      applied: (await Promise.all(projectorUrls.map((u) => metric(u, 'projector_applied_events_total')))).reduce((a, b) => a + b, 0),
    });
    const visibleHistogram = async () => {
      const each = await Promise.all(projectorUrls.map((u) => histogram(u, 'projector_visible_after_seconds')));
      return each[0].map(([le], i) => [le, each.reduce((n, h) => n + h[i][1], 0)] as [number, number]);
    };
    // CPU seconds of each process (the services, the gateway, Kafka, FerretDB, this load generator) and of the whole machine.
    const pids: Array<[string, number | undefined]> = [
      ...system.names.map((n) => [n, system.pid(n)] as [string, number | undefined]),
      ['kafka', infraPid('kafka')],
      ['ferretdb', infraPid('ferretdb')],
    ];
    const cpu = () => ({
      ...Object.fromEntries(pids.map(([n, pid]) => [n, cpuSeconds(pid)])),
      'load generator': process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      machine: machineBusySeconds(),
    });

    let accepted = 0;
    let failures = 0;
    /** Failed requests by status, or by error code when there was no answer, so a failure is named. */
    const failedBy = new Map<number | string, number>();
    const fail = (status: number | string) => {
      failures++;
      failedBy.set(status, (failedBy.get(status) ?? 0) + 1);
    };
    let skipped = 0;
    let inFlight = 0;
    const requestMs: number[] = [];

    // Warm-up, not timed: one report per assignment, all applied, so the services' views and caches hold the
    // assignments and the run measures the steady state, not the seconds after a directive of 276 assignments.
    const applied0 = (await counters()).applied;
    const warm = await Promise.all(
      assignments.map((a) =>
        postJson(agent, `${system.url}/api/v1/assignments/${a.id}/progress`, tokens.get(a.agencyId)!, {
          reportedOn: '2017-02-10',
          summary: 'Báo cáo khởi động',
          percent: 0,
        }),
      ),
    );
    if (warm.some((w) => w.status !== 201)) throw new Error(`warm-up refused: ${warm.map((w) => w.status).join(',')}`);
    while ((await counters()).applied - applied0 < assignments.length) await new Promise((r) => setTimeout(r, 200));

    const visibleBefore = await visibleHistogram();
    const before = await counters();
    const cpuBefore = cpu();
    const started = performance.now();
    const total = ratePerSecond * seconds;
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * ratePerSecond));
        for (; sent < due; sent++) {
          if (inFlight >= 512) {
            skipped++;
            continue;
          }
          const i = sent;
          const a = assignments[i % assignments.length];
          inFlight++;
          const t0 = performance.now();
          postJson(agent, `${system.url}/api/v1/assignments/${a.id}/progress`, tokens.get(a.agencyId)!, {
            reportedOn: addDays('2017-02-11', Math.floor(i / assignments.length) % 3000),
            summary: `Báo cáo tiến độ lần ${i}`,
            percent: i % 101,
          })
            .then(({ status, consistency }) => {
              requestMs.push(performance.now() - t0);
              if (status !== 201 || !consistency) return fail(status);
              accepted++;
            })
            .catch((error: NodeJS.ErrnoException) => fail(error.code ?? error.message))
            .finally(() => void inFlight--);
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    const sendSeconds = (performance.now() - started) / 1000;
    const cpuAtLastSend = cpu();
    const loadAtLastSend = loadavg();
    const atLastSend = await counters();
    // Drained when report-projection has applied every accepted report (and the directive).
    const drainDeadline = Date.now() + 600_000;
    while ((await counters()).applied - before.applied < accepted && Date.now() < drainDeadline)
      await new Promise((r) => setTimeout(r, 200));
    const allSeconds = (performance.now() - started) / 1000;
    const after = await counters();
    const cpuAfter = cpu();
    const visibleAfter = await visibleHistogram();
    // The services are idle now: FerretDB alone, on the same writes, in small and large batches.
    const raw = await rawFerretDb(infra.mongoUrl, system.database('report-projection'), [64, 500], 4, infraPid('ferretdb'));
    const visible = visibleAfter.map(([le, count], i) => [le, count - visibleBefore[i][1]] as [number, number]);
    requestMs.sort((x, y) => x - y);
    return {
      rate: ratePerSecond,
      seconds,
      sent: total,
      accepted,
      acceptedPerSecond: Math.round(accepted / sendSeconds),
      skipped,
      failures,
      failedBy: Object.fromEntries([...failedBy].sort(([a], [b]) => String(a).localeCompare(String(b)))),
      request: { p50: percentile(requestMs, 50), p99: percentile(requestMs, 99) },
      visible: { count: visible[visible.length - 1][1], p50: fromBuckets(visible, 0.5), p99: fromBuckets(visible, 0.99) },
      // While reports were being sent, and over the whole run including the drain.
      relayPerSecond: {
        sending: Math.round((atLastSend.relayed - before.relayed) / sendSeconds),
        overall: Math.round((after.relayed - before.relayed) / allSeconds),
      },
      projectorPerSecond: {
        sending: Math.round((atLastSend.applied - before.applied) / sendSeconds),
        overall: Math.round((after.applied - before.applied) / allSeconds),
      },
      drainSeconds: Number((allSeconds - sendSeconds).toFixed(1)),
      /** Cores each process kept busy while sending and over the whole run; `others` is the machine's busy time no process of this run used. */
      cores: coresOf(cpuBefore, cpuAtLastSend, cpuAfter, sendSeconds, allSeconds),
      loadAtLastSend,
      raw,
      warnings: system.names.flatMap((name) => {
        // kafkajs's note on limited retries, and two services creating one topic at once, come with every start.
        const lines = system
          .warnings(name)
          .filter((l) => !l.includes('Limiting retries for the idempotent producer') && !l.includes('Topic creation errors'));
        return lines.length ? [{ name, count: lines.length, first: lines.slice(0, 3).map((l) => l.slice(0, 300)) }] : [];
      }),
      documents: await documentsPerEvent(system, infra.mongoUrl, after.applied - before.applied),
    };
  } finally {
    await system.stop();
    await system.dropDatabases(infra.mongoUrl).catch(() => undefined);
  }
}

/** Documents each service's read models hold per event applied (estimated counts): which collections grow with every report. */
async function documentsPerEvent(system: DistributedSystem, mongoUrl: string, events: number) {
  const client = await MongoClient.connect(mongoUrl);
  try {
    const rows: Array<{ collection: string; perEvent: number }> = [];
    for (const service of ['report-projection', 'progress-events', 'task-assignment'] as const) {
      const db = client.db(system.database(service));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        const count = await db.collection(name).estimatedDocumentCount();
        if (count >= events / 10)
          rows.push({ collection: `${service}/${name}`, perEvent: Number((count / Math.max(1, events)).toFixed(2)) });
      }
    }
    return rows;
  } finally {
    await client.close();
  }
}
