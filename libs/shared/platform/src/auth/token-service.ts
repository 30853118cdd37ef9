import { sign as signBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type UserRole } from '@dm/contracts';
import { problems } from '../http/problem';
import { fileVersion, JWKS_FILE, SigningKeys } from './signing-keys';

export const TOKEN_ISSUER = 'directive-monitor';
export const TOKEN_AUDIENCE = 'directive-monitor-api';
/** The path the sign-in component serves its public keys at. */
export const JWKS_PATH = '/.well-known/jwks.json';
/** How far apart two machines' clocks may be when a token's times are checked. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** Tokens whose signature was checked, kept so a client's next requests skip the check (about 4 MB at most). */
const VERIFIED_CACHE_SIZE = 10_000;

type Verified = { principal: Principal; tokenId: string | null };

export interface TokenClaims {
  sub: string;
  name?: string;
  agencyId?: string | null;
  roles: UserRole[];
  /** The id of a token issued to an account (recorded on its stream). */
  jti?: string;
}

export interface TokenAudience {
  issuer: string;
  audience: string;
}
const OURS: TokenAudience = { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE };

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** Seconds, or "90s", "30m", "12h", "7d". */
export function secondsOf(expiresIn: number | string): number {
  if (typeof expiresIn === 'number' && Number.isInteger(expiresIn) && expiresIn > 0) return expiresIn;
  const match = typeof expiresIn === 'string' ? /^(\d+)([smhd])$/.exec(expiresIn) : null;
  if (!match || Number(match[1]) === 0)
    throw new Error(`a token lifetime must be a positive number of seconds or like 12h, not ${expiresIn}`);
  return Number(match[1]) * UNITS[match[2]];
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The public keys of a JWKS file (the embedded form's), read again when the file changes. */
export function fileKeySet(dir: string): JWTVerifyGetKey {
  const path = join(dir, JWKS_FILE);
  let version = '';
  let keySet: JWTVerifyGetKey | null = null;
  return (header, token) => {
    const now = fileVersion(path);
    if (!keySet || now !== version) {
      keySet = createLocalJWKSet(JSON.parse(readFileSync(path, 'utf8')));
      version = now;
    }
    return keySet(header, token);
  };
}

/** The public keys the sign-in component serves, cached; fetched again (at most every 5 s) when a token names a key not yet seen. */
export const remoteKeySet = (url: string): JWTVerifyGetKey =>
  createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 5000, cacheMaxAge: 10 * 60 * 1000 });

/**
 * Bearer JWTs: EdDSA (Ed25519) signatures, each naming its key (`kid`), with
 * `iss`, `aud`, `nbf` and `exp` all required and checked. Only the sign-in
 * component holds the signing keys (`SigningKeys`); every other process
 * verifies with their public set (a file, or the JWKS it serves).
 */
export class TokenService {
  constructor(
    private readonly keySet: JWTVerifyGetKey,
    private readonly signingKeys: SigningKeys | null = null,
    private readonly audience: TokenAudience = OURS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Signs and verifies with the keys of a directory, made on first use (the embedded form, the sign-in component, the CLI). */
  static holdingKeys(dir: string, audience: TokenAudience = OURS, clock?: () => Date): TokenService {
    const keys = SigningKeys.loadOrCreate(dir);
    return new TokenService(fileKeySet(dir), keys, audience, clock);
  }

  /** Verifies only, with the JWKS the sign-in component serves. */
  static verifyingWith(jwksUrl: string): TokenService {
    return new TokenService(remoteKeySet(jwksUrl));
  }

  /** The public keys that verify this process's tokens (served as the JWKS), or null where it holds none. */
  publicKeys(): ReturnType<SigningKeys['publicSet']> | null {
    return this.signingKeys?.publicSet(this.clock()) ?? null;
  }

  sign(claims: TokenClaims, expiresIn: number | string = '12h'): string {
    if (!this.signingKeys) throw new Error('this process holds no signing key: tokens are signed by the sign-in component');
    const { kid, privateKey } = this.signingKeys.current();
    const now = Math.floor(this.clock().getTime() / 1000);
    const payload = {
      ...claims,
      iss: this.audience.issuer,
      aud: this.audience.audience,
      iat: now,
      nbf: now,
      exp: now + secondsOf(expiresIn),
    };
    const input = `${base64url({ alg: 'EdDSA', typ: 'JWT', kid })}.${base64url(payload)}`;
    return `${input}.${signBytes(null, Buffer.from(input), privateKey).toString('base64url')}`;
  }

  /** The principal of a valid token, or null when the token is missing, forged, expired or malformed. */
  async verify(token: string): Promise<Principal | null> {
    return (await this.verifyIssued(token))?.principal ?? null;
  }

  /**
   * … and the id of a token issued to an account (`jti`), which the identity
   * context can still refuse. Throws 503 when the public keys cannot be had.
   */
  async verifyIssued(token: string): Promise<Verified | null> {
    const now = this.clock().getTime() / 1000;
    const cached = this.verified.get(token);
    if (cached && now <= cached.exp + CLOCK_TOLERANCE_SECONDS) return cached.verified;
    if (cached) this.verified.delete(token);
    const checked = await this.check(token);
    if (checked) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, checked);
    }
    return checked?.verified ?? null;
  }

  /**
   * A signature checked once stays good until the token expires: a retired
   * key is published for longer than any token lives (signing-keys.ts), and
   * whether an account's token was revoked is asked by the caller, by `jti`.
   */
  private readonly verified = new Map<string, { verified: Verified; exp: number }>();

  private async check(token: string): Promise<{ verified: Verified; exp: number } | null> {
    let claims: Record<string, unknown>;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.keySet, {
        algorithms: ['EdDSA'],
        issuer: this.audience.issuer,
        audience: this.audience.audience,
        requiredClaims: ['exp', 'nbf', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.clock(),
      });
      if (typeof protectedHeader.kid !== 'string') return null;
      claims = payload;
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
        throw problems.unavailable('The keys that verify tokens cannot be had now; retry shortly');
      return null;
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is UserRole => ROLES.includes(r)) : [];
    if (typeof claims.sub !== 'string' || !claims.sub || roles.length === 0) return null;
    const principal: Principal = {
      sub: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : null,
      agencyId: typeof claims.agencyId === 'string' ? claims.agencyId : null,
      roles,
    };
    return {
      verified: { principal, tokenId: typeof claims.jti === 'string' ? claims.jti : null },
      exp: Number(claims.exp),
    };
  }
}
