import { RuleViolationError, ValidationError } from '@dm/eventsourcing';

/**
 * The rules on the business dates a command states (docs/domain.md,
 * "Business dates"). Dates compare as `YYYY-MM-DD` text; their form is
 * checked at the edge.
 */

/** `date` is not before `from`, which `fromName` names ("the directive was issued"). */
export function requireOnOrAfter(date: string, field: string, from: string, fromName: string): string {
  if (date < from) throw new ValidationError(`${field} ${date} is before ${fromName} (${from})`, field);
  return date;
}

/** `date` is not after today (Asia/Ho_Chi_Minh): nobody reports what has not happened. */
export function requireNotAfterToday(date: string, field: string, today: string): string {
  if (date > today) throw new ValidationError(`${field} ${date} is in the future (today is ${today})`, field);
  return date;
}

/** A date something happened on: from `from` up to today. */
export function requireBusinessDate(date: string, field: string, bounds: { from: string; fromName: string; today: string }): string {
  requireOnOrAfter(date, field, bounds.from, bounds.fromName);
  return requireNotAfterToday(date, field, bounds.today);
}

/** `date` is not before a business date the record already holds (`lastName` says which): the past is not rewritten (422). */
export function requireNotBeforeRecorded(date: string, field: string, last: string | null, lastName: string): string {
  if (last !== null && date < last) throw new RuleViolationError(`${field} ${date} is before ${lastName} (${last})`, field);
  return date;
}
