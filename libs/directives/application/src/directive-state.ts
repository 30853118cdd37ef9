import { directiveStreamId, type DirectiveEvent } from '@dm/contracts';
import { directiveDecider, type DirectiveState } from '@dm/directives-domain';
import { foldEvents, type EventStore } from '@dm/eventsourcing';

/** A directive as its stream tells it now (the initial state when none is issued). */
export async function directiveStateOf(store: EventStore, id: string): Promise<DirectiveState> {
  const events: DirectiveEvent[] = [];
  for await (const event of store.readStream<DirectiveEvent>(directiveStreamId(id))) events.push(event);
  return foldEvents(directiveDecider, directiveDecider.initialState(), events);
}
