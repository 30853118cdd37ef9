import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { distributedInfra } from '@dm/e2e';
import { distributedBench } from './distributed-bench';

/** `npm run bench:distributed`: issue "Distributed"'s figure, on the brokers of infra/local/up.sh. */
async function main() {
  // The load is the point: the rate limits are off in the gateway and the services it starts (docs/security.md, "Limits and headers").
  process.env.RATE_LIMIT ??= 'off';
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { rate: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '60' } },
  });
  const infra = distributedInfra();
  if ('skipped' in infra) throw new Error(`cannot run: ${infra.skipped}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, load before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const r = await distributedBench(infra, Number(values.rate), Number(values.seconds));
  console.log(`\nprogress reports at ${r.rate}/s for ${r.seconds} s through the gateway, three service processes, Kafka and FerretDB`);
  console.log(
    `  sent ${r.sent}, accepted ${r.accepted} (${r.acceptedPerSecond}/s), not sent (512 already in flight) ${r.skipped}, failed ${r.failures}`,
  );
  console.log(`  request latency          : p50 ${r.request.p50} ms, p99 ${r.request.p99} ms`);
  console.log(`  accepted → visible       : p50 ${r.visible.p50} ms, p99 ${r.visible.p99} ms (aim ≤ 300), over ${r.visible.count} events`);
  console.log(`  relay (progress-events)  : ${r.relayPerSecond.sending} events/s while sending, ${r.relayPerSecond.overall} overall`);
  console.log(
    `  projector                : ${r.projectorPerSecond.sending} events/s while sending, ${r.projectorPerSecond.overall} overall; all visible ${r.drainSeconds} s after the last send`,
  );
  console.log(
    `  load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
