import type { Event } from '@dm/contracts';
import type { CommandMetadata } from './command';
import type { Decider } from './decider';
import { ConcurrencyError, IdempotencyKeyReusedError, IllegalStateError } from './errors';
import { WrongExpectedRevisionError, type EventStore } from './event-store/event-store';
import { InMemoryEventStore } from './event-store/in-memory-event-store';
import { handleCommand, MAX_ATTEMPTS } from './handle-command';
import { specMetadata } from './testing/decider-specification';

type Added = Event<'added', { n: number }>;
type Add = { type: 'Add'; n: number } | { type: 'Nothing' } | { type: 'Twice'; n: number };

/** A counter that may not go above 100. */
const decisions: Add[] = [];
const counter: Decider<number, Add, Added> = {
  initialState: () => 0,
  evolve: (sum, event) => sum + event.data.n,
  decide: (command, sum) => {
    decisions.push(command);
    if (command.type === 'Nothing') return [];
    if (command.type === 'Twice')
      return [
        { type: 'added', data: { n: command.n } },
        { type: 'added', data: { n: command.n } },
      ];
    if (sum + command.n > 100) throw new IllegalStateError(`${sum} + ${command.n} is over 100`);
    return [{ type: 'added', data: { n: command.n } }];
  },
};

const metadata = (o: Partial<CommandMetadata> = {}) =>
  specMetadata({
    commandId: crypto.randomUUID(),
    bodyHash: 'body-1',
    actor: { userId: 'u-1', agencyId: 'a-1', role: 'agency_officer' },
    ...o,
  });
const added = (n: number, m: CommandMetadata) => ({
  type: 'added' as const,
  data: { n },
  eventId: m.commandId,
  schemaVersion: 1,
  occurredAt: m.occurredAt,
  actor: m.actor,
  correlationId: 'other',
  causationId: null,
  metadata: { bodyHash: m.bodyHash, commandId: m.commandId },
});

const stream = 'counter-1';
let store: InMemoryEventStore;
const events = async (s: EventStore = store) => {
  const all = [];
  for await (const e of s.readStream<Added>(stream)) all.push(e);
  return all;
};

beforeEach(() => {
  store = new InMemoryEventStore({ name: 'spec' });
  decisions.length = 0;
});

