import {
  assignmentStreamId,
  EVENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AssignmentEvent,
  type Attachment,
  type Closure,
  type IncomingDocument,
  type Recurrence,
} from '@dm/contracts';
import { IllegalStateError, RuleViolationError, ValidationError, type Decider } from '@dm/eventsourcing';
import { formatVietnamese, obligationFor, requireBusinessDate, requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
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
  /** The task's recurring deadline: completions are then per period. Null for a one-off task. */
  recurrence: Recurrence | null;
  /** When it came by a transfer from an ended agency, the day `agencyId` took over that agency's duties (absent or null otherwise). */
  heldSince?: string | null;
}

/** The completion of one obligation: the whole assignment for a one-off task, one period for a recurring one. */
export interface CompletionState {
  /** The reported completion awaiting the monitoring office's decision, if any. */
  awaiting: { completedOn: string } | null;
  /** The accepted completion; no other may be reported while it stands. */
  confirmed: { completedOn: string; confirmedOn: string } | null;
  /** The last returned completion, if any. */
  lastReturned: { completedOn: string; returnedOn: string; reason: string } | null;
  /** The last reopened completion, if any. */
  lastReopened: { completedOn: string; reopenedOn: string } | null;
}

export interface AssignmentState {
  /** Number of events folded in. */
  events: number;
  lastReportedOn: string | null;
  /** By period: `''` for a one-off task, `2017-Q2` and the like for a recurring one. */
  completions: Record<string, CompletionState>;
}

const NO_COMPLETION: CompletionState = { awaiting: null, confirmed: null, lastReturned: null, lastReopened: null };

/** The completion state of one period (`''` for a one-off task). */
export const completionOf = (state: AssignmentState, period: string): CompletionState =>
  Object.hasOwn(state.completions, period) ? state.completions[period] : NO_COMPLETION;

export type AssignmentCommand = ReportProgress | ReportCompletion | ConfirmCompletion | ReopenCompletion;

export const initialState = (): AssignmentState => ({ events: 0, lastReportedOn: null, completions: {} });

/** Folds one assignment event into the state; never mutates its input. */
export function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const next = { ...state, events: state.events + 1 };
  if (event.type === EVENT_TYPES.progressReported) return { ...next, lastReportedOn: event.data.reportedOn };
  const period = event.data.period ?? '';
  const change = (c: Partial<CompletionState>) => ({
    ...next,
    completions: { ...state.completions, [period]: { ...completionOf(state, period), ...c } },
  });
  const { completedOn } = event.data;
  switch (event.type) {
    case EVENT_TYPES.completionReported:
      return change({ awaiting: { completedOn } });
    case EVENT_TYPES.completionConfirmed:
      return change({ awaiting: null, confirmed: { completedOn, confirmedOn: event.data.confirmedOn } });
    case EVENT_TYPES.completionReturned:
      return change({ awaiting: null, lastReturned: { completedOn, returnedOn: event.data.returnedOn, reason: event.data.reason } });
    case EVENT_TYPES.completionReopened:
      return change({ confirmed: null, lastReopened: { completedOn, reopenedOn: event.data.reopenedOn } });
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

/** Nothing may be reported or decided once the assignment is closed or the completion (of that period) is confirmed. */
export function requireOpen(context: AssignmentContext, state: AssignmentState, period = ''): void {
  requireNotClosed(context);
  const { confirmed } = completionOf(state, period);
  if (confirmed)
    throw new IllegalStateError(`the completion of ${confirmed.completedOn}${period ? ` for ${period}` : ''} is already confirmed`);
}

/**
 * The period a completion is for: `''` on a one-off task (a period is then
 * refused); on a recurring one, a period of its rule that is owed (due on
 * or after the assignment started) and has begun by today.
 */
export function requirePeriod(context: AssignmentContext, period: string | undefined, today: string): string {
  const rule = context.recurrence;
  if (!rule) {
    if (period) throw new ValidationError(`task ${context.taskNumber} has a one-off deadline, not periods`, 'period');
    return '';
  }
  if (!period) throw new ValidationError(`task ${context.taskNumber} recurs: name the period of the obligation`, 'period', 'is required');
  const obligation = obligationFor(rule, period);
  if (!obligation)
    throw new ValidationError(`${period} is not a period of task ${context.taskNumber}'s rule (every ${rule.every})`, 'period');
  if (obligation.dueOn < context.assignedOn)
    throw new ValidationError(`${period} was due on ${obligation.dueOn}, before the assignment started`, 'period');
  if (obligation.from > today) throw new ValidationError(`${period} has not begun`, 'period');
  return period;
}

/** The period key an event carries: none on a one-off task. */
export const periodField = (period: string) => (period ? { period } : {});

/** A business date on or after the assignment started and not after today. */
export function requireDateOfAssignment(date: string, field: string, context: AssignmentContext, today: string): string {
  const fromName = context.assignedOn === context.issuedOn ? 'the directive was issued' : 'the assignment started';
  return requireBusinessDate(date, field, { from: context.assignedOn, fromName, today });
}

/**
 * What an agency reports itself is dated from the day it holds the
 * assignment: before a transfer the work was the ended agency's, whose paper
 * reports a monitoring officer records (`incomingDocument`).
 */
export function requireHeldOn(date: string, field: string, context: AssignmentContext, incomingDocument: IncomingDocument | null): void {
  if (incomingDocument || !context.heldSince || date >= context.heldSince) return;
  throw new RuleViolationError(
    `${context.agencyId} took assignment ${context.assignmentId} over on ${formatVietnamese(context.heldSince)}: what was done before is the ended agency's, recorded from its paper report`,
    field,
    `is before ${formatVietnamese(context.heldSince)}, when ${context.agencyId} took the assignment over`,
  );
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

/**
 * What the event records of the file a report carries (its name, media type,
 * size and SHA-256), or nothing when it carries none. The bytes are kept by
 * the service under that hash before the event is appended.
 */
export function attachmentField(attachment: Attachment | null | undefined): { attachment?: Attachment } {
  if (!attachment) return {};
  const { fileName, mediaType, size, sha256 } = attachment;
  if (!/^[0-9a-f]{64}$/.test(sha256) || !Number.isInteger(size) || size < 1 || size > MAX_ATTACHMENT_BYTES)
    throw new ValidationError(
      `an attached file is 1 to ${MAX_ATTACHMENT_BYTES} bytes, named by its SHA-256`,
      'attachment.contentBase64',
      `must be 1 to ${MAX_ATTACHMENT_BYTES} bytes`,
    );
  return { attachment: { fileName, mediaType, size, sha256 } };
}
