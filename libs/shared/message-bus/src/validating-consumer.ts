import { parseIntegrationEvent, type RecordedEvent } from '@dm/contracts';
import type { BusMessage, MessageBus, MessageHandler } from './message-bus';

/** Receives the batch's valid events, and their messages (same order) for `source` and `topic`. */
export type ValidEventsHandler = (events: RecordedEvent[], messages: BusMessage[]) => Promise<void>;

/**
 * Wraps a group's handler: messages whose event fails the envelope or its
 * type's schema go to the group's dead letters with the reason; the rest are
 * handed on, parsed. Only bad content is dead-lettered, never ordering.
 */
export function validatingConsumer(group: string, bus: MessageBus, handle: ValidEventsHandler): MessageHandler {
  return async (batch) => {
    const valid: BusMessage[] = [];
    const invalid: Array<{ message: BusMessage; reason: string }> = [];
    for (const message of batch) {
      const parsed = parseIntegrationEvent(message.event);
      if (parsed.ok) valid.push({ ...message, event: parsed.event });
      else invalid.push({ message, reason: parsed.reason });
    }
    if (valid.length)
      await handle(
        valid.map((m) => m.event),
        valid,
      );
    for (const { message, reason } of invalid) {
      await bus.deadLetter({ group, topic: message.topic, key: message.key, reason, payload: serialize(message.event) });
    }
  };
}

function serialize(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
