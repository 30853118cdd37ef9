import { createHash, randomUUID } from 'node:crypto';
import type { CommandMetadata, CommandOutcome } from '@dm/eventsourcing';
import { DeliveryQueue, type Notifier, type QueuedOutcome, type ReminderNotice } from '@dm/notification';
import type { ReadStore } from '@dm/read-store';
import { RecordDelivery } from '@dm/reporting-domain';
import type { RegistryReader } from './registry-reader';
import type { ReminderEntry, ReportingLedger } from './reporting-ledger';

const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

export interface DeliveryOptions {
  notifiers: Notifier[];
  /** How often the queue looks for deliveries due (default 30 s). */
  intervalMs?: number;
}

/**
 * Sends the reminders the ledger finds through the notifiers (docs/reporting.md,
 * "Notifications"). The ledger hands each new reminder to the queue, which
 * only writes to the read store; the queue's own loop sends, retries with
 * backoff, and records every outcome as an event on the reminder's stream.
 * A slow or failing notifier never holds up the ledger or the projector.
 */
export class ReminderDeliveries {
  readonly queue: DeliveryQueue;
  private send: ((command: RecordDelivery) => Promise<CommandOutcome<unknown>>) | null = null;

  constructor(
    store: ReadStore,
    private readonly ledger: ReportingLedger,
    private readonly registry: RegistryReader,
    private readonly options: DeliveryOptions,
  ) {
    this.queue = new DeliveryQueue(store, options.notifiers, { onOutcome: (outcome) => this.record(outcome) });
    ledger.onReminders((reminders) => void this.enqueue(reminders).catch((e: Error) => console.warn(`reminders not queued: ${e.message}`)));
  }

  connect(send: (command: RecordDelivery) => Promise<CommandOutcome<unknown>>): void {
    this.send = send;
  }

  start(): void {
    this.queue.start(this.options.intervalMs ?? 30_000);
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  private async enqueue(reminders: ReminderEntry[]): Promise<void> {
    const registry = await this.registry.registry();
    // A notifier configured later does not send years of old reminders: those found in the last week only.
    const since = new Date(Date.now() - RECENT_MS).toISOString();
    const recent = reminders.filter((r) => r.recordedAt >= since);
    if (!recent.length) return;
    const notices: ReminderNotice[] = recent.map((r) => ({
      reminderId: r.reminderId,
      agencyId: r.agencyId,
      agencyName: registry.agency(r.agencyId, r.foundOn)?.name ?? registry.agency(r.agencyId)?.name ?? r.agencyId,
      kind: r.kind,
      subject: r.subject,
      text: r.text,
      directiveId: r.directiveId,
      directiveNumber: r.directiveNumber,
      taskNumber: r.taskNumber,
      assignmentId: r.assignmentId,
      deadline: r.deadline,
      period: r.period,
      issuedAt: r.recordedAt,
    }));
    await this.queue.enqueue(notices);
  }

  /** Each outcome, as an event on each reminder's stream: who was reached, by which channel, after how many attempts. */
  private async record(outcome: QueuedOutcome): Promise<void> {
    if (!this.send) return;
    await this.ledger.catchUp();
    for (const reminderId of outcome.reminderIds) {
      const reminder = this.ledger.reminder(reminderId);
      if (!reminder) throw new Error(`reminder ${reminderId} was delivered but is not in the reporting store`);
      const delivery = {
        reminderId,
        channel: outcome.channel,
        ok: outcome.ok,
        attempts: outcome.attempts,
        final: outcome.final,
        error: outcome.error ?? null,
      };
      await this.send(new RecordDelivery({ key: reminder.key, delivery }, deliveryMetadata(reminder.key, outcome.at)));
    }
  }
}

function deliveryMetadata(key: string, at: string): CommandMetadata {
  return {
    commandId: randomUUID(),
    bodyHash: createHash('sha256').update(`${key}|${at}`).digest('hex'),
    keyed: false,
    actor: { userId: 'reminder-delivery', agencyId: null, role: 'system' },
    correlationId: randomUUID(),
    occurredAt: at,
  };
}
