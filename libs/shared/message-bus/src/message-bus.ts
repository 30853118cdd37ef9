import type { RecordedEvent } from '@dm/contracts';

export interface BusMessage {
  topic: string;
  /** Partition key: the stream id, so one stream's events keep their order. */
  key: string;
  /** Name of the event store the event comes from. */
  source: string;
  event: RecordedEvent;
}

/** A message a consumer could not parse or validate, parked with its reason. */
export interface DeadLetter {
  group: string;
  topic: string;
  key: string | null;
  reason: string;
  payload: string;
  at: string;
}

export type MessageHandler = (batch: BusMessage[]) => Promise<void>;

export interface Consumer {
  stop(): Promise<void>;
}

/**
 * The message-bus port. `publish` resolves once the bus has accepted the
 * messages durably (the in-process bus: once every subscriber has committed).
 * Delivery is at least once; handlers are idempotent.
 */
export interface MessageBus {
  publish(messages: BusMessage[]): Promise<void>;
  /** One consumer group reads each topic once; a handler that throws has its batch delivered again. */
  subscribe(group: string, topics: string[], handler: MessageHandler): Promise<Consumer>;
  /** Parks a message the group could not use; it is kept, never dropped. */
  deadLetter(letter: Omit<DeadLetter, 'at'>): Promise<void>;
  deadLetters(group: string): Promise<DeadLetter[]>;
  /**
   * Messages of the topics the group has not committed yet; only buses that
   * keep their topics (Kafka) have it, and only they can feed a rebuild.
   */
  lag?(group: string, topics: string[]): Promise<number>;
  /** Asks the brokers a real question (buses with brokers only): what readiness reports. */
  ping?(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}