describe('handleCommand', () => {
  it('appends what the decider decides, with the command id, body hash, actor and business time on the event', async () => {
    const m = metadata({ occurredAt: '2017-03-01T00:00:00+07:00', correlationId: 'corr-1' });
    const outcome = await handleCommand(store, stream, counter, { type: 'Add', n: 5 }, m);
    expect(outcome).toMatchObject({ state: 5, replayed: false, position: 1 });
    expect(await events()).toEqual([
      expect.objectContaining({
        eventId: m.commandId,
        type: 'added',
        data: { n: 5 },
        causationId: m.commandId,
        correlationId: 'corr-1',
        occurredAt: '2017-03-01T00:00:00+07:00',
        actor: m.actor,
        metadata: { bodyHash: 'body-1', commandId: m.commandId },
        streamRevision: 0,
      }),
    ]);
  });

  it('folds the stream: a later command is decided on the state of the earlier ones', async () => {
    await handleCommand(store, stream, counter, { type: 'Add', n: 60 }, metadata());
    await expect(handleCommand(store, stream, counter, { type: 'Add', n: 50 }, metadata())).rejects.toBeInstanceOf(IllegalStateError);
    expect(await events()).toHaveLength(1);
  });

  it('gives the events of one command the command id and ids derived from it, the same on a retry', async () => {
    const m = metadata();
    const outcome = await handleCommand(store, stream, counter, { type: 'Twice', n: 1 }, m);
    const ids = outcome.events.map((e) => e.eventId);
    expect(ids[0]).toBe(m.commandId);
    expect(ids[1]).not.toBe(m.commandId);
    expect(ids[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(outcome.events.every((e) => e.metadata.commandId === m.commandId && e.causationId === m.commandId)).toBe(true);
    const again = await handleCommand(store, stream, counter, { type: 'Twice', n: 1 }, m);
    expect(again.replayed).toBe(true);
    expect(again.events.map((e) => e.eventId)).toEqual(ids);
  });

  it('keeps the folded state: a later command reads only what is new, and nothing when nothing is', async () => {
    await handleCommand(store, stream, counter, { type: 'Add', n: 1 }, metadata());
    const reads = jest.spyOn(store, 'readStream');
    await handleCommand(store, stream, counter, { type: 'Add', n: 2 }, metadata());
    expect(reads).not.toHaveBeenCalled();
    await store.appendToStream(stream, [added(3, metadata())]);
    const outcome = await handleCommand(store, stream, counter, { type: 'Add', n: 4 }, metadata());
    expect(reads.mock.calls).toEqual([[stream, { fromRevision: 2 }]]);
    expect(outcome.state).toBe(10);
  });

  it('keeps what a refused command folded, so the next command reads it no more', async () => {
    await store.appendToStream(stream, [added(99, metadata())]);
    await expect(handleCommand(store, stream, counter, { type: 'Add', n: 5 }, metadata())).rejects.toBeInstanceOf(IllegalStateError);
    const reads = jest.spyOn(store, 'readStream');
    await expect(handleCommand(store, stream, counter, { type: 'Add', n: 1 }, metadata())).resolves.toMatchObject({ state: 100 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('answers a keyed command sent again with its first result and writes nothing', async () => {
    await handleCommand(store, stream, counter, { type: 'Add', n: 1 }, metadata());
    const m = metadata({ keyed: true });
    const first = await handleCommand(store, stream, counter, { type: 'Add', n: 5 }, m);
    await handleCommand(store, stream, counter, { type: 'Add', n: 1 }, metadata());
    const again = await handleCommand(store, stream, counter, { type: 'Add', n: 5 }, m);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.position).toBe(first.position);
    expect(await events()).toHaveLength(3);
    expect(decisions).toHaveLength(3);
  });

  it('refuses the same key with another body, and writes nothing', async () => {
    const m = metadata({ keyed: true });
    await handleCommand(store, stream, counter, { type: 'Add', n: 5 }, m);
    await expect(handleCommand(store, stream, counter, { type: 'Add', n: 6 }, { ...m, bodyHash: 'body-2' })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await events()).toHaveLength(1);
  });

  it('refuses the same key with another body on another stream', async () => {
    const m = metadata({ keyed: true });
    await handleCommand(store, stream, counter, { type: 'Add', n: 5 }, m);
    await expect(handleCommand(store, 'counter-2', counter, { type: 'Add', n: 6 }, { ...m, bodyHash: 'body-2' })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await store.streamRevision('counter-2')).toBeNull();
  });

  it('answers nothing for a decider that decides nothing, and writes nothing, also when the command is sent again', async () => {
    const m = metadata({ keyed: true });
    const outcome = await handleCommand(store, stream, counter, { type: 'Nothing' }, m);
    expect(outcome).toEqual({ events: [], state: 0, position: 0, replayed: false });
    expect(await handleCommand(store, stream, counter, { type: 'Nothing' }, m)).toEqual(outcome);
    expect(await store.headPosition()).toBe(0);
  });

  describe('a write from another process between the fold and the append', () => {
    /** The store as this process sees it, while `other` writes to the stream just before our next append. */
    function raced(other: (inner: EventStore) => Promise<unknown>, times = 1): EventStore {
      let left = times;
      return new Proxy(store, {
        get(target, key) {
          if (key !== 'appendToStream') return Reflect.get(target, key);
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (left-- > 0) await other(target);
            return target.appendToStream(...args);
          };
        },
      });
    }

    it('decides again on the new state and appends after it', async () => {
      const racing = raced((inner) => inner.appendToStream(stream, [added(90, metadata())]));
      await expect(handleCommand(racing, stream, counter, { type: 'Add', n: 5 }, metadata())).resolves.toMatchObject({ state: 95 });
      expect(decisions).toHaveLength(2);
      expect((await events()).map((e) => e.data.n)).toEqual([90, 5]);
    });

    it('refuses then if the new state forbids the command', async () => {
      const racing = raced((inner) => inner.appendToStream(stream, [added(99, metadata())]));
      await expect(handleCommand(racing, stream, counter, { type: 'Add', n: 5 }, metadata())).rejects.toBeInstanceOf(IllegalStateError);
      expect((await events()).map((e) => e.data.n)).toEqual([99]);
    });

    it('answers the write as a replay when it was this same keyed command, with the same body', async () => {
      const m = metadata({ keyed: true });
      const racing = raced((inner) => inner.appendToStream(stream, [added(5, m)]));
      const outcome = await handleCommand(racing, stream, counter, { type: 'Add', n: 5 }, m);
      expect(outcome.replayed).toBe(true);
      expect(outcome.events.map((e) => e.eventId)).toEqual([m.commandId]);
      expect(await events()).toHaveLength(1);
    });

    it('refuses it when that write had the same key and another body', async () => {
      const m = metadata({ keyed: true });
      const racing = raced((inner) => inner.appendToStream(stream, [added(7, { ...m, bodyHash: 'body-2' })]));
      await expect(handleCommand(racing, stream, counter, { type: 'Add', n: 5 }, m)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect((await events()).map((e) => e.data.n)).toEqual([7]);
    });

    it(`gives up after ${MAX_ATTEMPTS} attempts with a ConcurrencyError, having written nothing`, async () => {
      const racing = raced((inner) => inner.appendToStream(stream, [added(1, metadata())]), Infinity);
      const error = await handleCommand(racing, stream, counter, { type: 'Add', n: 5 }, metadata()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as Error).message).toBe(
        `stream ${stream} kept changing while this command was decided (${MAX_ATTEMPTS} attempts); nothing was written, send it again`,
      );
      expect(decisions).toHaveLength(MAX_ATTEMPTS);
      expect((await events()).every((e) => e.data.n === 1)).toBe(true);
    });
  });

  it('queues concurrent commands on one stream: 50 at once all append, none conflicts', async () => {
    const appends = jest.spyOn(store, 'appendToStream');
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => handleCommand(store, stream, counter, { type: 'Add', n: 2 }, metadata())),
    );
    expect(outcomes.every((o) => !o.replayed && o.events.length === 1)).toBe(true);
    expect(new Set(outcomes.map((o) => o.events[0].streamRevision)).size).toBe(50);
    expect(appends).toHaveBeenCalledTimes(50);
    expect((await events()).length).toBe(50);
    expect(outcomes.map((o) => o.state).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 2 * (i + 1)));
  });

  it('does not hold one stream behind another', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = new Proxy(store, {
      get(target, key) {
        if (key !== 'appendToStream') return Reflect.get(target, key);
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          if (args[0] === 'counter-slow') await held;
          return target.appendToStream(...args);
        };
      },
    });
    const waiting = handleCommand(slow, 'counter-slow', counter, { type: 'Add', n: 1 }, metadata());
    await expect(handleCommand(slow, stream, counter, { type: 'Add', n: 1 }, metadata())).resolves.toMatchObject({ state: 1 });
    release();
    await expect(waiting).resolves.toMatchObject({ state: 1 });
  });

  it("raises the store's own failures as they are", async () => {
    const failing = new Proxy(store, {
      get: (target, key) => (key === 'appendToStream' ? async () => Promise.reject(new Error('disk full')) : Reflect.get(target, key)),
    });
    await expect(handleCommand(failing, stream, counter, { type: 'Add', n: 1 }, metadata())).rejects.toThrow('disk full');
    await expect(handleCommand(failing, stream, counter, { type: 'Add', n: 1 }, metadata({ keyed: true }))).rejects.toThrow('disk full');
    await expect(handleCommand(failing, stream, counter, { type: 'Add', n: 1 }, metadata())).rejects.not.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });
});
