import type { BusMessage, Consumer, MessageHandler } from '../message-bus';

/** One subscription of a group: its batches are handled one after another, in publish order. */
export class GroupConsumer implements Consumer {
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly group: string,
    readonly topics: ReadonlySet<string>,
    private readonly handler: MessageHandler,
    private readonly onStop: (consumer: GroupConsumer) => void,
  ) {}

  /** Resolves when the handler has committed the batch; rejects with the handler's error. */
  deliver(batch: BusMessage[]): Promise<void> {
    const delivery = this.tail.then(() => (this.stopped ? undefined : this.handler(batch)));
    this.tail = delivery.catch(() => undefined);
    return delivery;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.onStop(this);
    await this.tail;
  }
}
