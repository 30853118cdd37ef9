import type { RecordedEvent } from '@dm/contracts';
import type { BusMessage, Consumer, DeadLetter, MessageBus, MessageHandler } from '../message-bus';
import { GroupConsumer } from './group-consumer';

export interface InMemoryMessageBusOptions {
  clock?: () => Date;
}

export const deadLetterTopic = (group: string) => `${group}.dlq`;

/**
 * The bus of the embedded mode: `publish` hands each group its messages and
 * resolves once every group's handler has committed them, or rejects with the
 * first handler error.
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly consumers = new Set<GroupConsumer>();
  private readonly letters = new Map<string, DeadLetter[]>();
  private readonly clock: () => Date;

  constructor(options: InMemoryMessageBusOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async publish(messages: BusMessage[]): Promise<void> {
    const deliveries: Promise<void>[] = [];
    for (const consumer of this.consumers) {
      const batch = messages.filter((m) => consumer.topics.has(m.topic));
      if (batch.length) deliveries.push(consumer.deliver(batch));
    }
    const failure = (await Promise.allSettled(deliveries)).find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async subscribe(group: string, topics: string[], handler: MessageHandler): Promise<Consumer> {
    if (topics.includes(deadLetterTopic(group))) throw new Error(`group ${group} cannot consume its own dead letters`);
    for (const other of this.consumers) {
      const taken = other.group === group && topics.find((t) => other.topics.has(t));
      if (taken) throw new Error(`group ${group} already has a consumer of topic ${taken}`);
    }
    const consumer = new GroupConsumer(group, new Set(topics), handler, (c) => this.consumers.delete(c));
    this.consumers.add(consumer);
    return consumer;
  }

  async deadLetter(letter: Omit<DeadLetter, 'at'>): Promise<void> {
    const kept = { ...letter, at: this.clock().toISOString() };
    this.letters.set(letter.group, [...(this.letters.get(letter.group) ?? []), kept]);
    await this.publish([
      {
        topic: deadLetterTopic(letter.group),
        key: letter.key ?? '',
        source: letter.group,
        // What could not be used: not a valid RecordedEvent, whatever its type says.
        event: parsePayload(letter.payload) as RecordedEvent,
      },
    ]);
  }

  async deadLetters(group: string): Promise<DeadLetter[]> {
    return [...(this.letters.get(group) ?? [])];
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
