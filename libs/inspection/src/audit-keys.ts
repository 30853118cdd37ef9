import { keyIdOf } from '@dm/audit';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The deployment's checkpoint-signing key: Ed25519, its own file, never the token key. */
export interface AuditKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

export const AUDIT_KEY_FILE = 'audit-ed25519.key';
export const AUDIT_PUBLIC_KEY_FILE = 'audit-ed25519.pub';

/** Loads the key pair from `dir`, making it on first start (the private key readable by its owner only). */
export function loadOrCreateAuditKeys(dir: string): AuditKeys {
  const privatePath = join(dir, AUDIT_KEY_FILE);
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(privatePath, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicPath = join(dir, AUDIT_PUBLIC_KEY_FILE);
  if (!existsSync(publicPath) || readFileSync(publicPath, 'utf8') !== publicKeyPem) writeFileSync(publicPath, publicKeyPem);
  return { privateKey, publicKey, publicKeyPem, keyId: keyIdOf(publicKey) };
}
