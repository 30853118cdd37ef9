import { AnswerCache } from './answer-cache';

describe('AnswerCache', () => {
  let version = 0;
  let computed = 0;
  const compute = (value: string) => () => Promise.resolve(`${value}#${++computed}`);
  beforeEach(() => ((version = 0), (computed = 0)));

  it('answers the same question from memory while the read models do not move, and computes it again once they do', async () => {
    const cache = new AnswerCache(() => version);
    expect(await cache.get('summary 2017', compute('a'))).toBe('a#1');
    expect(await cache.get('summary 2017', compute('a'))).toBe('a#1');
    expect(await cache.get('summary 2018', compute('b'))).toBe('b#2');
    version = 1;
    expect(await cache.get('summary 2017', compute('a'))).toBe('a#3');
    expect(await cache.get('summary 2017', compute('a'))).toBe('a#3');
  });

  it('forgets a failed answer, so the next asking computes it', async () => {
    const cache = new AnswerCache(() => version);
    await expect(cache.get('x', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await cache.get('x', compute('x'))).toBe('x#1');
  });

  it('keeps at most its size, dropping the least recently asked', async () => {
    const cache = new AnswerCache(() => version, 2);
    await cache.get('a', compute('a'));
    await cache.get('b', compute('b'));
    await cache.get('a', compute('a'));
    await cache.get('c', compute('c'));
    expect(await cache.get('a', compute('a'))).toBe('a#1');
    expect(await cache.get('b', compute('b'))).toBe('b#4');
  });
});
