import { createHmac, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TokenService } from './token-service';

const key = randomBytes(32);
const tokens = new TokenService(key);
const claims = { sub: 'u-1', name: 'Chuyên viên', agencyId: 'so-ldtbxh', roles: ['monitoring_officer' as const] };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('TokenService', () => {
  it('verifies what it signed, into the caller', () => {
    expect(tokens.verify(tokens.sign(claims))).toEqual({
      sub: 'u-1',
      name: 'Chuyên viên',
      agencyId: 'so-ldtbxh',
      roles: ['monitoring_officer'],
    });
  });

  it('refuses a token signed with another key', () => {
    expect(tokens.verify(new TokenService(randomBytes(32)).sign(claims))).toBeNull();
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [header, , signature] = tokens.sign(claims).split('.');
    const forged = `${header}.${b64({ ...claims, roles: ['admin'], iss: 'directive-monitor', exp: Math.floor(Date.now() / 1000) + 60 })}.${signature}`;
    expect(tokens.verify(forged)).toBeNull();
  });

  it('refuses an expired token', () => {
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, key, {
      algorithm: 'HS256',
      issuer: 'directive-monitor',
    });
    expect(tokens.verify(expired)).toBeNull();
  });

  it('refuses a token of another issuer, signed with the same key', () => {
    expect(tokens.verify(jwt.sign(claims, key, { algorithm: 'HS256', issuer: 'someone-else', expiresIn: '1h' }))).toBeNull();
    expect(tokens.verify(new TokenService(key, 'someone-else').sign(claims))).toBeNull();
  });

  it('refuses an unsigned token (alg none) and a token signed with another HMAC algorithm', () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: 'directive-monitor' })}.`;
    expect(tokens.verify(none)).toBeNull();
    const payload = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ ...claims, iss: 'directive-monitor', exp: Math.floor(Date.now() / 1000) + 60 })}`;
    expect(tokens.verify(`${payload}.${createHmac('sha512', key).update(payload).digest('base64url')}`)).toBeNull();
  });

  it('reads a name or an agency that is not a string as none', () => {
    const odd = jwt.sign({ sub: 'u-1', name: 7, agencyId: { id: 'x' }, roles: ['inspector'] }, key, {
      algorithm: 'HS256',
      issuer: 'directive-monitor',
      expiresIn: '1h',
    });
    expect(tokens.verify(odd)).toEqual({ sub: 'u-1', name: null, agencyId: null, roles: ['inspector'] });
  });

  it('refuses roles that are not a list, and a subject that is not a string', () => {
    const sign = (payload: object) => jwt.sign(payload, key, { algorithm: 'HS256', issuer: 'directive-monitor', expiresIn: '1h' });
    expect(tokens.verify(sign({ sub: 'u-1', roles: 'admin' }))).toBeNull();
    expect(tokens.verify(sign({ sub: 42, roles: ['admin'] }))).toBeNull();
    expect(tokens.verify(sign({ roles: ['admin'] }))).toBeNull();
    expect(tokens.verify(sign({ sub: 'u-1', roles: [] }))).toBeNull();
  });

  it('refuses a token without a subject or a known role, and keeps only known roles', () => {
    expect(tokens.verify(tokens.sign({ ...claims, sub: '' }))).toBeNull();
    expect(tokens.verify(tokens.sign({ ...claims, roles: ['mayor' as never] }))).toBeNull();
    expect(tokens.verify(tokens.sign({ ...claims, roles: ['mayor' as never, 'inspector'] }))?.roles).toEqual(['inspector']);
    expect(tokens.verify('not.a.token')).toBeNull();
    expect(tokens.verify('')).toBeNull();
  });
});
