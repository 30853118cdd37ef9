import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ApiClient } from '@dm/testing';
import { buildOnce, freePort, kill, runCli, startStandalone } from './process-harness';

const kidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;

/**
 * `npm run cli -- token` and `keys rotate` on the embedded form's data
 * directory, against the standalone server running on it (another process):
 * the CLI signs with the current key; a rotation makes a new key sign while
 * the old one's tokens still verify, without restarting the server.
 */
describe('token keys through the CLI (embedded)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-keys-cli-'));
  let server: ChildProcess | undefined;
  let url: string;

  beforeAll(async () => {
    buildOnce();
    const port = await freePort();
    server = await startStandalone(dataDir, port);
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (server) await kill(server, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const token = (...args: string[]) => runCli(['token', ...args], dataDir).trim();
  const reads = async (bearer: string) => (await new ApiClient(url, bearer).get('/api/v1/directives')).status;

  it('made the keys on first start, the private ring readable by its owner only', () => {
    expect(statSync(join(dataDir, 'keys', 'signing-keys.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dataDir, 'keys', 'jwks.json'), 'utf8')).keys).toHaveLength(1);
  });

  it('signs a token with --sub --agency --role that the server takes, and refuses one for an unknown role', async () => {
    const officer = token('--sub', 'cb.muonglat', '--agency', 'h-muong-lat', '--role', 'agency_officer');
    expect(await reads(officer)).toBe(200);
    const session = await new ApiClient(url, officer).get('/api/v1/auth/session');
    expect(session.body.account).toMatchObject({ username: 'cb.muonglat', agencyId: 'h-muong-lat', roles: ['agency_officer'] });
    expect(() => runCli(['token', '--sub', 'x', '--role', 'mayor'], dataDir)).toThrow(/unknown role mayor/);
  });

  it('rotates: the next token names the new key, the old token still verifies, the JWKS lists both', async () => {
    const before = token('--sub', 'ops', '--role', 'admin');
    const rotated = runCli(['keys', 'rotate'], dataDir);
    expect(rotated).toMatch(/signing with (\S+) from now on/);
    const newKid = /signing with (\S+) from now on/.exec(rotated)![1];
    expect(rotated).toContain(`still verifying until their tokens expire: ${kidOf(before)}`);
    const after = token('--sub', 'ops', '--role', 'admin');
    expect(kidOf(after)).toBe(newKid);
    expect(await reads(before)).toBe(200);
    expect(await reads(after)).toBe(200);
    const jwks = await new ApiClient(url).get('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual([kidOf(before), newKid]);
    const listed = runCli(['keys', 'list'], dataDir).trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(new RegExp(`^${kidOf(before)} .* retired `));
    expect(listed[1]).toMatch(new RegExp(`^${newKid} .* signing$`));
  });

  it('a token of another data directory (another key ring) is 401', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dm-keys-other-'));
    try {
      expect(await reads(runCli(['token', '--sub', 'ops', '--role', 'admin'], elsewhere).trim())).toBe(401);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
