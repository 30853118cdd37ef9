import { TOPICS, type RecordedEvent } from '@dm/contracts';
import { InMemoryEventStore } from '@dm/eventsourcing';
import { deferred, delay, eventually, newEvents } from '@dm/testing';
import { InMemoryMessageBus } from './in-memory';
import type { BusMessage } from './message-bus';
import { Relay, RelayStoppedError, RelayTimeoutError } from './relay';

describe('Relay', () => {
  let store: InMemoryEventStore;
  let bus: InMemoryMessageBus;
  const relays: Relay[] = [];
  /** Checkpoints after every batch unless told otherwise, as the tests of crash semantics need. */
  const relay = (batchSize = 2, options: { checkpointEveryMs?: number; lingerMs?: number } = { checkpointEveryMs: 0 }) => {
    const started = new Relay({ name: 'relay', store, bus, batchSize, ...options });
    relays.push(started);
    return started;
  };
  const eventIds = (items: Array<RecordedEvent | BusMessage>) => items.map((i) => ('event' in i ? i.event : i).eventId);

  beforeEach(() => {
    store = new InMemoryEventStore({ name: 'task-assignment', logger: { warn: () => undefined }, retryMs: 10 });
    bus = new InMemoryMessageBus();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await store.close();
  });

  it('publishes every event in order, by stream topic, and checkpoints after the bus accepted it', async () => {
    const received: BusMessage[] = [];
    await bus.subscribe('projection', [TOPICS.directives, TOPICS.progress], async (batch) => void received.push(...batch));
    const directive = await store.appendToStream('directive-1', newEvents(2));
    const assignment = await store.appendToStream('assignment-1', newEvents(1));
    const r = relay();
    await r.start();
    await r.waitFor(assignment.position);

    expect(eventIds(received)).toEqual(eventIds([...directive.events, ...assignment.events]));
    expect(received.map((m) => [m.topic, m.key, m.source])).toEqual([
      [TOPICS.directives, 'directive-1', 'task-assignment'],
      [TOPICS.directives, 'directive-1', 'task-assignment'],
      [TOPICS.progress, 'assignment-1', 'task-assignment'],
    ]);
    expect(await store.getCheckpoint('relay')).toBe(assignment.position);
    expect(r.position).toBe(assignment.position);
  });

  it('waitFor resolves only after every subscriber has committed the event (read-your-writes)', async () => {
    const committing = deferred();
    let committed = false;
    await bus.subscribe('projection', [TOPICS.directives], async () => {
      await committing.promise;
      committed = true;
    });
    const r = relay();
    await r.start();
    const { position } = await store.appendToStream('directive-1', newEvents(1));
    const waiting = r.waitFor(position);
    await delay(50);
    expect(await store.getCheckpoint('relay')).toBeNull();
    committing.resolve();
    await waiting;
    expect(committed).toBe(true);
    await expect(r.waitFor(position)).resolves.toBeUndefined();
  });

  it('after a crash publishes again only what was not checkpointed', async () => {
    const stored = await store.appendToStream('directive-1', newEvents(6));
    let failing = true;
    const firstRun: string[][] = [];
    await bus.subscribe('projection', [TOPICS.directives], async (batch) => {
      firstRun.push(eventIds(batch));
      if (failing && batch.some((m) => m.event.streamRevision === 4)) throw new Error('projection down');
    });
    const crashed = relay();
    await crashed.start();
    await eventually(() => expect(firstRun.length).toBeGreaterThanOrEqual(4));
    await crashed.stop();
    expect(await store.getCheckpoint('relay')).toBe(stored.events[3].globalPosition);

    failing = false;
    const afterRestart: BusMessage[] = [];
    bus = new InMemoryMessageBus();
    await bus.subscribe('projection', [TOPICS.directives], async (batch) => void afterRestart.push(...batch));
    const restarted = relay();
    await restarted.start();
    await restarted.waitFor(stored.position);
    expect(eventIds(afterRestart)).toEqual(eventIds(stored.events.slice(4)));
  });

  it('a crash between publish and checkpoint publishes that batch again, and nothing before it', async () => {
    const stored = await store.appendToStream('directive-1', newEvents(4));
    const received: BusMessage[] = [];
    await bus.subscribe('projection', [TOPICS.directives], async (batch) => void received.push(...batch));
    const setCheckpoint = store.setCheckpoint.bind(store);
    let failures = 0;
    jest.spyOn(store, 'setCheckpoint').mockImplementation(async (name, position) => {
      if (position === stored.position && failures++ === 0) throw new Error('crashed before checkpoint');
      return setCheckpoint(name, position);
    });
    const r = relay();
    await r.start();
    await r.waitFor(stored.position);
    const ids = eventIds(stored.events);
    expect(eventIds(received)).toEqual([...ids, ids[2], ids[3]]);
  });

  it('with checkpointEveryMs, writes the checkpoint at most that often, the last position once the interval is over, and on stop', async () => {
    const writes: number[] = [];
    const setCheckpoint = store.setCheckpoint.bind(store);
    jest.spyOn(store, 'setCheckpoint').mockImplementation(async (name, position) => {
      writes.push(position);
      return setCheckpoint(name, position);
    });
    await bus.subscribe('projection', [TOPICS.directives], async () => undefined);
    const r = relay(1, { checkpointEveryMs: 300 });
    await r.start();
    const stored = await store.appendToStream('directive-1', newEvents(5));
    await r.waitFor(stored.position);
    // Five batches of one: the first written at once, the last once the interval is over, and fewer writes than batches.
    expect(r.position).toBe(stored.position);
    expect(writes[0]).toBe(stored.events[0].globalPosition);
    await eventually(() => expect(writes[writes.length - 1]).toBe(stored.position));
    expect(writes.length).toBeLessThan(5);
    expect(await store.getCheckpoint('relay')).toBe(stored.position);

    const more = await store.appendToStream('directive-1', newEvents(1), { expectedRevision: 4 });
    await r.waitFor(more.position);
    await r.stop();
    expect(await store.getCheckpoint('relay')).toBe(more.position);
  });

  it('after a crash with checkpointEveryMs, publishes again what the bus accepted since the last written checkpoint', async () => {
    const received: string[] = [];
    await bus.subscribe('projection', [TOPICS.directives], async (batch) => void received.push(...eventIds(batch)));
    const first = relay(1, { checkpointEveryMs: 60_000 });
    await first.start();
    const stored = await store.appendToStream('directive-1', newEvents(3));
    await first.waitFor(stored.position);
    // A crash: the process ends without stop, so only the first batch's checkpoint was written.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(store, 'setCheckpoint').mockRejectedValue(new Error('process gone'));
    await first.stop();
    jest.restoreAllMocks();
    expect(await store.getCheckpoint('relay')).toBe(stored.events[0].globalPosition);

    const again = relay(10);
    await again.start();
    await again.waitFor(stored.position);
    const ids = eventIds(stored.events);
    expect(received).toEqual([...ids, ids[1], ids[2]]);
  });

  it('with lingerMs, a steady flow goes out in fewer publishes than events', async () => {
    const publishes: number[] = [];
    const publish = bus.publish.bind(bus);
    jest.spyOn(bus, 'publish').mockImplementation(async (messages) => {
      publishes.push(messages.length);
      return publish(messages);
    });
    const r = relay(100, { lingerMs: 50 });
    await r.start();
    let last = 0;
    for (let i = 0; i < 20; i++) {
      last = (await store.appendToStream(`directive-${i}`, newEvents(1))).position;
      await delay(5);
    }
    await r.waitFor(last);
    expect(publishes.reduce((a, b) => a + b, 0)).toBe(20);
    expect(publishes.length).toBeLessThan(20);
  });

  it('waitFor rejects after its timeout, and when the relay stops', async () => {
    const r = relay();
    await r.start();
    await expect(r.waitFor(10, 30)).rejects.toBeInstanceOf(RelayTimeoutError);
    const pending = r.waitFor(10);
    await r.stop();
    await expect(pending).rejects.toBeInstanceOf(RelayStoppedError);
  });

  it('caughtUp resolves once what was stored at start is published', async () => {
    const stored = await store.appendToStream('directive-1', newEvents(5));
    const r = relay();
    await r.start();
    await r.caughtUp;
    expect(r.position).toBe(stored.position);
  });
});
