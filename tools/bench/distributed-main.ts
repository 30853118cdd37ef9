import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { distributedInfra } from '@dm/e2e';
import { distributedBench } from './distributed-bench';

/** `npm run bench:distributed`: issue "Distributed"'s figure, on the brokers of infra/local/up.sh. */
async function main() {
  // The load is the point: the rate limits are off in the gateway and the services it starts (docs/security.md, "Limits and headers").
  process.env.RATE_LIMIT ??= 'off';
  // One address stands for many clients here: its up to 512 connections are not limited to the edge's 64 per address.
  process.env.MAX_CONNECTIONS_PER_ADDRESS ??= '0';
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rate: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '60' },
      /** Writes a V8 CPU profile of each service process and the gateway into this directory (node --cpu-prof). */
      'cpu-prof': { type: 'string' },
      partitions: { type: 'string', default: '3' },
      projectors: { type: 'string', default: '1' },
    },
  });
  const infra = distributedInfra();
  if ('skipped' in infra) throw new Error(`cannot run: ${infra.skipped}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, load before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const r = await distributedBench(infra, Number(values.rate), Number(values.seconds), {
    partitions: Number(values.partitions),
    projectors: Number(values.projectors),
    cpuProfileDir: values['cpu-prof'] && resolve(values['cpu-prof']),
  });
  console.log(`\nprogress reports at ${r.rate}/s for ${r.seconds} s through the gateway, three service processes, Kafka and FerretDB`);
  console.log(
    `  sent ${r.sent}, accepted ${r.accepted} (${r.acceptedPerSecond}/s), not sent (512 already in flight) ${r.skipped}, failed ${r.failures}${
      r.failures
        ? ` (by status: ${Object.entries(r.failedBy)
            .map(([s, n]) => `${s} × ${n}`)
            .join(', ')})`
        : ''
    }`,
  );
  console.log(`  load at the last send     : ${r.loadAtLastSend.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  request latency          : p50 ${r.request.p50} ms, p99 ${r.request.p99} ms`);
  console.log(`  accepted → visible       : p50 ${r.visible.p50} ms, p99 ${r.visible.p99} ms (aim ≤ 300), over ${r.visible.count} events`);
  console.log(`  relay (progress-events)  : ${r.relayPerSecond.sending} events/s while sending, ${r.relayPerSecond.overall} overall`);
  console.log(
    `  projector                : ${r.projectorPerSecond.sending} events/s while sending, ${r.projectorPerSecond.overall} overall; all visible ${r.drainSeconds} s after the last send`,
  );
  if (r.raw) {
    console.log(`  FerretDB alone (mongodb driver, the same writes: ${r.raw.collections.join(', ')}; services idle):`);
    for (const f of r.raw.figures)
      console.log(
        `    batches of ${String(f.batch).padStart(3)} events${f.withAudit ? ', with the audit trail’s Merkle nodes' : ''}: ${f.eventsPerSecond} events/s = ${f.documentsPerSecond} documents/s, FerretDB ${f.ferretCores ?? '?'} cores (${f.events} events)`,
      );
  }
  console.log(`  documents per event held by the read models: ${r.documents.map((d) => `${d.collection} ${d.perEvent}`).join(', ')}`);
  for (const w of r.warnings) console.log(`  ${w.name}: ${w.count} warnings or errors in its log, first: ${w.first.join(' | ')}`);
  const fmt = (n: number | null) => (n === null ? '   ?' : n.toFixed(2).padStart(5));
  console.log(`  cores busy (while sending / whole run, of ${cpus().length}):`);
  for (const row of r.cores) console.log(`    ${row.name.padEnd(24)} ${fmt(row.sending)} / ${fmt(row.overall)}`);
  if (values['cpu-prof']) printProfiles(resolve(values['cpu-prof']));
  console.log(
    `  load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** The functions a V8 CPU profile spent most time in themselves (self time), as a share of the time not idle. */
export function topFrames(file: string, count = 12): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!;
    if (frame.functionName === '(idle)') return;
    const where = frame.url ? ` ${relative(process.cwd(), frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    busy += us;
  });
  return [
    `busy ${(busy / 1e6).toFixed(1)} s of CPU`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`),
  ];
}

function printProfiles(dir: string) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const files = readdirSync(join(dir, name)).filter((f) => f.endsWith('.cpuprofile'));
    for (const file of files) {
      console.log(`\n  ${name} (${join(dir, name, file)}), self time:`);
      for (const line of topFrames(join(dir, name, file))) console.log(`    ${line}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
