import { REPORTING_EVENT_TYPES, type ReminderDelivery, type ReminderIssued } from '@dm/contracts';
import { Command, type Decider } from '@dm/eventsourcing';

export type ReminderEvent =
  | { type: typeof REPORTING_EVENT_TYPES.reminderIssued; data: ReminderIssued }
  | { type: typeof REPORTING_EVENT_TYPES.reminderDelivery; data: ReminderDelivery };

/** The scheduler, or the office by hand, urges an agency (đôn đốc). */
export class IssueReminder extends Command<'IssueReminder', ReminderIssued> {
  readonly type = 'IssueReminder';
}

/** A delivery attempt's outcome, recorded on the reminder's stream. */
export class RecordDelivery extends Command<'RecordDelivery', { key: string; delivery: ReminderDelivery }> {
  readonly type = 'RecordDelivery';
}

export interface ReminderState {
  issued: boolean;
}

/** One stream per condition key: a reminder already issued for it decides nothing. */
export const reminderDecider: Decider<ReminderState, IssueReminder | RecordDelivery, ReminderEvent> = {
  initialState: () => ({ issued: false }),
  evolve: (state, event) => (event.type === REPORTING_EVENT_TYPES.reminderIssued ? { issued: true } : state),
  decide: (command, state) => {
    if (command instanceof IssueReminder)
      return state.issued ? [] : [{ type: REPORTING_EVENT_TYPES.reminderIssued, data: { ...command.data } }];
    return state.issued ? [{ type: REPORTING_EVENT_TYPES.reminderDelivery, data: { ...command.data.delivery } }] : [];
  },
};
