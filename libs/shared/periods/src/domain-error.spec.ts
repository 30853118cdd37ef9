import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('carries code, message and field and is an Error', () => {
    const e = new DomainError('invalid', 'bad lead', 'tasks[2].lead[0]');
    expect(e).toBeInstanceOf(Error);
    expect(isDomainError(e)).toBe(true);
    expect(e).toMatchObject({ name: 'DomainError', code: 'invalid', message: 'bad lead', field: 'tasks[2].lead[0]' });
    expect(new DomainError('conflict', 'x').field).toBeUndefined();
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
