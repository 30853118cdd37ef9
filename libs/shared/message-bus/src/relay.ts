import { isPublishedStream, topicForStream, type RecordedEvent } from '@dm/contracts';
import type { EventStore, Subscription } from '@dm/eventsourcing';
import type { MessageBus } from './message-bus';

export interface RelayOptions {
  /** Name of the relay's checkpoint in the store. */
  name: string;
  store: EventStore;
  bus: MessageBus;
  topicFor?: (streamId: string) => string;
  batchSize?: number;
  /**
   * The checkpoint is written to the store at most this often (default
   * 1000 ms), and when the relay stops; 0 writes it after every batch. On a
   * durable store each write is an fsync, which a busy relay would otherwise
   * pay per batch. After a crash the relay publishes again what the bus
   * accepted since the last write: delivery is at least once either way.
   */
  checkpointEveryMs?: number;
  /**
   * After a batch smaller than batchSize, waits this long before reading the
   * next (default 0), so a steady flow goes out in fewer, larger publishes.
   * The first event after a quiet spell goes out at once.
   */
  lingerMs?: number;
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
 * checkpoint only after the bus accepted each batch (in memory at once, in
 * the store at most every checkpointEveryMs): after a crash it publishes
 * again at most what was not checkpointed.
 */
export class Relay {
  private subscription: Subscription | null = null;
  private checkpoint = 0;
  private waiters: Waiter[] = [];
  /** The position last written to the store, when, and the write in progress (writes go one after another). */
  private stored = 0;
  private storedAt = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

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
    this.stored = this.checkpoint;
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writeCheckpoint(this.checkpoint).catch((error: Error) =>
      console.warn(`relay ${this.options.name}: could not write its checkpoint ${this.checkpoint} on stop: ${error.message}`),
    );
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new RelayStoppedError(this.options.name));
  }

  private async relay(events: RecordedEvent[]): Promise<void> {
    const { store, bus, topicFor = topicForStream, checkpointEveryMs = 1000, lingerMs = 0, batchSize } = this.options;
    // A stream its context keeps to itself (an import's drafts) moves the checkpoint, unpublished.
    const published = events.filter((event) => isPublishedStream(event.streamId));
    if (published.length)
      await bus.publish(published.map((event) => ({ topic: topicFor(event.streamId), key: event.streamId, source: store.name, event })));
    const position = events[events.length - 1].globalPosition;
    const since = Date.now() - this.storedAt;
    // A failed write here hands the batch over again (published twice: at least once).
    if (since >= checkpointEveryMs) await this.writeCheckpoint(position);
    else this.storeLater(checkpointEveryMs - since);
    this.reached(position);
    if (lingerMs > 0 && events.length < (batchSize ?? 256)) await new Promise((resolve) => setTimeout(resolve, lingerMs));
  }

  /** Writes the checkpoint unless a later one is written already; writes go one after another. */
  private writeCheckpoint(position: number): Promise<void> {
    this.storedAt = Date.now();
    const write = this.writing.then(async () => {
      if (position <= this.stored) return;
      await this.options.store.setCheckpoint(this.options.name, position);
      this.stored = position;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Writes the position reached by then once the interval is over, if no batch has written it. */
  private storeLater(ms: number) {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writeCheckpoint(this.checkpoint).catch((error: Error) =>
        console.warn(`relay ${this.options.name}: could not write its checkpoint ${this.checkpoint}: ${error.message}`),
      );
    }, ms);
    this.timer.unref?.();
  }

  private reached(position: number) {
    this.checkpoint = position;
    const due = this.waiters.filter((w) => w.position <= position);
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of due) waiter.resolve();
  }
}
