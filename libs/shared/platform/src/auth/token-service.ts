import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ROLES, type Principal, type UserRole } from '@dm/contracts';

export interface TokenClaims {
  sub: string;
  name?: string;
  agencyId?: string | null;
  roles: UserRole[];
  /** The id of a token issued to an account (recorded on its stream). */
  jti?: string;
}

/** Bearer JWTs signed and verified with HS256 and one shared key. */
export class TokenService {
  /** A KeyObject made once: jsonwebtoken would otherwise parse the raw key on every verification. */
  private readonly key: KeyObject;

  constructor(
    key: Buffer,
    private readonly issuer = 'directive-monitor',
  ) {
    this.key = createSecretKey(key);
  }

  sign(claims: TokenClaims, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
    return jwt.sign({ ...claims }, this.key, { algorithm: 'HS256', expiresIn, issuer: this.issuer });
  }

  /** The principal of a valid token, or null when the token is missing, forged, expired or malformed. */
  verify(token: string): Principal | null {
    return this.verifyIssued(token)?.principal ?? null;
  }

  /** … and the id of a token issued to an account (`jti`), which the identity context can still refuse. */
  verifyIssued(token: string): { principal: Principal; tokenId: string | null } | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: this.issuer }) as jwt.JwtPayload;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is UserRole => ROLES.includes(r)) : [];
      if (typeof claims.sub !== 'string' || !claims.sub || roles.length === 0) return null;
      const principal: Principal = {
        sub: claims.sub,
        name: typeof claims.name === 'string' ? claims.name : null,
        agencyId: typeof claims.agencyId === 'string' ? claims.agencyId : null,
        roles,
      };
      return { principal, tokenId: typeof claims.jti === 'string' ? claims.jti : null };
    } catch {
      return null;
    }
  }
}
