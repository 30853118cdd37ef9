import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { ReminderIssued } from '@dm/contracts';
import { ConcurrencyError, type CommandMetadata, type CommandOutcome } from '@dm/eventsourcing';
import { addDays, startOfVietnamDay, today as todayInVietnam } from '@dm/periods';
import {
  assignmentReminders,
  dutyInstances,
  dutyReminders,
  IssueReminder,
  type ReminderDraft,
  type UrgedAssignment,
  type UrgingRules,
} from '@dm/reporting-domain';
import type { ReportQueries } from '../report-queries';
import type { RegistryReader } from './registry-reader';
import type { ReportingLedger } from './reporting-ledger';
import type { ReportingService } from './reporting-service';

/** UUIDv5 namespace of reminder ids: one condition key, one id, in every process. */
export const REMINDER_ID_NAMESPACE = '0b6f4a52-2d0c-4c39-9a55-3a4f0e3c1d7e';
export const reminderIdOf = (key: string) => uuidv5(key, REMINDER_ID_NAMESPACE);

export interface UrgingOptions {
  rules: UrgingRules;
  /** How often the scheduler looks (default hourly). */
  intervalMs?: number;
  /** Today's business date (Asia/Ho_Chi_Minh) by default. */
  today?: () => string;
}

/**
 * The urging scheduler (docs/reporting.md, "Urging"): finds what to urge as
 * of today and records one reminder per condition key. The key's stream is
 * new or already holds the reminder, so a restart, or a second instance
 * racing this one, records nothing twice.
 */
export class UrgingScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private send: ((command: IssueReminder) => Promise<CommandOutcome<unknown>>) | null = null;

  constructor(
    private readonly queries: () => ReportQueries,
    private readonly ledger: ReportingLedger,
    private readonly registry: RegistryReader,
    private readonly service: ReportingService,
    private readonly options: UrgingOptions,
  ) {}

  /** Where the reminders are sent as commands (the command bus, once the module is up). */
  connect(send: (command: IssueReminder) => Promise<CommandOutcome<unknown>>): void {
    this.send = send;
  }

  /** Looks now: the reminders found, and how many were new. One run at a time in this process. */
  runOnce(): Promise<{ date: string; found: number; issued: number }> {
    const run = this.running.then(() => this.urge());
    this.running = run.catch(() => undefined);
    return run;
  }

  start(): void {
    const tick = () =>
      void this.runOnce().catch((error: Error) => console.warn(`urging run failed (retried at the next tick): ${error.message}`));
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 60 * 60 * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async urge() {
    const date = (this.options.today ?? todayInVietnam)();
    const drafts = await this.find(date);
    const fresh = drafts.filter((d) => !this.ledger.hasReminder(d.key));
    let issued = 0;
    for (const draft of fresh) if (await this.record(draft, date)) issued++;
    await this.ledger.catchUp();
    return { date, found: drafts.length, issued };
  }

  /** Every condition to urge on `date`, each with its key. */
  async find(date: string): Promise<ReminderDraft[]> {
    await this.ledger.catchUp();
    const names = await this.registry.on(date);
    const rows = await this.queries().leadStates(date);
    const assignments: UrgedAssignment[] = rows.map(({ doc, holder, state }) => ({
      assignmentId: doc._id,
      directiveId: doc.directiveId as string,
      directiveNumber: doc.directiveNumber as string,
      taskNumber: doc.taskNumber as string,
      agencyId: holder,
      status: state.status,
      lifecycle: state.lifecycle,
      deadline: state.deadline,
      silentSince: state.lastReportedOn ?? state.assignedOn,
    }));
    const numbers = new Map(rows.map(({ doc }) => [doc.directiveId as string, doc.directiveNumber as string]));
    const instances = [];
    for (const regime of this.ledger.regimes.values()) {
      instances.push(
        ...dutyInstances({
          directiveId: regime.directiveId,
          duties: regime.duties,
          reportersOn: (reporters, on) => this.service.reportersOn(reporters, on, names.registry),
          submitted: this.ledger.submitted,
          days: this.ledger.calendar,
          window: { from: addDays(date, -366), to: addDays(date, this.options.rules.dueWithinDays) },
          asOf: date,
        }),
      );
      if (!numbers.has(regime.directiveId))
        numbers.set(regime.directiveId, (await this.service.directive(regime.directiveId))?.number ?? regime.directiveId);
    }
    return [
      ...assignmentReminders(assignments, date, this.options.rules, names.nameOf),
      ...dutyReminders(instances, date, this.options.rules, (id) => numbers.get(id) ?? id, names.nameOf),
    ];
  }

  /** Records one reminder; false when another instance recorded it first. */
  private async record(draft: ReminderDraft, date: string): Promise<boolean> {
    if (!this.send) throw new Error('the urging scheduler is not connected to the command bus');
    const data: ReminderIssued = { ...draft, reminderId: reminderIdOf(draft.key), foundOn: date };
    try {
      const outcome = await this.send(new IssueReminder(data, systemMetadata(draft.key, date)));
      return outcome.events.length > 0 && !outcome.replayed;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }
}

/** The scheduler acts as the system; the reminder's id is its command id, the same in every process. */
function systemMetadata(key: string, date: string): CommandMetadata {
  return {
    commandId: reminderIdOf(key),
    bodyHash: createHash('sha256').update(key).digest('hex'),
    keyed: false,
    actor: { userId: 'urging-scheduler', agencyId: null, role: 'system' },
    correlationId: randomUUID(),
    occurredAt: startOfVietnamDay(date),
  };
}
