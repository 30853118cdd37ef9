import { StreamQueue } from './stream-queue';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamQueue', () => {
  it('runs work on one stream one after another, in the order it came', async () => {
    const queue = new StreamQueue();
    const order: string[] = [];
    const first = gate();
    const a = queue.run('s', async () => {
      await first.opened;
      order.push('a');
    });
    const b = queue.run('s', async () => void order.push('b'));
    await settle();
    expect(order).toEqual([]);
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('keeps a later job behind the one still running when an earlier one finishes', async () => {
    const queue = new StreamQueue();
    const order: string[] = [];
    const a = gate();
    const b = gate();
    const first = queue.run('s', () => a.opened.then(() => void order.push('a')));
    const second = queue.run('s', () => b.opened.then(() => void order.push('b')));
    a.open();
    await first;
    await settle();
    const third = queue.run('s', async () => void order.push('c'));
    await settle();
    expect(order).toEqual(['a']);
    b.open();
    await Promise.all([second, third]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('runs another stream alongside, goes on after a failure, and forgets a stream with nothing queued', async () => {
    const queue = new StreamQueue();
    const held = gate();
    const slow = queue.run('s1', () => held.opened);
    await expect(queue.run('s2', async () => 'other')).resolves.toBe('other');
    expect(queue.size).toBe(1);
    await expect(queue.run('s3', async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(queue.run('s3', async () => 'after')).resolves.toBe('after');
    held.open();
    await slow;
    await settle();
    expect(queue.size).toBe(0);
  });
});
