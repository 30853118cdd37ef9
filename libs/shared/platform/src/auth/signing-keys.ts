import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The private key ring (kept only where tokens are signed) and the public set every verifier reads. */
export const SIGNING_KEYS_FILE = 'signing-keys.json';
export const JWKS_FILE = 'jwks.json';
/** The longest a token may live (an API token an admin issues: 366 days): a retired key verifies that long after. */
export const MAX_TOKEN_LIFETIME_SECONDS = 366 * 24 * 3600;

export interface StoredSigningKey {
  kid: string;
  alg: 'EdDSA';
  createdAt: string;
  /** When a newer key took over signing; it keeps verifying until the last token it signed can have expired. */
  retiredAt: string | null;
  privateJwk: JsonWebKey;
}

export type PublicJwk = {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
};

interface KeyRingFile {
  keys: StoredSigningKey[];
}

const newKey = (now: Date): StoredSigningKey => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    kid: `${now.toISOString().slice(0, 10)}-${randomBytes(6).toString('base64url')}`,
    alg: 'EdDSA',
    createdAt: now.toISOString(),
    retiredAt: null,
    privateJwk: privateKey.export({ format: 'jwk' }),
  };
};

const publicJwkOf = (key: StoredSigningKey): PublicJwk => {
  const { kty, crv, x } = createPublicKey(createPrivateKey({ key: key.privateJwk, format: 'jwk' })).export({ format: 'jwk' });
  return { kty: kty!, crv: crv!, x: x!, kid: key.kid, alg: 'EdDSA', use: 'sig' };
};

/** Changes whenever the file is replaced (a new inode) or written, even within the clock's coarse tick. */
export const fileVersion = (path: string): string => {
  const stat = statSync(path);
  return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
};

const writeAtomically = (path: string, text: string, mode: number) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  renameSync(temporary, path);
};

/**
 * The Ed25519 keys tokens are signed with, in a directory only the sign-in
 * component reads: the newest signs; a retired one stays in the public set
 * until every token it signed has expired, then is dropped. Another process
 * (the CLI's `keys rotate`) may change the files; the ring reads them again
 * when they change.
 */
export class SigningKeys {
  private ring: KeyRingFile;
  private version = '';

  private constructor(readonly dir: string) {
    this.ring = this.read();
  }

  /** The ring of a directory, made with a first key when there is none (the embedded form's first start). */
  static loadOrCreate(dir: string, now = new Date()): SigningKeys {
    const path = join(dir, SIGNING_KEYS_FILE);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        writeFileSync(path, JSON.stringify({ keys: [newKey(now)] }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const keys = new SigningKeys(dir);
    keys.writePublicSet(now);
    return keys;
  }

  /** The ring of a directory that must already hold one. */
  static load(dir: string): SigningKeys {
    if (!existsSync(join(dir, SIGNING_KEYS_FILE))) throw new Error(`no signing keys in ${dir} (${SIGNING_KEYS_FILE})`);
    return new SigningKeys(dir);
  }

  /** The key that signs now: the newest (a rotation appends its key last). */
  current(): { kid: string; privateKey: KeyObject } {
    this.refresh();
    const key = this.ring.keys[this.ring.keys.length - 1];
    return { kid: key.kid, privateKey: createPrivateKey({ key: key.privateJwk, format: 'jwk' }) };
  }

  /** A new key signs from now on; the one before keeps verifying; keys whose tokens have all expired are dropped. */
  rotate(now = new Date()): { kid: string; retired: string[]; dropped: string[] } {
    this.ring = this.read();
    const retired = this.ring.keys.filter((k) => k.retiredAt === null).map((k) => k.kid);
    const kept = this.ring.keys
      .map((k) => (k.retiredAt === null ? { ...k, retiredAt: now.toISOString() } : k))
      .filter((k) => !this.expired(k, now));
    const dropped = this.ring.keys.filter((k) => !kept.some((c) => c.kid === k.kid)).map((k) => k.kid);
    const key = newKey(now);
    this.ring = { keys: [...kept, key] };
    writeAtomically(join(this.dir, SIGNING_KEYS_FILE), JSON.stringify(this.ring, null, 2) + '\n', 0o600);
    this.writePublicSet(now);
    return { kid: key.kid, retired, dropped };
  }

  /** Every key, newest last, for `keys list`. */
  list(): Array<Omit<StoredSigningKey, 'privateJwk'>> {
    this.refresh();
    return this.ring.keys.map(({ kid, alg, createdAt, retiredAt }) => ({ kid, alg, createdAt, retiredAt }));
  }

  /** The public keys that still verify (the JWKS document). */
  publicSet(now = new Date()): { keys: PublicJwk[] } {
    this.refresh();
    return { keys: this.ring.keys.filter((k) => !this.expired(k, now)).map(publicJwkOf) };
  }

  private expired(key: StoredSigningKey, now: Date): boolean {
    return key.retiredAt !== null && Date.parse(key.retiredAt) + MAX_TOKEN_LIFETIME_SECONDS * 1000 < now.getTime();
  }

  private writePublicSet(now: Date) {
    writeAtomically(join(this.dir, JWKS_FILE), JSON.stringify(this.publicSet(now), null, 2) + '\n', 0o644);
  }

  private refresh() {
    if (fileVersion(join(this.dir, SIGNING_KEYS_FILE)) !== this.version) this.ring = this.read();
  }

  private read(): KeyRingFile {
    const path = join(this.dir, SIGNING_KEYS_FILE);
    this.version = fileVersion(path);
    const ring = JSON.parse(readFileSync(path, 'utf8')) as KeyRingFile;
    if (!Array.isArray(ring.keys) || ring.keys.length === 0) throw new Error(`${path} holds no key`);
    return ring;
  }
}
