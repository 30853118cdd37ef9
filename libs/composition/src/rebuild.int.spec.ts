import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignmentStreamId, EVENT_TYPES } from '@dm/contracts';
import { newEvent } from '@dm/testing';
import { EmbeddedRuntime } from './embedded-runtime';
import { describeProgress, rebuildReadModels, type RebuildProgress } from './rebuild';

describe('rebuildReadModels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-rebuild-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells its progress as it goes: events done of those stored, the rate, the time left, and once at the end', async () => {
    const runtime = new EmbeddedRuntime(join(dir, 'data'));
    try {
      for (let batch = 0; batch < 3; batch++)
        await runtime.stores.progressEvents.appendBatch(
          Array.from({ length: 10 }, (_, i) => ({
            streamId: assignmentStreamId(`a-${batch}-${i}`),
            events: Array.from({ length: 800 }, () => newEvent({ type: EVENT_TYPES.progressReported, data: { reportedOn: '2017-03-01' } })),
          })),
        );
      const seen: RebuildProgress[] = [];
      const { events } = await rebuildReadModels(runtime, { onProgress: (p) => seen.push(p), progressEveryMs: 0 });
      expect(events).toBe(24_000);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
      expect(seen.every((p) => p.total === 24_000 && p.perSecond > 0)).toBe(true);
      expect(seen[0]).toMatchObject({ done: 10_000 });
      expect(seen[0].secondsLeft).toBeCloseTo((24_000 - 10_000) / seen[0].perSecond, 5);
      expect(seen[seen.length - 1]).toMatchObject({ done: 24_000, secondsLeft: 0 });
    } finally {
      await runtime.close();
    }
  });

  it('reads as a person writes it', () => {
    expect(describeProgress({ done: 40_000, total: 100_000, perSecond: 25_000, secondsLeft: 2.4 })).toBe(
      '40,000 of 100,000 events (40%), 25,000 events/s, about 3 s left',
    );
    expect(describeProgress({ done: 100_000, total: 100_000, perSecond: 25_000, secondsLeft: 0 })).toBe(
      '100,000 of 100,000 events (100%), 25,000 events/s, done',
    );
  });
});
