import { createHash, generateKeyPairSync } from 'node:crypto';
import { checkpointFault, checkpointText, keyIdOf, publicKeyFromPem, signCheckpoint } from './checkpoint';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const head = { store: 'progress-events', treeSize: 3, rootHash: 'ab'.repeat(32), time: '2017-04-01T00:00:00.000Z' };

describe('a checkpoint', () => {
  it('signs exactly these bytes: the format, the store, the size, the root and the time, a line each', () => {
    expect(checkpointText(head)).toBe(`dm-checkpoint/1\nprogress-events\n3\n${'ab'.repeat(32)}\n2017-04-01T00:00:00.000Z\n`);
  });

  it('names its key by the first 8 bytes of SHA-256 over the public key (SPKI DER)', () => {
    const expected = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
    expect(keyIdOf(publicKey)).toBe(expected);
    expect(signCheckpoint(head, privateKey).keyId).toBe(expected);
  });

  it('keeps its reason unsigned, and carries none when given none', () => {
    const withReason = signCheckpoint(head, privateKey, 'cut-off 2017-03');
    expect(withReason.reason).toBe('cut-off 2017-03');
    expect(checkpointFault({ ...withReason, reason: 'changed' }, publicKey)).toBeNull();
    expect('reason' in signCheckpoint(head, privateKey)).toBe(false);
  });

  it('verifies under its key, from the PEM the API serves, and under no other', () => {
    const signed = signCheckpoint(head, privateKey);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(checkpointFault(signed, publicKeyFromPem(pem))).toBeNull();
    expect(checkpointFault(signed, generateKeyPairSync('ed25519').publicKey)).toMatch(/^signed by key [0-9a-f]{16}, not by/);
  });

  it('does not verify once any signed field changed, or with a signature that is not one', () => {
    const signed = signCheckpoint(head, privateKey);
    for (const changed of [{ store: 'audit' }, { treeSize: 4 }, { rootHash: 'cd'.repeat(32) }, { time: '2017-04-02T00:00:00.000Z' }])
      expect(checkpointFault({ ...signed, ...changed }, publicKey)).toBe(
        'its Ed25519 signature does not match its store, size, root and time',
      );
    expect(checkpointFault({ ...signed, signature: 'AAAA' }, publicKey)).not.toBeNull();
    expect(checkpointFault({ ...signed, signature: 42 as never }, publicKey)).not.toBeNull();
  });
});
