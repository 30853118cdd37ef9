#!/usr/bin/env node
// Usage: node tools/profile/top-frames.mjs <file.cpuprofile> [count] [--by-module]
// Prints the functions (or, with --by-module, the libraries and packages) with the most self time in a V8 CPU profile (node --cpu-prof).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const byModule = process.argv.includes('--by-module');
const [file, count = '15'] = process.argv.slice(2).filter((a) => a !== '--by-module');
/** libs/<x>/<y> or services/<x>, a package of node_modules, node's internals, or V8's own entries. */
const moduleOf = (where) =>
  where.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
  where.match(/(?:libs|services|tools)\/[^/]+(?:\/(?:application|domain|documents|src))?/)?.[0] ??
  (where.startsWith('node:') ? 'node internals' : where || 'V8/native');
if (!file) {
  console.error('usage: top-frames.mjs <file.cpuprofile> [count]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (deltas[i] ?? 0)));
const byFrame = new Map();
let total = 0;
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
  const key = byModule ? moduleOf(where.replace(/^dist\//, '')) : `${functionName || '(anonymous)'} ${where}`.trim();
  byFrame.set(key, (byFrame.get(key) ?? 0) + micros);
  total += micros;
}
const rows = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
console.log(`${(total / 1000).toFixed(0)} ms sampled; self time:`);
for (const [key, micros] of rows)
  console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
