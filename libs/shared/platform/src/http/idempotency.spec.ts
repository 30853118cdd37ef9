import { createHash } from 'node:crypto';
import { bodyHash, commandIdentity } from './idempotency';
import { ProblemError } from './problem';

const route = 'POST /api/v1/assignments/a-1/progress';
const body = { reportedOn: '2017-03-01', summary: 'x' };

describe('bodyHash', () => {
  it('is the SHA-256 of the canonical JSON, whatever the key order', () => {
    expect(bodyHash({ b: 1, a: 'x' })).toBe(bodyHash({ a: 'x', b: 1 }));
    expect(bodyHash({ a: 'x', b: 1 })).toBe(createHash('sha256').update('{"a":"x","b":1}').digest('hex'));
  });
});

describe('commandIdentity', () => {
  it('gives the same command id to the same key from the same user on the same route', () => {
    expect(commandIdentity('u-1', route, 'k-1', body)).toEqual(
      commandIdentity('u-1', route, 'k-1', { summary: 'x', reportedOn: '2017-03-01' }),
    );
    expect(commandIdentity('u-1', route, 'k-1', body)).toMatchObject({ keyed: true, bodyHash: bodyHash(body) });
  });

  it('scopes a key to its user and its route: another user, or another route, is another command', () => {
    const id = commandIdentity('u-1', route, 'k-1', body).commandId;
    expect(commandIdentity('u-2', route, 'k-1', body).commandId).not.toBe(id);
    expect(commandIdentity('u-1', 'POST /api/v1/assignments/a-1/completion', 'k-1', body).commandId).not.toBe(id);
    expect(commandIdentity('u-1', 'POST /api/v1/assignments/a-2/progress', 'k-1', body).commandId).not.toBe(id);
    expect(commandIdentity('u-1', route, 'k-2', body).commandId).not.toBe(id);
  });

  it('keeps the command id of a key whatever the body, so another body under it is caught by its hash', () => {
    const first = commandIdentity('u-1', route, 'k-1', body);
    const other = commandIdentity('u-1', route, 'k-1', { ...body, summary: 'y' });
    expect(other.commandId).toBe(first.commandId);
    expect(other.bodyHash).not.toBe(first.bodyHash);
  });

  it('gives every request without a key a command of its own', () => {
    const a = commandIdentity('u-1', route, undefined, body);
    expect(a.keyed).toBe(false);
    expect(commandIdentity('u-1', route, undefined, body).commandId).not.toBe(a.commandId);
  });

  it('refuses an empty key or one longer than 200 characters, naming the header', () => {
    for (const key of ['', '  ', 'k'.repeat(201)]) {
      expect(() => commandIdentity('u-1', route, key, body)).toThrow(
        expect.objectContaining({ status: 400, errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }] }),
      );
    }
    expect(() => commandIdentity('u-1', route, '', body)).toThrow(ProblemError);
    expect(() => commandIdentity('u-1', route, 'k'.repeat(200), body)).not.toThrow();
  });
});
