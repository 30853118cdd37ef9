import { hashPassword, verifyPassword } from './passwords';

const cheap = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the password a hash was made of, and no other', async () => {
    const hash = await hashPassword('mật khẩu đủ dài 1', cheap);
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(await verifyPassword('mật khẩu đủ dài 1', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dài 2', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('the same password', cheap)).not.toBe(await hashPassword('the same password', cheap));
  });

  it('reads the same text typed in composed or decomposed Unicode as one password', async () => {
    const hash = await hashPassword('Mường Lát 2017'.normalize('NFD'), cheap);
    expect(await verifyPassword('Mường Lát 2017'.normalize('NFC'), hash)).toBe(true);
  });

  it('uses the default cost of OWASP’s recommendation', async () => {
    expect(await hashPassword('a password of enough length')).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
  });

  it('refuses a hash it cannot read', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$v=19$m=65536,t=3,p=4$abc$def')).toBe(false);
  });
});
