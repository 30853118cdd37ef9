import { v5 as uuidv5 } from 'uuid';
import type { Event, NewEvent, RecordedEvent } from '@dm/contracts';
import type { CommandMetadata } from './command';
import { foldEvents, type Decider } from './decider';
import { ConcurrencyError, IdempotencyKeyReusedError } from './errors';
import { EventIdConflictError } from './event-store/event-id-conflict-error';
import { WrongExpectedRevisionError, type EventStore } from './event-store/event-store';
import { NO_STREAM } from './expected-revision';
import { StreamQueue } from './stream-queue';
import { StreamStateCache, type CachedStream } from './stream-state-cache';

export interface CommandOutcome<State, E extends Event = Event> {
  events: RecordedEvent<E>[];
  /** The state after the events. */
  state: State;
  /** Global position of the last event (0 when nothing was decided): what a reader waits for. */
  position: number;
  /** True when this was a retry that found its first result. */
  replayed: boolean;
}

/** Appends that still conflict after this many attempts answer ConcurrencyError (another process keeps writing the stream). */
export const MAX_ATTEMPTS = 5;

interface Owned {
  queue: StreamQueue;
  caches: WeakMap<object, StreamStateCache<unknown>>;
}

/** Each store's write queue and folded states, shared by every handler of this process that writes to it. */
const owned = new WeakMap<EventStore, Owned>();

function ownedBy(store: EventStore): Owned {
  let entry = owned.get(store);
  if (!entry) owned.set(store, (entry = { queue: new StreamQueue(), caches: new WeakMap() }));
  return entry;
}

function cacheOf<State>(entry: Owned, decider: object): StreamStateCache<State> {
  let cache = entry.caches.get(decider);
  if (!cache) entry.caches.set(decider, (cache = new StreamStateCache()));
  return cache as StreamStateCache<State>;
}

/**
 * Decides a command on a stream and appends what the decider decided
 * (docs/architecture.md, "The event-sourcing core"):
 *
 * - writes to one stream queue in this process, so they never race here (a
 *   stream too busy refuses more with StreamBusyError);
 * - the stream is folded from the state kept after the last command (one
 *   point look-up when nothing is new);
 * - a command whose id is in the stream already answers its first result,
 *   if it has the same body (else IdempotencyKeyReusedError);
 * - an append that meets a concurrent write from elsewhere is decided again,
 *   up to MAX_ATTEMPTS times, then refused with ConcurrencyError.
 *
 * It raises domain errors, and the store's own failures as they are.
 */
export function handleCommand<State, C, E extends Event>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  command: C,
  metadata: CommandMetadata,
): Promise<CommandOutcome<State, E>> {
  const entry = ownedBy(store);
  const cache = cacheOf<State>(entry, decider);
  return entry.queue.run(streamId, () => decideAndAppend(store, streamId, decider, command, metadata, cache));
}

async function decideAndAppend<State, C, E extends Event>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  command: C,
  metadata: CommandMetadata,
  cache: StreamStateCache<State>,
): Promise<CommandOutcome<State, E>> {
  for (let attempt = 1; ; attempt++) {
    const current = await catchUp(store, streamId, decider, cache.get(streamId));
    // A stream that does not exist yet is not kept: refused commands on new streams would fill the cache.
    if (current.revision >= 0) cache.set(streamId, current);
    if (current.commandIds.has(metadata.commandId)) {
      const earlier = await eventsOfCommand<E>(store, streamId, metadata.commandId);
      assertSameBody(metadata, earlier[0].metadata.bodyHash);
      return { events: earlier, state: current.state, position: earlier[earlier.length - 1].globalPosition, replayed: true };
    }
    const decided = decider.decide(command, current.state);
    if (decided.length === 0) return { events: [], state: current.state, position: 0, replayed: false };
    try {
      const result = await store.appendToStream(
        streamId,
        decided.map((event, index) => toNewEvent(event, index, metadata)),
        {
          expectedRevision: current.revision < 0 ? NO_STREAM : current.revision,
        },
      );
      if (result.idempotent) {
        cache.delete(streamId);
        assertSameBody(metadata, result.events[0].metadata.bodyHash);
        return { events: result.events, state: current.state, position: result.position, replayed: true };
      }
      const state = foldEvents(decider, current.state, result.events);
      // The set belongs to this stream's cache entry alone: grown in place, not copied on every command.
      cache.set(streamId, { state, revision: result.nextExpectedRevision, commandIds: current.commandIds.add(metadata.commandId) });
      return { events: result.events, state, position: result.position, replayed: false };
    } catch (error) {
      cache.delete(streamId);
      if (error instanceof WrongExpectedRevisionError) {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new ConcurrencyError(
          `stream ${streamId} kept changing while this command was decided (${MAX_ATTEMPTS} attempts); nothing was written, send it again`,
        );
      }
      // The key's event id is stored on another stream: the same key was sent with another body.
      if (error instanceof EventIdConflictError && metadata.keyed) throw new IdempotencyKeyReusedError();
      throw error;
    }
  }
}

/** The first event's id is the command id; the others derive from it, so a retry writes the same ids. */
function toNewEvent<E extends Event>(event: E, index: number, metadata: CommandMetadata): NewEvent<E> {
  const { commandId } = metadata;
  return {
    ...event,
    eventId: index === 0 ? commandId : uuidv5(String(index), commandId),
    schemaVersion: 1,
    occurredAt: metadata.occurredAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: commandId,
    metadata: { bodyHash: metadata.bodyHash, commandId },
  };
}

/** Events read back are folded this many at a time (a decider with `evolveMany` folds a batch at the cost of one event). */
const FOLD_BATCH = 1_000;

const commandIdOf = (event: RecordedEvent) => (event.metadata.commandId as string | undefined) ?? event.eventId;

/** Folds the events after the cached revision (all of them when nothing is cached). */
async function catchUp<State, C, E extends Event>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  cached: CachedStream<State> | undefined,
): Promise<CachedStream<State>> {
  if (cached && (await store.streamRevision(streamId)) === cached.revision) return cached;
  let state = cached?.state ?? decider.initialState();
  let revision = cached?.revision ?? -1;
  const commandIds = new Set(cached?.commandIds);
  let batch: E[] = [];
  for await (const event of store.readStream<E>(streamId, { fromRevision: revision + 1 })) {
    batch.push(event);
    revision = event.streamRevision;
    commandIds.add(commandIdOf(event));
    if (batch.length === FOLD_BATCH) [state, batch] = [foldEvents(decider, state, batch), []];
  }
  return { state: foldEvents(decider, state, batch), revision, commandIds };
}

async function eventsOfCommand<E extends Event>(store: EventStore, streamId: string, commandId: string): Promise<RecordedEvent<E>[]> {
  const found: RecordedEvent<E>[] = [];
  for await (const event of store.readStream<E>(streamId)) if (commandIdOf(event) === commandId) found.push(event);
  return found;
}

function assertSameBody(metadata: CommandMetadata, storedHash: unknown): void {
  if (storedHash !== metadata.bodyHash) throw new IdempotencyKeyReusedError();
}
