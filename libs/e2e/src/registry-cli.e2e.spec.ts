import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { today } from '@dm/periods';
import { buildOnce, freePort, kill, runCli, startStandalone } from './process-harness';

/** `npm run cli -- registry …` on a data directory: in-process, then against the running server with --url. */
describe('the registry through the CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-registry-cli-'));
  const csv = join(dataDir, 'communes-2026.csv');
  const why = ['--reason', 'Thành lập xã mới', '--document', '12/NQ-HĐND'];
  let server: ChildProcess | undefined;

  beforeAll(() => {
    buildOnce();
    writeFileSync(
      csv,
      [
        'id,name,kind,parent,groups,aliases,validFrom,validTo,successors',
        'thon-dbkk,"Các thôn, bản đặc biệt khó khăn",group,,,,2026-01-01,,',
        'x-thu-nghiem,UBND xã Thử Nghiệm,commune,ubnd-tinh,ubnd-xa;thon-dbkk,UBND xã TN,2026-01-01,,',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    if (server) await kill(server, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a CSV edition as change events, and the same edition again changes nothing', () => {
    const first = JSON.parse(runCli(['registry', 'import', csv, '--effective-on', '2026-01-01', ...why], dataDir));
    expect(first.changed).toBe(true);
    expect(first.events.map((e: { type: string }) => e.type)).toEqual(['registry.group-created', 'registry.agency-created']);
    expect(first.events[1].data).toMatchObject({ agencyId: 'x-thu-nghiem', groups: ['ubnd-xa', 'thon-dbkk'], aliases: ['UBND xã TN'] });
    const again = JSON.parse(runCli(['registry', 'import', csv, '--effective-on', '2026-01-01', ...why], dataDir));
    expect(again).toEqual({ changed: false, events: [] });
  });

  it('imports a file that states only its rows: today as the date, its name as the edition and the document', () => {
    const bare = join(dataDir, 'them-xa.csv');
    writeFileSync(bare, 'id,name,kind,parent,groups\nx-them,UBND xã Thêm,commune,ubnd-tinh,ubnd-xa\n');
    const imported = JSON.parse(runCli(['registry', 'import', bare], dataDir));
    expect(imported.events[0].data).toMatchObject({
      agencyId: 'x-them',
      validFrom: today(),
      reason: 'Nhập danh mục từ tệp them-xa.csv',
      authorizingDocument: 'them-xa.csv',
    });
    expect(JSON.parse(runCli(['registry', 'import', 'libs/registry/src/data/thanh-hoa-2017-agencies.csv'], dataDir)).changed).toBe(false);
  });

  it('loads the shipped 2025 edition again without a change: the default registry holds it', () => {
    const shipped = JSON.parse(runCli(['registry', 'import', 'libs/registry/src/data/thanh-hoa-2025.json'], dataDir));
    expect(shipped).toEqual({ changed: false, events: [] });
  });

  it('changes and reads the registry of a running server with --url, and the timeline says who, when and why', async () => {
    const port = await freePort();
    server = await startStandalone(dataDir, port);
    const url = ['--url', `http://127.0.0.1:${port}`];
    const ended = JSON.parse(
      runCli(['registry', 'end', 'x-thu-nghiem', '--valid-to', '2026-06-30', '--successor', 'p-hac-thanh', ...why, ...url], dataDir),
    );
    expect(ended.events[0]).toMatchObject({
      type: 'registry.agency-ended',
      data: { successors: [{ agencyId: 'p-hac-thanh', duties: null }] },
    });
    const shown = JSON.parse(runCli(['registry', 'show', 'x-thu-nghiem', ...url], dataDir));
    expect(shown).toMatchObject({ name: 'UBND xã Thử Nghiệm', validFrom: '2026-01-01', validTo: '2026-06-30' });
    const group = JSON.parse(runCli(['registry', 'group', 'thon-dbkk', '--as-of', '2026-03-01', ...url], dataDir));
    expect(group.members.map((m: { id: string }) => m.id)).toEqual(['x-thu-nghiem']);
    const timeline = JSON.parse(runCli(['registry', 'timeline', '--after', String(ended.events[0].revision - 4), ...url], dataDir));
    const ours = timeline.entries.filter((e: { reason: string }) => e.reason === 'Thành lập xã mới');
    expect(ours.map((e: { type: string }) => e.type)).toEqual([
      'registry.group-created',
      'registry.agency-created',
      'registry.agency-ended',
    ]);
    for (const entry of ours)
      expect(entry).toMatchObject({ actor: { role: 'admin' }, reason: 'Thành lập xã mới', authorizingDocument: '12/NQ-HĐND' });
    const refused = (() => {
      try {
        runCli(['registry', 'end', 'x-thu-nghiem', '--valid-to', '2026-07-31', ...why, ...url], dataDir);
        return null;
      } catch (error) {
        return error as { status: number; stdout: string };
      }
    })();
    expect(refused?.status).toBe(1);
    expect(JSON.parse(refused?.stdout ?? '{}')).toMatchObject({ status: 409, detail: 'x-thu-nghiem already ended on 30/06/2026' });
  }, 60_000);
});
