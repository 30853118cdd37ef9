import { assignmentStreamId, EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { IllegalStateError, type Decider } from '@dm/eventsourcing';
import { requireBusinessDate } from '@dm/periods';
import { decideConfirmCompletion, type ConfirmCompletion } from './confirm-completion';
import { decideReportCompletion, type ReportCompletion } from './report-completion';
import { decideReportProgress, type ReportProgress } from './report-progress';

/** What progress-events knows of an assignment, from the directive topic (its assignment view). */
export interface AssignmentContext {
  assignmentId: string;
  directiveId: string;
  directiveNumber: string;
  taskNumber: string;
  agencyId: string;
  issuedOn: string;
  issuer: string;
  issuerOffice: string | null;
  monitoringAgency: string;
  /** True once the assignment's task is cancelled. */
  cancelled: boolean;
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
}

export type AssignmentCommand = ReportProgress | ReportCompletion | ConfirmCompletion;

export const initialState = (): AssignmentState => ({
  events: 0,
  lastReportedOn: null,
  awaiting: null,
  confirmed: null,
  lastReturned: null,
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

/** Nothing may be reported or decided once the task is cancelled or a completion is confirmed. */
export function requireOpen(context: AssignmentContext, state: AssignmentState): void {
  if (context.cancelled) throw new IllegalStateError(`the task of assignment ${context.assignmentId} is cancelled`);
  if (state.confirmed) throw new IllegalStateError(`the completion of ${state.confirmed.completedOn} is already confirmed`);
}

/** A business date on or after the directive's issue date and not after today. */
export function requireDateOfAssignment(date: string, field: string, context: AssignmentContext, today: string): string {
  return requireBusinessDate(date, field, { from: context.issuedOn, fromName: 'the directive was issued', today });
}
