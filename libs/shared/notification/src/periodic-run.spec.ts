import { deferred, eventually } from '@dm/testing';
import { PeriodicRun } from './periodic-run';

describe('PeriodicRun', () => {
  it('never overlaps runs, even when a run outlasts the interval', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = new PeriodicRun(async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 15));
      running--;
      runs++;
    }, fail);
    loop.start(1);
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(3));
    await loop.stop();
    expect(most).toBe(1);
  });

  it('goes on after a failing run and a failing error handler', async () => {
    let runs = 0;
    const loop = new PeriodicRun(
      async () => {
        if (++runs < 3) throw new Error('store unavailable');
      },
      () => {
        throw new Error('logger down');
      },
    );
    loop.start(1);
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(3));
    await loop.stop();
  });

  it('started again while a stopped run ends, runs on one timer', async () => {
    const release = deferred<void>();
    let runs = 0;
    let running = 0;
    let most = 0;
    const loop = new PeriodicRun(async () => {
      most = Math.max(most, ++running);
      if (++runs === 1) await release.promise;
      running--;
    }, fail);
    loop.start(1);
    await eventually(() => expect(runs).toBe(1));
    const stopped = loop.stop();
    loop.start(1);
    release.resolve();
    await stopped;
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(4));
    await loop.stop();
    expect(most).toBe(1);
  });
});

function fail(error: unknown): never {
  throw error;
}
