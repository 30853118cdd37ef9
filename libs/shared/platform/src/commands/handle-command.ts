import { v5 as uuidv5 } from 'uuid';
import type { Actor, RecordedEvent } from '@dm/contracts';
import { EventIdConflictError, WrongExpectedRevisionError, type EventStore } from '@dm/event-store';
import { assertSameBody, type CommandIdentity } from '../http/idempotency';
import type { WrittenAt } from '../http/consistency';
import { problems } from '../http/problem';
import { StreamStateCache, type CachedStream } from './stream-state-cache';

export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface Decider<State, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

export interface CommandEnvelope {
  identity: CommandIdentity;
  actor: Actor;
  correlationId: string;
  /** Business time of the command's events (ISO 8601 with offset). */
  occurredAt: string;
  schemaVersion?: number;
}

export interface CommandOutcome<State> {
  events: RecordedEvent[];
  /** The state after the events. */
  state: State;
  /** Global position of the last event: what a reader must wait for. */
  position: number;
  /** True when this was a retry that found its first result. */
  replayed: boolean;
}

/** Where a command's events landed, for its consistency token. */
export function writtenAt(source: string, outcome: CommandOutcome<unknown>): WrittenAt {
  const last = outcome.events[outcome.events.length - 1];
  return { source, position: outcome.position, streamId: last.streamId, revision: last.streamRevision };
}

const MAX_ATTEMPTS = 5;
const commandIdOf = (event: RecordedEvent) => (event.metadata.commandId as string | undefined) ?? event.eventId;

/** Folds the events after the cached revision (all of them when nothing is cached); one point look-up when nothing is new. */
async function catchUp<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Event>,
  cached: CachedStream<State> | undefined,
): Promise<CachedStream<State>> {
  if (cached && (await store.streamRevision(streamId)) === cached.revision) return cached;
  let state = cached?.state ?? decider.initialState();
  let revision = cached?.revision ?? -1;
  const commandIds = new Set(cached?.commandIds);
  for await (const event of store.readStream(streamId, { fromRevision: revision + 1 })) {
    state = decider.evolve(state, event as unknown as Event);
    revision = event.streamRevision;
    commandIds.add(commandIdOf(event));
  }
  return { state, revision, commandIds };
}

async function eventsOfCommand(store: EventStore, streamId: string, commandId: string): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) if (commandIdOf(event) === commandId) found.push(event);
  return found;
}

/**
 * Folds a stream (from its cached state when there is one), lets the pure
 * `decide` answer, and appends with the revision just read, retrying on a
 * concurrent write. A command whose id is already in the stream answers its
 * first result again (DESIGN.md "Idempotency").
 */
export async function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Event>,
  decide: (state: State) => Event[],
  envelope: CommandEnvelope,
  cache?: StreamStateCache<State>,
): Promise<CommandOutcome<State>> {
  const commandId = envelope.identity.eventId;
  for (let attempt = 1; ; attempt++) {
    const current = await catchUp(store, streamId, decider, cache?.get(streamId));
    cache?.set(streamId, current);
    if (current.commandIds.has(commandId)) {
      const earlier = await eventsOfCommand(store, streamId, commandId);
      assertSameBody(envelope.identity, earlier[0].metadata.bodyHash);
      return { events: earlier, state: current.state, position: earlier[earlier.length - 1].globalPosition, replayed: true };
    }
    const decided = decide(current.state);
    if (decided.length === 0) return { events: [], state: current.state, position: 0, replayed: false };
    const newEvents = decided.map((event, index) => ({
      eventId: index === 0 ? commandId : uuidv5(String(index), commandId),
      type: event.type,
      schemaVersion: envelope.schemaVersion ?? 1,
      occurredAt: envelope.occurredAt,
      actor: envelope.actor,
      correlationId: envelope.correlationId,
      causationId: commandId,
      data: event.data,
      metadata: { bodyHash: envelope.identity.bodyHash, commandId },
    }));
    try {
      const result = await store.appendToStream(streamId, newEvents, {
        expectedRevision: current.revision < 0 ? 'no_stream' : current.revision,
      });
      if (result.idempotent) {
        cache?.delete(streamId);
        assertSameBody(envelope.identity, result.events[0].metadata.bodyHash);
        return { events: result.events, state: current.state, position: result.position, replayed: true };
      }
      const state = result.events.reduce((s, e) => decider.evolve(s, e as unknown as Event), current.state);
      cache?.set(streamId, { state, revision: result.nextExpectedRevision, commandIds: new Set([...current.commandIds, commandId]) });
      return { events: result.events, state, position: result.position, replayed: false };
    } catch (error) {
      cache?.delete(streamId);
      if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof EventIdConflictError && envelope.identity.keyed) {
        // The key's event id is already stored on another stream: the same key was sent with another body.
        throw problems.unprocessable('This Idempotency-Key was already used with a different body', [
          { field: 'Idempotency-Key', message: 'reused with a different body' },
        ]);
      }
      throw error;
    }
  }
}
