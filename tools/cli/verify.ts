import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { publicKeyFromPem, verifyExport } from '@dm/audit';

const USAGE = 'usage: npm run cli -- verify <export.jsonl> --public-key <file.pem>';

/**
 * The offline verifier (docs/audit.md, "The offline verifier"): the export and
 * the public key, nothing else. Progress on standard error; the report as JSON
 * on standard output; exit code 0 when it verifies, 1 when it does not, 2 on
 * wrong use.
 */
export async function runVerify(args: string[]): Promise<void> {
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'public-key': { type: 'string' } } });
    if (positionals.length !== 1 || !values['public-key']) throw new Error(USAGE);
    const publicKey = publicKeyFromPem(readFileSync(values['public-key'], 'utf8'));
    const lines = createInterface({ input: createReadStream(positionals[0], 'utf8'), crlfDelay: Infinity });
    const started = Date.now();
    const report = await verifyExport(lines, publicKey, (events) =>
      process.stderr.write(`verified ${events} events (${((Date.now() - started) / 1000).toFixed(1)} s)\n`),
    );
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    if (report.fault) process.stderr.write(`NOT VERIFIED: ${report.fault.store ? `${report.fault.store}: ` : ''}${report.fault.message}\n`);
    else process.stderr.write(`verified: ${report.events} events, ${report.checkpoints} checkpoints\n`);
    process.exitCode = report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
