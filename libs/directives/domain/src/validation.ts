import { DomainError } from '@dm/periods';

/** Throws `DomainError('invalid', …, field)` unless the value is a string with something besides whitespace. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('invalid', `${field} must not be empty`, field);
  }
  return value;
}
