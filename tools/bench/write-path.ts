import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startEmbedded } from '@dm/composition';
import { ApiClient, seed4308Directive } from '@dm/testing';

/**
 * Which of the project's source files run while the embedded server takes
 * one progress report, from the HTTP request to the read model (the answer
 * waits for the projectors). V8's precise coverage is reset after a warm-up
 * report, so only the second report's calls count.
 * usage: npm run write-path
 */
async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-write-path-'));
  const server = await startEmbedded({ dataDir, logger: false });
  const session = new Session();
  session.connect();
  try {
    const sign = (sub: string, agencyId: string, role: 'monitoring_officer' | 'agency_officer') =>
      new ApiClient(server.url, server.runtime.tokens.sign({ sub, agencyId, roles: [role] }));
    const issued = await sign('vp', 'vp-ubnd-tinh', 'monitoring_officer').post('/api/v1/directives', seed4308Directive());
    const assignment = issued.body.assignments.find(
      (a: { agencyId: string; taskNumber: string }) => a.agencyId === 'h-muong-lat' && a.taskNumber === '3',
    );
    const officer = sign('officer', 'h-muong-lat', 'agency_officer');
    const report = (reportedOn: string) =>
      officer.post(`/api/v1/assignments/${assignment.id}/progress`, { reportedOn, summary: 'Báo cáo tiến độ', percent: 20 });

    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    if ((await report('2017-03-01')).status !== 201) throw new Error('warm-up report refused');
    await session.post('Profiler.takePreciseCoverage');
    const answer = await report('2017-04-01');
    if (answer.status !== 201) throw new Error(`report refused: ${answer.status}`);
    const { result } = await session.post('Profiler.takePreciseCoverage');
    await session.post('Profiler.stopPreciseCoverage');

    const root = join(__dirname, '..', '..');
    const files = result
      .filter((script) => script.url.startsWith('file://') && script.url.includes('/dist/') && !script.url.includes('/node_modules/'))
      .filter((script) => script.functions.some((f) => f.ranges[0].count > 0))
      .map((script) => relative(root, new URL(script.url).pathname).replace(/\.js$/, '.ts'))
      .sort();
    const code = files.filter((f) => !f.endsWith('/index.ts') && !f.startsWith('tools/') && !f.startsWith('libs/shared/testing/'));
    const libraries = new Set(code.map((f) => f.split('/src/')[0]));
    // The progress slice: its context's libraries and its contract; the rest is shared by every command.
    const slice = code.filter((f) => f.startsWith('libs/progress/') || f === 'libs/shared/contracts/src/progress.ts');
    for (const file of code) console.log(`${slice.includes(file) ? '*' : ' '} ${file}`);
    console.log(`${code.length} source files in ${libraries.size} projects ran for one progress report (index files left out);`);
    console.log(`${slice.length} of them (*) are the progress slice: libs/progress/** and its contract`);
  } finally {
    session.disconnect();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
