import {
  REPORTING_EVENT_TYPES,
  type Actor,
  type CalendarAdjusted,
  type PeriodicReportSubmitted,
  type RecordedEvent,
  type RegimeSet,
  type ReminderDelivery,
  type ReminderIssued,
  type ReportIssued,
  type ReportingEvent,
} from '@dm/contracts';
import type { EventStore } from '@dm/eventsourcing';
import { WorkingCalendar } from '@dm/periods';
import { submissionKey, type SubmittedReport } from '@dm/reporting-domain';

interface Recorded {
  eventId: string;
  recordedAt: string;
  actor: Actor;
}

export type RegimeEntry = RegimeSet & Recorded & { version: number };
export type SubmissionEntry = PeriodicReportSubmitted & Recorded & { revision: number };
export type RevisionEntry = Omit<ReportIssued, 'content'> & Recorded & { number: string; date: string; streamRevision: number };
export interface IssuedReportEntry {
  reportId: string;
  directiveId: string | null;
  period: string;
  calendar: string;
  revisions: RevisionEntry[];
}
export type ReminderEntry = ReminderIssued & Recorded & { deliveries: Array<ReminderDelivery & { recordedAt: string }> };

/**
 * What the reporting store holds, folded in memory (docs/reporting.md): the
 * working calendar, each directive's regime, the periodic reports submitted,
 * the issued reports' revisions (without their content, read from their
 * stream when asked) and the reminders with their deliveries. Each read
 * first catches up with the store from the last position folded.
 */
export class ReportingLedger {
  private position = 0;
  private adjustments: CalendarAdjusted[] = [];
  private workingCalendar = new WorkingCalendar([]);
  readonly regimes = new Map<string, RegimeEntry>();
  private readonly submissions = new Map<string, SubmissionEntry[]>();
  private readonly firstSubmitted = new Map<string, SubmittedReport>();
  readonly issued = new Map<string, IssuedReportEntry>();
  private readonly reminderById = new Map<string, ReminderEntry>();
  private readonly remindersByAssignment = new Map<string, ReminderEntry[]>();
  private readonly reminderKeys = new Set<string>();
  private catching: Promise<void> | null = null;
  private readonly listeners: Array<(reminders: ReminderEntry[]) => void> = [];

  constructor(readonly store: EventStore) {}

  /** Called with the reminders each catch-up finds new (the delivery queue takes them). */
  onReminders(listener: (reminders: ReminderEntry[]) => void): void {
    this.listeners.push(listener);
  }

  async catchUp(): Promise<this> {
    if (this.catching) await this.catching.catch(() => undefined);
    this.catching ??= this.read().finally(() => (this.catching = null));
    await this.catching;
    return this;
  }

  get calendar(): WorkingCalendar {
    return this.workingCalendar;
  }

  get calendarAdjustments(): CalendarAdjusted[] {
    return this.adjustments;
  }

  submitted = (key: string): SubmittedReport | undefined => this.firstSubmitted.get(key);

  submissionsOf(filter: { directiveId?: string; agencyId?: string; period?: string }): SubmissionEntry[] {
    return [...this.submissions.values()]
      .flat()
      .filter(
        (s) =>
          (!filter.directiveId || s.directiveId === filter.directiveId) &&
          (!filter.agencyId || s.agencyId === filter.agencyId) &&
          (!filter.period || s.period === filter.period),
      );
  }

  hasReminder(key: string): boolean {
    return this.reminderKeys.has(key);
  }

  reminder(id: string): ReminderEntry | undefined {
    return this.reminderById.get(id);
  }

  /** The reminders about one assignment, oldest first. */
  remindersOf(assignmentId: string): ReminderEntry[] {
    return this.remindersByAssignment.get(assignmentId) ?? [];
  }

  reminders(): ReminderEntry[] {
    return [...this.reminderById.values()];
  }

  private async read(): Promise<void> {
    if ((await this.store.headPosition()) <= this.position) return;
    const fresh: ReminderEntry[] = [];
    let calendarChanged = false;
    try {
      await this.fold(fresh, () => (calendarChanged = true));
    } finally {
      // Whatever was folded before a read failed is in force: the calendar, and the reminders to send.
      if (calendarChanged) this.workingCalendar = new WorkingCalendar(this.adjustments);
      if (fresh.length) for (const listener of this.listeners) listener(fresh);
    }
  }

  private async fold(fresh: ReminderEntry[], calendarChanged: () => void): Promise<void> {
    for await (const event of this.store.readAll({ after: this.position })) {
      const e = event as RecordedEvent<ReportingEvent>;
      const recorded = { eventId: e.eventId, recordedAt: e.recordedAt, actor: e.actor };
      switch (e.type) {
        case REPORTING_EVENT_TYPES.calendarAdjusted:
          this.adjustments = [...this.adjustments, e.data];
          calendarChanged();
          break;
        case REPORTING_EVENT_TYPES.regimeSet:
          this.regimes.set(e.data.directiveId, { ...e.data, ...recorded, version: e.streamRevision + 1 });
          break;
        case REPORTING_EVENT_TYPES.periodicReportSubmitted: {
          const key = submissionKey(e.data.directiveId, e.data.dutyId, e.data.agencyId, e.data.period);
          this.submissions.set(key, [...(this.submissions.get(key) ?? []), { ...e.data, ...recorded, revision: e.streamRevision }]);
          const first = this.firstSubmitted.get(key);
          if (!first || e.data.submittedOn < first.firstSubmittedOn) this.firstSubmitted.set(key, { firstSubmittedOn: e.data.submittedOn });
          break;
        }
        case REPORTING_EVENT_TYPES.reportIssued: {
          const { content, ...meta } = e.data;
          const entry = this.issued.get(meta.reportId) ?? {
            reportId: meta.reportId,
            directiveId: meta.directiveId,
            period: meta.period,
            calendar: meta.calendar,
            revisions: [],
          };
          entry.revisions.push({
            ...meta,
            ...recorded,
            number: content.heading.number,
            date: content.heading.date,
            streamRevision: e.streamRevision,
          });
          this.issued.set(meta.reportId, entry);
          break;
        }
        case REPORTING_EVENT_TYPES.reminderIssued: {
          const entry: ReminderEntry = { ...e.data, ...recorded, deliveries: [] };
          this.reminderById.set(e.data.reminderId, entry);
          if (entry.assignmentId) this.remindersByAssignment.set(entry.assignmentId, [...this.remindersOf(entry.assignmentId), entry]);
          this.reminderKeys.add(e.data.key);
          fresh.push(entry);
          break;
        }
        case REPORTING_EVENT_TYPES.reminderDelivery:
          this.reminderById.get(e.data.reminderId)?.deliveries.push({ ...e.data, recordedAt: e.recordedAt });
          break;
      }
      this.position = e.globalPosition;
    }
  }
}
