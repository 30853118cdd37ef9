import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_KEY_FILE = 'jwt-hs256.key';

/** The embedded mode's signing key: generated on first start, kept in the data directory. */
export function loadOrCreateJwtKey(dataDir: string): Buffer {
  const path = join(dataDir, JWT_KEY_FILE);
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
