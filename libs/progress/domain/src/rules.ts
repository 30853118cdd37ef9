import { IllegalStateError } from '@dm/eventsourcing';
import { requireBusinessDate } from '@dm/periods';
import type { AssignmentContext, AssignmentState } from './assignment';

/** Rules every command on an assignment keeps. */

export function requireLive(context: AssignmentContext): void {
  if (context.cancelled) throw new IllegalStateError(`the task of assignment ${context.assignmentId} is cancelled`);
}

export function requireNotConfirmed(state: AssignmentState): void {
  if (state.confirmed) throw new IllegalStateError(`the completion of ${state.confirmed.completedOn} is already confirmed`);
}

/** A business date on or after the directive's issue date and not after today. */
export function requireDateOfAssignment(date: string, field: string, context: AssignmentContext, today: string): string {
  return requireBusinessDate(date, field, { from: context.issuedOn, fromName: 'the directive was issued', today });
}
