import { eventHash, eventHashOfText, GENESIS_HASH, parseStoredEvent, type RecordedEvent, type Upcaster } from '@dm/contracts';
import { EventIdConflictError, WrongExpectedRevisionError, type EventStore } from '../index';
import { collect, deferred, delay, eventually, newEvent, newEvents, uniqueName } from '@dm/testing';

export interface EventStoreFactoryOptions {
  upcasters?: Record<string, Upcaster>;
}

/** Opens a store; each call may share data with earlier ones (a server) or not (a new file). */
export type EventStoreFactory = (options?: EventStoreFactoryOptions) => Promise<EventStore>;

/** The event-store port's contract; every adapter runs it. Tests isolate themselves by unique stream ids. */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const opened: EventStore[] = [];
    let store: EventStore;
    const open = async (options?: EventStoreFactoryOptions) => {
      const opening = await factory(options);
      opened.push(opening);
      return opening;
    };
    const readStream = (streamId: string, options?: Parameters<EventStore['readStream']>[1]) =>
      collect(store.readStream(streamId, options));
    const revisions = (events: RecordedEvent[]) => events.map((e) => e.streamRevision);

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    describe('append and read', () => {
      it('appends a batch and reads it back with every envelope field', async () => {
        const streamId = uniqueName('directive-');
        const input = [
          newEvent({ data: { n: 1 }, metadata: { bodyHash: 'abc' }, causationId: 'cause-1' }),
          newEvent({ data: { n: 2, nested: { list: [1, 'two', null] } } }),
        ];
        const result = await store.appendToStream(streamId, input);

        expect(result.idempotent).toBe(false);
        expect(result.nextExpectedRevision).toBe(1);
        expect(revisions(result.events)).toEqual([0, 1]);
        expect(result.position).toBe(result.events[1].globalPosition);
        expect(result.events[1].globalPosition).toBeGreaterThan(result.events[0].globalPosition);
        expect(result.events[0].globalPosition).toBeGreaterThanOrEqual(1);

        const read = await readStream(streamId);
        expect(read).toEqual(result.events);
        const [first, second] = read;
        expect(first).toMatchObject({ ...input[0], streamId, streamRevision: 0 });
        expect(second).toMatchObject({ ...input[1], streamId, streamRevision: 1, metadata: {} });
        expect(new Date(first.recordedAt).toISOString()).toBe(first.recordedAt);
        expect(await store.streamRevision(streamId)).toBe(1);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('continues revisions and positions across appends', async () => {
        const streamId = uniqueName('directive-');
        const first = await store.appendToStream(streamId, newEvents(2));
        const second = await store.appendToStream(streamId, newEvents(3));
        expect(revisions(second.events)).toEqual([2, 3, 4]);
        expect(second.nextExpectedRevision).toBe(4);
        expect(second.events[0].globalPosition).toBeGreaterThan(first.position);
      });

      it('reads forwards and backwards, from a revision, up to maxCount', async () => {
        const streamId = uniqueName('directive-');
        await store.appendToStream(streamId, newEvents(5));
        expect(revisions(await readStream(streamId, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(revisions(await readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await readStream(streamId, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
        expect(revisions(await readStream(streamId, { maxCount: 2 }))).toEqual([0, 1]);
        expect(revisions(await readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([3, 2]);
        expect(revisions(await readStream(streamId, { fromRevision: 5 }))).toEqual([]);
      });

      it('reads a missing stream as empty, with no revision', async () => {
        const streamId = uniqueName('directive-');
        expect(await readStream(streamId)).toEqual([]);
        expect(await readStream(streamId, { direction: 'backwards' })).toEqual([]);
        expect(await store.streamRevision(streamId)).toBeNull();
      });
    });

    describe('expected revision', () => {
      const rejection = async (promise: Promise<unknown>) => {
        const error = await promise.then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        return error as WrongExpectedRevisionError;
      };

      it('no_stream creates the stream once; the second time it fails with the actual revision', async () => {
        const streamId = uniqueName('directive-');
        await store.appendToStream(streamId, [newEvent()], { expectedRevision: 'no_stream' });
        const error = await rejection(store.appendToStream(streamId, [newEvent()], { expectedRevision: 'no_stream' }));
        expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 0 });
        expect(await readStream(streamId)).toHaveLength(1);
      });

      it('stream_exists needs the stream', async () => {
        const streamId = uniqueName('directive-');
        const error = await rejection(store.appendToStream(streamId, [newEvent()], { expectedRevision: 'stream_exists' }));
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(await store.streamRevision(streamId)).toBeNull();
        await store.appendToStream(streamId, [newEvent()]);
        await store.appendToStream(streamId, [newEvent()], { expectedRevision: 'stream_exists' });
        expect(await store.streamRevision(streamId)).toBe(1);
      });

      it('a number must be the revision of the last event', async () => {
        const streamId = uniqueName('directive-');
        await rejection(store.appendToStream(streamId, [newEvent()], { expectedRevision: 0 }));
        await store.appendToStream(streamId, newEvents(2));
        const error = await rejection(store.appendToStream(streamId, newEvents(2), { expectedRevision: 0 }));
        expect(error).toMatchObject({ expected: 0, actual: 1 });
        const ok = await store.appendToStream(streamId, newEvents(2), { expectedRevision: 1 });
        expect(ok.nextExpectedRevision).toBe(3);
        expect(await readStream(streamId)).toHaveLength(4);
      });

      it('concurrent appends each get their own outcome: one conflict fails alone', async () => {
        const contested = uniqueName('contested-');
        await store.appendToStream(contested, [newEvent()]);
        const others = Array.from({ length: 5 }, () => uniqueName('free-'));
        const results = await Promise.allSettled([
          store.appendToStream(contested, [newEvent()], { expectedRevision: 0 }),
          store.appendToStream(contested, [newEvent()], { expectedRevision: 0 }),
          ...others.map((id) => store.appendToStream(id, newEvents(2), { expectedRevision: 'no_stream' })),
        ]);
        const contestedResults = results.slice(0, 2);
        expect(contestedResults.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failed = contestedResults.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(failed.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(results.slice(2).every((r) => r.status === 'fulfilled')).toBe(true);
        expect(await store.streamRevision(contested)).toBe(1);
        for (const id of others) expect(await store.streamRevision(id)).toBe(1);
      });

      it('any (the default) always appends', async () => {
        const streamId = uniqueName('directive-');
        await store.appendToStream(streamId, [newEvent()], { expectedRevision: 'any' });
        await store.appendToStream(streamId, [newEvent()]);
        expect(await store.streamRevision(streamId)).toBe(1);
      });
    });

    describe('idempotency by event id', () => {
      it('answers a repeated batch with the stored events and writes nothing, whatever the expected revision', async () => {
        const streamId = uniqueName('directive-');
        const batch = newEvents(2);
        const first = await store.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
        expect(again.idempotent).toBe(true);
        expect(again.events).toEqual(first.events);
        expect(again.position).toBe(first.position);
        expect(again.nextExpectedRevision).toBe(1);
        expect(await readStream(streamId)).toEqual(first.events);
      });

      it('rejects a batch only partly stored, writing nothing', async () => {
        const streamId = uniqueName('directive-');
        const [a, b, c] = newEvents(3);
        await store.appendToStream(streamId, [a, b]);
        await expect(store.appendToStream(streamId, [b, c])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(revisions(await readStream(streamId))).toEqual([0, 1]);
      });

      it('rejects an event id stored in another stream', async () => {
        const streamId = uniqueName('directive-');
        const other = uniqueName('directive-');
        const event = newEvent();
        await store.appendToStream(streamId, [event]);
        await expect(store.appendToStream(other, [event])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.streamRevision(other)).toBeNull();
      });

      it('rejects a batch repeating an event id', async () => {
        const streamId = uniqueName('directive-');
        const event = newEvent();
        await expect(store.appendToStream(streamId, [event, event])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.streamRevision(streamId)).toBeNull();
      });
    });

    describe('hash chain', () => {
      it('chains each event to the one before it in its stream, recomputably', async () => {
        const streamId = uniqueName('directive-');
        await store.appendToStream(streamId, newEvents(2));
        await store.appendToStream(uniqueName('directive-'), newEvents(1));
        await store.appendToStream(streamId, newEvents(2));
        const events = await readStream(streamId);
        expect(events[0].prevHash).toBe(GENESIS_HASH);
        events.forEach((event, i) => {
          if (i > 0) expect(event.prevHash).toBe(events[i - 1].hash);
          expect(event.hash).toBe(eventHash(event.prevHash, event));
        });
      });
    });

    describe('readLog', () => {
      it('gives every event as stored, in global order, its text hashing to its hash without parsing', async () => {
        const upcasting = await open({
          upcasters: { 'contract.renamed': () => ({ ...newEvent(), type: 'changed by an upcaster' }) } as never,
        });
        const streamId = uniqueName('directive-');
        const head = await upcasting.headPosition();
        const written = await upcasting.appendToStream(streamId, [
          newEvent({ type: 'contract.renamed', data: { z: 1, a: ['ừ', { y: null, b: 2.5 }] }, metadata: { k: 'v', bodyHash: 'h' } }),
          newEvent({ data: null }),
        ]);
        const logged = (await collect(upcasting.readLog({ after: head }))).flat();
        const mine = logged.filter((e) => e.streamId === streamId);
        expect(mine.map(parseStoredEvent)).toEqual(written.events);
        mine.forEach((e) => expect(eventHashOfText(e.prevHash, e)).toBe(e.hash));
        expect(logged.every((e, i) => i === 0 || e.globalPosition > logged[i - 1].globalPosition)).toBe(true);
        expect((await collect(upcasting.readLog({ after: head, maxCount: 1 }))).flat()).toHaveLength(1);
      });
    });

    describe('readAll', () => {
      it('reads in global order after an exclusive position, filtered by stream prefixes', async () => {
        const prefix = uniqueName('directive-');
        const otherPrefix = uniqueName('assignment-');
        const a1 = await store.appendToStream(`${prefix}-a`, [newEvent()]);
        const b1 = await store.appendToStream(`${prefix}-b`, [newEvent()]);
        const o1 = await store.appendToStream(`${otherPrefix}-o`, [newEvent()]);
        const a2 = await store.appendToStream(`${prefix}-a`, [newEvent()]);
        const ids = (events: RecordedEvent[]) => events.map((e) => e.eventId);
        const idsOf = (...results: Array<{ events: RecordedEvent[] }>) => results.map((r) => r.events[0].eventId);

        expect(ids(await collect(store.readAll({ streamPrefixes: [prefix] })))).toEqual(idsOf(a1, b1, a2));
        expect(ids(await collect(store.readAll({ after: a1.position, streamPrefixes: [prefix] })))).toEqual(idsOf(b1, a2));
        expect(ids(await collect(store.readAll({ streamPrefixes: [prefix, otherPrefix] })))).toEqual(idsOf(a1, b1, o1, a2));
        expect(ids(await collect(store.readAll({ streamPrefixes: [prefix], maxCount: 2 })))).toEqual(idsOf(a1, b1));
        const tail = await collect(store.readAll({ after: a1.position }));
        expect(ids(tail)).toEqual(expect.arrayContaining(idsOf(b1, o1, a2)));
        expect(tail.every((e, i) => i === 0 || e.globalPosition > tail[i - 1].globalPosition)).toBe(true);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(a2.position);
      });
    });

    describe('long streams', () => {
      it('streams 5,000 events in order, and can stop early', async () => {
        const streamId = uniqueName('directive-');
        for (let i = 0; i < 10; i++) await store.appendToStream(streamId, newEvents(500));

        let expected = 0;
        for await (const event of store.readStream(streamId)) expect(event.streamRevision).toBe(expected++);
        expect(expected).toBe(5000);

        expected = 4999;
        for await (const event of store.readStream(streamId, { direction: 'backwards' })) {
          expect(event.streamRevision).toBe(expected--);
          if (expected === 4989) break;
        }
        const early: number[] = [];
        for await (const event of store.readStream(streamId)) {
          early.push(event.streamRevision);
          if (early.length === 10) break;
        }
        expect(early).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        await store.appendToStream(streamId, [newEvent()], { expectedRevision: 4999 });
        expect(revisions(await readStream(streamId, { fromRevision: 4998 }))).toEqual([4998, 4999, 5000]);
      });
    });

    describe('subscribeToAll', () => {
      const subscribe = (streamPrefix: string, options: { after?: number; batchSize?: number } = {}) => {
        const batches: RecordedEvent[][] = [];
        const subscription = store.subscribeToAll(
          async (events) => {
            batches.push(events);
          },
          { ...options, streamPrefixes: [streamPrefix] },
        );
        const received = () => batches.flat().map((e) => e.eventId);
        return { subscription, batches, received };
      };

      it('catches up, then delivers new events as they are appended', async () => {
        const prefix = uniqueName('directive-');
        const stored = await store.appendToStream(`${prefix}-1`, newEvents(3));
        const { subscription, received } = subscribe(prefix);
        await subscription.caughtUp;
        expect(received()).toEqual(stored.events.map((e) => e.eventId));

        const live = await store.appendToStream(`${prefix}-2`, newEvents(2));
        await eventually(() => expect(received()).toEqual([...stored.events, ...live.events].map((e) => e.eventId)));
        await subscription.stop();
      });

      it('starts after a position, in batches of at most batchSize', async () => {
        const prefix = uniqueName('directive-');
        const stored = await store.appendToStream(`${prefix}-1`, newEvents(10));
        const { subscription, batches, received } = subscribe(prefix, { after: stored.events[2].globalPosition, batchSize: 3 });
        await subscription.caughtUp;
        expect(received()).toEqual(stored.events.slice(3).map((e) => e.eventId));
        expect(batches.every((b) => b.length <= 3)).toBe(true);
        await subscription.stop();
      });

      it('hands a failed batch over again, never skipping it', async () => {
        const prefix = uniqueName('directive-');
        const stored = await store.appendToStream(`${prefix}-1`, newEvents(4));
        const attempts: string[][] = [];
        const subscription = store.subscribeToAll(
          async (events) => {
            attempts.push(events.map((e) => e.eventId));
            if (attempts.length === 2) throw new Error('handler failed');
          },
          { streamPrefixes: [prefix], batchSize: 2 },
        );
        await subscription.caughtUp;
        const ids = stored.events.map((e) => e.eventId);
        expect(attempts).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(2, 4)]);
        await subscription.stop();
      });

      it('stop() resolves after the batch in flight, and nothing is delivered after it', async () => {
        const prefix = uniqueName('directive-');
        await store.appendToStream(`${prefix}-1`, [newEvent()]);
        const inFlight = deferred();
        const started = deferred();
        let delivered = 0;
        let finished = false;
        const subscription = store.subscribeToAll(
          async () => {
            delivered++;
            started.resolve();
            await inFlight.promise;
            finished = true;
          },
          { streamPrefixes: [prefix] },
        );
        await started.promise;
        const stopping = subscription.stop();
        await delay(20);
        expect(finished).toBe(false);
        inFlight.resolve();
        await stopping;
        expect(finished).toBe(true);

        await store.appendToStream(`${prefix}-1`, [newEvent()]);
        await delay(400);
        expect(delivered).toBe(1);
      });
    });

    describe('checkpoints', () => {
      it('stores a position by name', async () => {
        const name = uniqueName('relay-');
        expect(await store.getCheckpoint(name)).toBeNull();
        await store.setCheckpoint(name, 42);
        expect(await store.getCheckpoint(name)).toBe(42);
        await store.setCheckpoint(name, 43);
        expect(await store.getCheckpoint(name)).toBe(43);
        expect(await store.getCheckpoint(uniqueName('relay-'))).toBeNull();
      });
    });

    describe('upcasting', () => {
      const upcastRenamed: Upcaster = (event) =>
        event.schemaVersion === 1 ? { ...event, schemaVersion: 2, data: { title: (event.data as { name: string }).name } } : event;

      it('upcasts old events on every read path', async () => {
        const upcasting = await open({ upcasters: { 'contract.renamed': upcastRenamed } });
        const prefix = uniqueName('directive-');
        const streamId = `${prefix}-1`;
        const old = newEvent({ type: 'contract.renamed', schemaVersion: 1, data: { name: 'x' } });
        const current = newEvent({ type: 'contract.renamed', schemaVersion: 2, data: { title: 'y' } });
        const other = newEvent({ type: 'contract.untouched', data: { name: 'z' } });
        await upcasting.appendToStream(streamId, [old, current, other]);
        const expected = [
          { schemaVersion: 2, data: { title: 'x' } },
          { schemaVersion: 2, data: { title: 'y' } },
          { schemaVersion: 1, data: { name: 'z' } },
        ];

        expect(await collect(upcasting.readStream(streamId))).toMatchObject(expected);
        expect(await collect(upcasting.readStream(streamId, { direction: 'backwards' }))).toMatchObject([...expected].reverse());
        expect(await collect(upcasting.readAll({ streamPrefixes: [prefix] }))).toMatchObject(expected);
        const delivered: RecordedEvent[] = [];
        const subscription = upcasting.subscribeToAll(async (events) => void delivered.push(...events), { streamPrefixes: [prefix] });
        await subscription.caughtUp;
        await subscription.stop();
        expect(delivered).toMatchObject(expected);
      });
    });
  });
}
