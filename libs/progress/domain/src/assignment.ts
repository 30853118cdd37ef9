import { assignmentStreamId, EVENT_TYPES, type AssignmentEvent, type Closure, type IncomingDocument } from '@dm/contracts';
import { IllegalStateError, type Decider } from '@dm/eventsourcing';
import { requireBusinessDate, requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
import { decideConfirmCompletion, type ConfirmCompletion } from './confirm-completion';
import { decideReportCompletion, type ReportCompletion } from './report-completion';
import { decideReopenCompletion, type ReopenCompletion } from './reopen-completion';
import { decideReportProgress, type ReportProgress } from './report-progress';

/** What progress-events knows of an assignment, from the directive topic (its assignment view). */
export interface AssignmentContext {
  assignmentId: string;
  directiveId: string;
  directiveNumber: string;
  taskNumber: string;
  agencyId: string;
  role: 'lead' | 'coordinating';
  issuedOn: string;
  /** The business date the assignment started: the issue date, or the amendment's that added it. */
  assignedOn: string;
  issuer: string;
  issuerOffice: string | null;
  monitoringAgency: string;
  /** How and when the assignment closed (its task or it cancelled, the directive superseded or revoked), or null. */
  closed: { as: Closure; on: string } | null;
}

export interface AssignmentState {
  /** Number of events folded in. */
  events: number;
  lastReportedOn: string | null;
  /** The reported completion awaiting the monitoring office's decision, if any. */
  awaiting: { completedOn: string } | null;
  /** The accepted completion; nothing may be reported after it. */
  confirmed: { completedOn: string; confirmedOn: string } | null;
  /** The last returned completion, if any. */
  lastReturned: { completedOn: string; returnedOn: string; reason: string } | null;
  /** The last reopened completion, if any. */
  lastReopened: { completedOn: string; reopenedOn: string } | null;
}

export type AssignmentCommand = ReportProgress | ReportCompletion | ConfirmCompletion | ReopenCompletion;

export const initialState = (): AssignmentState => ({
  events: 0,
  lastReportedOn: null,
  awaiting: null,
  confirmed: null,
  lastReturned: null,
  lastReopened: null,
});

/** Folds one assignment event into the state; never mutates its input. */
export function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const next = { ...state, events: state.events + 1 };
  switch (event.type) {
    case EVENT_TYPES.progressReported:
      return { ...next, lastReportedOn: event.data.reportedOn };
    case EVENT_TYPES.completionReported:
      return { ...next, awaiting: { completedOn: event.data.completedOn } };
    case EVENT_TYPES.completionConfirmed:
      return { ...next, awaiting: null, confirmed: { completedOn: event.data.completedOn, confirmedOn: event.data.confirmedOn } };
    case EVENT_TYPES.completionReturned:
      return {
        ...next,
        awaiting: null,
        lastReturned: { completedOn: event.data.completedOn, returnedOn: event.data.returnedOn, reason: event.data.reason },
      };
    case EVENT_TYPES.completionReopened:
      return { ...next, confirmed: null, lastReopened: { completedOn: event.data.completedOn, reopenedOn: event.data.reopenedOn } };
    default:
      return state;
  }
}

/**
 * The decider of an assignment stream. Refusals, in this order: the task is
 * cancelled (conflict); the state forbids the command (conflict); a date
 * breaks a rule (invalid, with the field).
 */
export const assignmentDecider: Decider<AssignmentState, AssignmentCommand, AssignmentEvent> = {
  initialState,
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'ReportProgress':
        return decideReportProgress(command, state);
      case 'ReportCompletion':
        return decideReportCompletion(command, state);
      case 'ConfirmCompletion':
        return decideConfirmCompletion(command, state);
      case 'ReopenCompletion':
        return decideReopenCompletion(command, state);
    }
  },
};

/** The stream a command on an assignment is decided on. */
export const assignmentStreamOf = (command: AssignmentCommand) => assignmentStreamId(command.data.context.assignmentId);

/** The reference every assignment event's data starts with. */
export function refOf(context: AssignmentContext) {
  return {
    assignmentId: context.assignmentId,
    directiveId: context.directiveId,
    taskNumber: context.taskNumber,
    agencyId: context.agencyId,
  };
}

/** Rules every command on an assignment keeps. */

/** Nothing may be reported or decided on a closed assignment. */
export function requireNotClosed(context: AssignmentContext): void {
  if (context.closed) throw new IllegalStateError(`assignment ${context.assignmentId} was ${context.closed.as} on ${context.closed.on}`);
}

/** Nothing may be reported or decided once the assignment is closed or a completion is confirmed. */
export function requireOpen(context: AssignmentContext, state: AssignmentState): void {
  requireNotClosed(context);
  if (state.confirmed) throw new IllegalStateError(`the completion of ${state.confirmed.completedOn} is already confirmed`);
}

/** A business date on or after the assignment started and not after today. */
export function requireDateOfAssignment(date: string, field: string, context: AssignmentContext, today: string): string {
  const fromName = context.assignedOn === context.issuedOn ? 'the directive was issued' : 'the assignment started';
  return requireBusinessDate(date, field, { from: context.assignedOn, fromName, today });
}

/**
 * The paper report a monitoring officer records for the agency: sent on or
 * after the date it reports and not after today. Null when the agency reports itself.
 */
export function requireIncomingDocument(doc: IncomingDocument | null, businessDate: string, today: string): IncomingDocument | null {
  if (!doc) return null;
  requireNotAfterToday(doc.date, 'incomingDocument.date', today);
  requireOnOrAfter(doc.date, 'incomingDocument.date', businessDate, 'the date it reports');
  return { number: doc.number, date: doc.date };
}
