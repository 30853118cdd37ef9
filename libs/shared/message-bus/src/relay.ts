import { topicForStream, type RecordedEvent } from '@dm/contracts';
import type { EventStore, Subscription } from '@dm/eventsourcing';
import type { MessageBus } from './message-bus';

export interface RelayOptions {
  /** Name of the relay's checkpoint in the store. */
  name: string;
  store: EventStore;
  bus: MessageBus;
  topicFor?: (streamId: string) => string;
  batchSize?: number;
}

export class RelayStoppedError extends Error {
  constructor(name: string) {
    super(`relay ${name} stopped`);
    this.name = 'RelayStoppedError';
  }
}

export class RelayTimeoutError extends Error {
  constructor(name: string, position: number, reached: number, ms: number) {
    super(`relay ${name} did not reach position ${position} within ${ms} ms (at ${reached})`);
    this.name = 'RelayTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Publishes a store's events to the bus in global order, moving its
 * checkpoint only after the bus accepted each batch: after a crash it
 * publishes again at most what was not checkpointed.
 */
export class Relay {
  private subscription: Subscription | null = null;
  private checkpoint = 0;
  private waiters: Waiter[] = [];

  constructor(private readonly options: RelayOptions) {}

  /** Last position the bus has accepted. */
  get position(): number {
    return this.checkpoint;
  }

  /** Resolves once everything stored when the relay started has been published. */
  get caughtUp(): Promise<void> {
    if (!this.subscription) return Promise.reject(new Error(`relay ${this.options.name} is not started`));
    return this.subscription.caughtUp;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const { name, store, batchSize } = this.options;
    this.checkpoint = (await store.getCheckpoint(name)) ?? 0;
    this.subscription = store.subscribeToAll((events) => this.relay(events), { after: this.checkpoint, batchSize });
  }

  /** Resolves once the bus has accepted every event up to `position`. */
  waitFor(position: number, timeoutMs?: number): Promise<void> {
    if (position <= this.checkpoint) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { position, resolve, reject };
      this.waiters.push(waiter);
      if (timeoutMs === undefined) return;
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new RelayTimeoutError(this.options.name, position, this.checkpoint, timeoutMs));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new RelayStoppedError(this.options.name));
  }

  private async relay(events: RecordedEvent[]): Promise<void> {
    const { name, store, bus, topicFor = topicForStream } = this.options;
    await bus.publish(events.map((event) => ({ topic: topicFor(event.streamId), key: event.streamId, source: store.name, event })));
    const position = events[events.length - 1].globalPosition;
    await store.setCheckpoint(name, position);
    this.reached(position);
  }

  private reached(position: number) {
    this.checkpoint = position;
    const due = this.waiters.filter((w) => w.position <= position);
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of due) waiter.resolve();
  }
}
