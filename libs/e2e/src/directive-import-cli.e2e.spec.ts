import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOnce } from './process-harness';

const ROOT = resolve(__dirname, '../../..');
const SEED = 'libs/directive-import/fixtures/4308-UBND-VX-2017.txt';

/** `npm run cli -- import <file>` as a child process on a data directory of its own: standard output is JSON and nothing else. */
describe('the directive import through the CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-import-cli-'));
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, MONITOR_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });

  beforeAll(() => buildOnce());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the draft of the seed text as JSON on standard output, nothing else', () => {
    const run = cli(['import', SEED, '--agency', 'vp-ubnd-tinh']);
    expect(run.status).toBe(0);
    const draft = JSON.parse(run.stdout);
    expect(draft).toMatchObject({ status: 'draft', revision: 0, number: '4308/UBND-VX', issuedOn: '2017-02-10' });
    expect(draft.tasks).toHaveLength(11);
    expect(draft.draftId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('--issue of a text that names no number or date: exit 1, the fields on standard error, nothing on standard output', () => {
    const file = join(dataDir, 'bare.txt');
    writeFileSync(file, 'Kính gửi: Các sở, ban, ngành cấp tỉnh.\n1. Sở Tài chính chủ trì bố trí kinh phí.\n');
    const run = cli(['import', file, '--issue', '--agency', 'vp-ubnd-tinh']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/422/);
    expect(run.stderr).toMatch(/^ {2}number: /m);
    expect(run.stderr).toMatch(/^ {2}issuedOn: /m);
  });

  it('a file that is not text is refused (400 naming the body), and a missing argument shows the usage', () => {
    const file = join(dataDir, 'scan.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
    const binary = cli(['import', file]);
    expect([binary.status, binary.stdout]).toEqual([1, '']);
    expect(binary.stderr).toMatch(/400[\s\S]*\(body\)/);
    const bare = cli(['import']);
    expect([bare.status, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('import <file.txt>');
  });
});
