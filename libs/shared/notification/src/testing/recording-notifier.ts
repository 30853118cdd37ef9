import type { DeliveryOutcome, Notifier } from '../notifier';
import type { ReminderNotice } from '../reminder-notice';

export interface RecordedDelivery {
  agencyId: string;
  notices: ReminderNotice[];
  outcome: DeliveryOutcome;
}

/** A notifier in memory for specs: records every call and fails the next N deliveries when told. */
export class RecordingNotifier implements Notifier {
  /** Every call, failed ones included, in order. */
  readonly calls: RecordedDelivery[] = [];
  private failuresLeft = 0;
  private failure = '';

  constructor(
    readonly channel = 'webhook',
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The next `count` deliveries fail with `error`. */
  failNext(count: number, error = 'simulated failure'): this {
    this.failuresLeft = count;
    this.failure = error;
    return this;
  }

  /** The notices delivered successfully, in order. */
  get delivered(): ReminderNotice[] {
    return this.calls.filter((c) => c.outcome.ok).flatMap((c) => c.notices);
  }

  async deliver(agencyId: string, notices: ReminderNotice[]): Promise<DeliveryOutcome> {
    const reminderIds = notices.map((n) => n.reminderId);
    const failing = this.failuresLeft > 0;
    if (failing) this.failuresLeft--;
    const outcome: DeliveryOutcome = failing
      ? { reminderIds, ok: false, attempts: 1, error: this.failure, at: this.now().toISOString() }
      : { reminderIds, ok: true, attempts: 1, at: this.now().toISOString() };
    this.calls.push({ agencyId, notices: structuredClone(notices), outcome });
    return outcome;
  }
}
