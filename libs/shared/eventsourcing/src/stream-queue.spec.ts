import { StreamBusyError } from './errors';
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

describe('StreamQueue limits', () => {
  afterEach(() => jest.useRealTimers());

  it('by default lets a write wait 10 s for its turn, and 1,000 writes wait on one stream', async () => {
    jest.useFakeTimers();
    const queue = new StreamQueue();
    const held = gate();
    void queue.run('s', () => held.opened);
    await Promise.resolve();
    const waiting = Array.from({ length: 999 }, () => queue.run('s', async () => 'ran').catch(() => 'refused'));
    const waited = queue.run('s', async () => 'ran');
    const refused = queue.run('s', async () => 'ran');
    await expect(refused).rejects.toThrow('1000 writes are waiting on stream s');
    let outcome = 'pending';
    waited.then(
      () => (outcome = 'ran'),
      () => (outcome = 'refused'),
    );
    await jest.advanceTimersByTimeAsync(9_999);
    expect(outcome).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBe('refused');
    held.open();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['refused']));
  });

  it('refuses a write at once when too many wait on its stream, and takes writes on other streams', async () => {
    const queue = new StreamQueue({ maxWaiting: 2, maxWaitMs: 10_000 });
    const held = gate();
    const running = queue.run('s', () => held.opened);
    await settle();
    const waiting = [queue.run('s', async () => 'w1'), queue.run('s', async () => 'w2')];
    await expect(queue.run('s', async () => 'w3')).rejects.toThrow(
      new StreamBusyError('2 writes are waiting on stream s; nothing was written, send it again'),
    );
    await expect(queue.run('other', async () => 'x')).resolves.toBe('x');
    held.open();
    await running;
    await expect(Promise.all(waiting)).resolves.toEqual(['w1', 'w2']);
    await expect(queue.run('s', async () => 'w4')).resolves.toBe('w4');
  });

  it('refuses a write that waited too long behind one that does not end, and never runs it', async () => {
    const queue = new StreamQueue({ maxWaiting: 10, maxWaitMs: 30 });
    const held = gate();
    const running = queue.run('s', () => held.opened);
    let ran = false;
    const started = Date.now();
    await expect(queue.run('s', async () => void (ran = true))).rejects.toThrow('stream s was busy for 30 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
    held.open();
    await running;
    await settle();
    expect(ran).toBe(false);
    await expect(queue.run('s', async () => 'later')).resolves.toBe('later');
  });
});
