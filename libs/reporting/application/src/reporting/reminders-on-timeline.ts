import { reminderStreamId, REPORTING_EVENT_TYPES, type TimelineEntry } from '@dm/contracts';
import { startOfVietnamDay } from '@dm/periods';
import type { ReportingLedger } from './reporting-ledger';

/** Who urged an assignment's agency, when and why, as timeline entries (source `r`), with each delivery's outcome. */
export function remindersOnTimeline(ledger: ReportingLedger, assignmentId: string, knownAt?: string): TimelineEntry[] {
  return ledger
    .remindersOf(assignmentId)
    .filter((r) => !knownAt || r.recordedAt <= knownAt)
    .map((r) => {
      const { eventId, recordedAt, actor, deliveries, ...data } = r;
      return {
        type: REPORTING_EVENT_TYPES.reminderIssued,
        occurredAt: startOfVietnamDay(r.foundOn),
        recordedAt,
        actor,
        data: { ...data, deliveries: deliveries.filter((d) => !knownAt || d.recordedAt <= knownAt) },
        source: 'r' as const,
        streamId: reminderStreamId(r.key),
        revision: 0,
        eventId,
      };
    });
}
