import { v5 as uuidv5 } from 'uuid';
import type { Actor, RecordedEvent } from '@dm/contracts';
import { WrongExpectedRevisionError, type EventStore } from '@dm/event-store';
import { assertSameBody, type CommandIdentity } from '../http/idempotency';

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

const MAX_ATTEMPTS = 5;

/**
 * Reads a stream, folds it, lets the pure `decide` answer, and appends with
 * the revision just read (retrying on a concurrent write). A command whose
 * event id is already in the stream answers its first result again.
 */
export async function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Event>,
  decide: (state: State) => Event[],
  envelope: CommandEnvelope,
): Promise<CommandOutcome<State>> {
  for (let attempt = 1; ; attempt++) {
    let state = decider.initialState();
    let revision: number | null = null;
    const earlier: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) {
      state = decider.evolve(state, event as unknown as Event);
      revision = event.streamRevision;
      if (event.eventId === envelope.identity.eventId || event.metadata.commandId === envelope.identity.eventId) {
        earlier.push(event);
      }
    }
    if (earlier.length > 0) {
      assertSameBody(envelope.identity, earlier[0].metadata.bodyHash);
      return { events: earlier, state, position: earlier[earlier.length - 1].globalPosition, replayed: true };
    }
    const decided = decide(state);
    if (decided.length === 0) return { events: [], state, position: 0, replayed: false };
    const newEvents = decided.map((event, index) => ({
      eventId: index === 0 ? envelope.identity.eventId : uuidv5(String(index), envelope.identity.eventId),
      type: event.type,
      schemaVersion: envelope.schemaVersion ?? 1,
      occurredAt: envelope.occurredAt,
      actor: envelope.actor,
      correlationId: envelope.correlationId,
      causationId: envelope.identity.eventId,
      data: event.data,
      metadata: { bodyHash: envelope.identity.bodyHash, commandId: envelope.identity.eventId },
    }));
    try {
      const result = await store.appendToStream(streamId, newEvents, {
        expectedRevision: revision === null ? 'no_stream' : revision,
      });
      const after = result.events.reduce((s, e) => decider.evolve(s, e as unknown as Event), state);
      return { events: result.events, state: after, position: result.position, replayed: result.idempotent };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}
