import { DomainError, requireIsoDate } from '@dm/periods';
import type { AssignmentContext } from './commands';
import type { AssignmentState } from './state';

export function requireLive(context: AssignmentContext): void {
  if (context.cancelled) throw new DomainError('conflict', `the task of assignment ${context.assignmentId} is cancelled`);
}

export function requireNotConfirmed(state: AssignmentState): void {
  if (state.confirmed) {
    throw new DomainError('conflict', `the completion of ${state.confirmed.completedOn} is already confirmed`);
  }
}

/** A business date on or after the issue date and, when `today` is known, not after it. */
export function requireBusinessDate(value: unknown, field: string, context: AssignmentContext, today: string | undefined): string {
  const date = requireIsoDate(value, field);
  if (date < context.issuedOn) {
    throw new DomainError('invalid', `${field} ${date} is before the directive was issued (${context.issuedOn})`, field);
  }
  if (today !== undefined && date > requireIsoDate(today, 'today')) {
    throw new DomainError('invalid', `${field} ${date} is in the future (today is ${today})`, field);
  }
  return date;
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError('invalid', `${field} must not be empty`, field);
  return value;
}

/** An optional text: null, or a string; a blank string is taken as null. */
export function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DomainError('invalid', `${field} must be a string or null`, field);
  return value.trim() === '' ? null : value;
}

export function requirePercent(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new DomainError('invalid', 'percent must be a number from 0 to 100', 'percent');
  }
  return value;
}

export function refOf(context: AssignmentContext) {
  return {
    assignmentId: context.assignmentId,
    directiveId: context.directiveId,
    taskNumber: context.taskNumber,
    agencyId: context.agencyId,
  };
}
