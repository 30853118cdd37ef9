import { createHmac, createPublicKey, generateKeyPairSync, sign as signBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, errors } from 'jose';
import { ProblemError } from '../http/problem';
import { JWKS_FILE, MAX_TOKEN_LIFETIME_SECONDS, SIGNING_KEYS_FILE, SigningKeys } from './signing-keys';
import { fileKeySet, secondsOf, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './token-service';

const claims = { sub: 'u-1', name: 'Chuyên viên', agencyId: 'so-ldtbxh', roles: ['monitoring_officer' as const] };
const principal = { sub: 'u-1', name: 'Chuyên viên', agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('TokenService', () => {
  const dirs: string[] = [];
  const keyDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-keys-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  let dir: string;
  let tokens: TokenService;
  beforeEach(() => {
    dir = keyDir();
    tokens = TokenService.holdingKeys(dir);
  });

  /** A token with any header and payload, signed EdDSA with the ring's current key (or the key given). */
  const forge = (header: object, payload: object, key: KeyObject = SigningKeys.load(dir).current().privateKey) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${signBytes(null, Buffer.from(input), key).toString('base64url')}`;
  };
  const kid = () => SigningKeys.load(dir).current().kid;
  const valid = (extra: object = {}) => {
    const now = seconds(new Date());
    return { ...claims, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, nbf: now, exp: now + 600, ...extra };
  };

  it('signs EdDSA naming its key, with iss, aud, nbf and exp, and verifies it into the caller', async () => {
    const token = tokens.sign(claims, '1h');
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: kid() });
    expect(payload).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'u-1' });
    expect(payload.exp - payload.nbf).toBe(3600);
    expect(await tokens.verify(token)).toEqual(principal);
    expect(await tokens.verifyIssued(tokens.sign({ ...claims, jti: 't-1' }))).toEqual({ principal, tokenId: 't-1' });
  });

  it('checks a signature once and remembers it until the token expires (plus the 30 s allowed for clocks), for at most 10,000 tokens', async () => {
    let now = new Date('2026-12-07T00:00:00Z');
    const signer = TokenService.holdingKeys(dir, undefined, () => now);
    const publicSet = createLocalJWKSet(JSON.parse(readFileSync(join(dir, JWKS_FILE), 'utf8')));
    let lookups = 0;
    const counted: typeof publicSet = (...args) => (lookups++, publicSet(...args));
    const verifier = new TokenService(counted, null, undefined, () => now);
    const token = signer.sign(claims, '1h');
    expect(await verifier.verify(token)).toEqual(principal);
    expect(await verifier.verify(token)).toEqual(principal);
    expect(lookups).toBe(1);
    now = new Date(now.getTime() + 3600_000 + 20_000);
    expect(await verifier.verify(token)).toEqual(principal);
    expect(lookups).toBe(1);
    now = new Date(now.getTime() + 11_000);
    expect(await verifier.verify(token)).toBeNull();
    expect(lookups).toBe(2);

    now = new Date('2026-12-07T00:00:00Z');
    const first = signer.sign({ ...claims, jti: 'first' });
    await verifier.verify(first);
    for (let i = 0; i < 10_000; i++) await verifier.verify(signer.sign({ ...claims, jti: `t-${i}` }));
    const before = lookups;
    expect(await verifier.verifyIssued(first)).toEqual({ principal, tokenId: 'first' });
    expect(lookups).toBe(before + 1);
  }, 60_000);

  it('verifies with the public key set alone (another process: the JWKS file, or the JWKS it serves)', async () => {
    const verifier = new TokenService(createLocalJWKSet(JSON.parse(readFileSync(join(dir, JWKS_FILE), 'utf8'))));
    expect(await verifier.verify(tokens.sign(claims))).toEqual(principal);
    expect(tokens.publicKeys()).toEqual(JSON.parse(readFileSync(join(dir, JWKS_FILE), 'utf8')));
    expect(JSON.stringify(tokens.publicKeys())).not.toMatch(/"d"/);
    expect(() => verifier.sign(claims)).toThrow(/holds no signing key/);
    expect(verifier.publicKeys()).toBeNull();
  });

  it('answers 503, not 401, when the public keys cannot be had (the sign-in component down, a timeout)', async () => {
    const token = tokens.sign(claims);
    const unreachable = TokenService.verifyingWith('http://127.0.0.1:9/.well-known/jwks.json');
    await expect(unreachable.verifyIssued(token)).rejects.toMatchObject({ status: 503 });
    const timedOut = new TokenService(() => {
      throw new errors.JWKSTimeout();
    });
    await expect(timedOut.verifyIssued(token)).rejects.toBeInstanceOf(ProblemError);
    const broken = new TokenService(() => {
      throw new Error('ENOENT: no jwks.json');
    });
    await expect(broken.verifyIssued(token)).rejects.toMatchObject({ status: 503 });
    const none = new TokenService(() => {
      throw new errors.JWKSNoMatchingKey();
    });
    expect(await none.verifyIssued(token)).toBeNull();
  });

  it('a file verifier reads the public set again once it changed (a rotation by another process)', async () => {
    const verifier = new TokenService(fileKeySet(dir));
    expect(await verifier.verify(tokens.sign(claims))).toEqual(principal);
    SigningKeys.load(dir).rotate();
    expect(await verifier.verify(tokens.sign(claims))).toEqual(principal);
  });

  it('reads a token id (jti) only when it is a string', async () => {
    const header = { alg: 'EdDSA', typ: 'JWT', kid: kid() };
    expect((await tokens.verifyIssued(forge(header, valid({ jti: 5 }))))?.tokenId).toBeNull();
    expect((await tokens.verifyIssued(forge(header, valid({ jti: 't-9' }))))?.tokenId).toBe('t-9');
  });

  it('refuses a token of another key ring (an unknown kid), and one naming a known kid but signed with another key', async () => {
    const other = TokenService.holdingKeys(keyDir());
    expect(await tokens.verify(other.sign(claims))).toBeNull();
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await tokens.verify(forge({ alg: 'EdDSA', typ: 'JWT', kid: kid() }, valid(), stranger))).toBeNull();
  });

  it('refuses a token without a kid', async () => {
    expect(await tokens.verify(forge({ alg: 'EdDSA', typ: 'JWT' }, valid()))).toBeNull();
  });

  it('refuses alg none', async () => {
    expect(await tokens.verify(`${b64({ alg: 'none', typ: 'JWT', kid: kid() })}.${b64(valid())}.`)).toBeNull();
    expect(await tokens.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid())}.`)).toBeNull();
  });

  it('refuses HS256 keyed with the public key (key confusion), and RS256/ES256 tokens', async () => {
    const jwk = tokens.publicKeys()!.keys[0];
    const publicPem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    for (const secret of [publicPem, JSON.stringify(jwk), Buffer.from(jwk.x!, 'base64url')]) {
      const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${b64(valid())}`;
      expect(await tokens.verify(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`)).toBeNull();
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const rsInput = `${b64({ alg: 'RS256', typ: 'JWT', kid: jwk.kid })}.${b64(valid())}`;
    expect(await tokens.verify(`${rsInput}.${signBytes('sha256', Buffer.from(rsInput), rsa).toString('base64url')}`)).toBeNull();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const esInput = `${b64({ alg: 'ES256', typ: 'JWT', kid: jwk.kid })}.${b64(valid())}`;
    expect(
      await tokens.verify(
        `${esInput}.${signBytes('sha256', Buffer.from(esInput), { key: ec, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`,
      ),
    ).toBeNull();
  });

  it('refuses a wrong audience, a wrong issuer, and a token whose claims were changed after signing', async () => {
    const header = { alg: 'EdDSA', typ: 'JWT', kid: kid() };
    expect(await tokens.verify(forge(header, valid()))).toEqual(principal);
    expect(await tokens.verify(forge(header, valid({ aud: 'another-api' })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ aud: undefined })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ iss: 'someone-else' })))).toBeNull();
    const otherAudience = new TokenService(createLocalJWKSet(tokens.publicKeys()!), SigningKeys.load(dir), {
      issuer: TOKEN_ISSUER,
      audience: 'elsewhere',
    });
    expect(await tokens.verify(otherAudience.sign(claims))).toBeNull();
    const [h, , signature] = tokens.sign(claims).split('.');
    expect(await tokens.verify(`${h}.${b64(valid({ roles: ['admin'] }))}.${signature}`)).toBeNull();
  });

  it('refuses an expired token, a token without exp, and one not yet valid (nbf), with 30 s for clocks apart', async () => {
    const header = { alg: 'EdDSA', typ: 'JWT', kid: kid() };
    const now = seconds(new Date());
    expect(await tokens.verify(forge(header, valid({ exp: now - 31 })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ exp: now - 5 })))).toEqual(principal);
    expect(await tokens.verify(forge(header, valid({ exp: undefined })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ nbf: undefined })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ nbf: now + 120 })))).toBeNull();
  });

  it('refuses roles that are not a list, a subject that is not a string, and keeps only known roles', async () => {
    const header = { alg: 'EdDSA', typ: 'JWT', kid: kid() };
    expect(await tokens.verify(forge(header, valid({ roles: 'admin' })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ sub: 42 })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ sub: '' })))).toBeNull();
    expect(await tokens.verify(forge(header, valid({ roles: [] })))).toBeNull();
    expect(await tokens.verify(tokens.sign({ ...claims, roles: ['mayor' as never] }))).toBeNull();
    expect((await tokens.verify(tokens.sign({ ...claims, roles: ['mayor' as never, 'inspector'] })))?.roles).toEqual(['inspector']);
    expect(await tokens.verify(forge(header, valid({ name: 7, agencyId: { id: 'x' } })))).toEqual({
      ...principal,
      name: null,
      agencyId: null,
    });
    expect(await tokens.verify('not.a.token')).toBeNull();
    expect(await tokens.verify('')).toBeNull();
  });

  describe('rotation', () => {
    let now: Date;
    const clock = () => now;
    const at = (iso: string) => (now = new Date(iso));

    it('signs with the new key at once; an old token verifies until it expires; a key whose tokens have all expired is dropped', async () => {
      at('2026-01-01T00:00:00Z');
      const service = TokenService.holdingKeys(dir, undefined, clock);
      const old = service.sign(claims, '1h');
      const oldKid = kid();
      at('2026-01-01T00:10:00Z');
      // Another process (the CLI's `keys rotate`) rotates; this one notices the file changed.
      const rotated = SigningKeys.load(dir).rotate(now);
      expect(rotated.retired).toEqual([oldKid]);
      const fresh = service.sign(claims, '1h');
      expect(JSON.parse(Buffer.from(fresh.split('.')[0], 'base64url').toString()).kid).toBe(rotated.kid);
      expect(rotated.kid).not.toBe(oldKid);
      expect(await service.verify(old)).toEqual(principal);
      expect(await service.verify(fresh)).toEqual(principal);
      expect(service.publicKeys()!.keys.map((k) => k.kid)).toEqual([oldKid, rotated.kid]);

      at('2026-01-01T01:00:31Z');
      expect(await service.verify(old)).toBeNull();
      expect(await service.verify(fresh)).toEqual(principal);
      // The retired key stays published: an admin's token may live 366 days.
      expect(service.publicKeys()!.keys.map((k) => k.kid)).toEqual([oldKid, rotated.kid]);
      const retiredAt = Date.parse('2026-01-01T00:10:00Z');
      at(new Date(retiredAt + MAX_TOKEN_LIFETIME_SECONDS * 1000).toISOString());
      expect(service.publicKeys()!.keys.map((k) => k.kid)).toEqual([oldKid, rotated.kid]);
      at(new Date(retiredAt + MAX_TOKEN_LIFETIME_SECONDS * 1000 + 1).toISOString());
      expect(service.publicKeys()!.keys.map((k) => k.kid)).toEqual([rotated.kid]);

      at(new Date(Date.parse('2026-01-01T00:10:00Z') + (MAX_TOKEN_LIFETIME_SECONDS + 1) * 1000).toISOString());
      const again = SigningKeys.load(dir).rotate(now);
      expect(again.dropped).toEqual([oldKid]);
      expect(again.retired).toEqual([rotated.kid]);
      expect(service.publicKeys()!.keys.map((k) => k.kid)).toEqual([rotated.kid, again.kid]);
      const third = SigningKeys.load(dir).rotate(now);
      expect(third).toMatchObject({ retired: [again.kid], dropped: [] });
      expect(
        SigningKeys.load(dir)
          .list()
          .map((k) => [k.kid, k.retiredAt === null]),
      ).toEqual([
        [rotated.kid, false],
        [again.kid, false],
        [third.kid, true],
      ]);
      expect(third.kid).toMatch(/^\d{4}-\d{2}-\d{2}-[A-Za-z0-9_-]{8}$/);
      expect(statSync(join(dir, SIGNING_KEYS_FILE)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, JWKS_FILE)).mode & 0o777).toBe(0o644);
    });

    it('refuses to load a directory without a ring, or a ring without a key', () => {
      const empty = keyDir();
      expect(() => SigningKeys.load(empty)).toThrow(/no signing keys/);
      writeFileSync(join(empty, SIGNING_KEYS_FILE), JSON.stringify({ keys: [] }));
      expect(() => SigningKeys.load(empty)).toThrow(/holds no key/);
      writeFileSync(join(empty, SIGNING_KEYS_FILE), JSON.stringify({}));
      expect(() => SigningKeys.load(empty)).toThrow(/holds no key/);
    });
  });

  it('reads lifetimes as seconds or with a unit', () => {
    expect(secondsOf(90)).toBe(90);
    expect(secondsOf('90s')).toBe(90);
    expect(secondsOf('30m')).toBe(1800);
    expect(secondsOf('12h')).toBe(43200);
    expect(secondsOf('7d')).toBe(604800);
    for (const bad of [0, -1, 1.5, '0h', '12', 'h', '1w', '', '12hx', 'x12h', '90', NaN])
      expect(() => secondsOf(bad as never)).toThrow(/lifetime/);
  });
});
