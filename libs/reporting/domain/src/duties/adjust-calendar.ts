import { REPORTING_EVENT_TYPES, type CalendarAdjusted } from '@dm/contracts';
import { Command, type Decider } from '@dm/eventsourcing';

export type CalendarEvent = { type: typeof REPORTING_EVENT_TYPES.calendarAdjusted; data: CalendarAdjusted };

/** An admin records a make-up working day or an extra day off (POST /api/v1/calendar/adjustments). */
export class AdjustCalendar extends Command<'AdjustCalendar', CalendarAdjusted> {
  readonly type = 'AdjustCalendar';
}

/** The working calendar's stream: every adjustment, in the order recorded (the latest of a date wins). */
export const calendarDecider: Decider<CalendarAdjusted[], AdjustCalendar, CalendarEvent> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.data],
  decide: ({ data }) => [{ type: REPORTING_EVENT_TYPES.calendarAdjusted, data: { ...data } }],
};
