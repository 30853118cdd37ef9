import { v5 as uuidv5 } from 'uuid';
import { isWellFormedText } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';

/** UUIDv5 namespace of directive ids (fixed forever: changing it changes every id). */
export const DIRECTIVE_ID_NAMESPACE = '27409076-5913-4803-b03a-d43b9e994508';
/** UUIDv5 namespace of assignment ids (fixed forever). */
export const ASSIGNMENT_ID_NAMESPACE = '66cc07cf-8a6c-4692-8848-52cc3ea1a12b';

/** `4308/ubnd-vx ` → `4308/UBND-VX`: NFC, trimmed, internal whitespace collapsed, upper case. */
export function normalizeDocumentNumber(number: string): string {
  return number.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().normalize('NFC');
}

/**
 * The id of a directive: the same number from the same issuer in the same
 * year (numbers restart every 1 January) always gives the same id.
 */
export function directiveIdFor(issuer: string, issuedOn: string, number: string): string {
  wellFormed(number, 'number');
  return uuidv5(`${issuer}|${issuedOn.slice(0, 4)}|${normalizeDocumentNumber(number)}`, DIRECTIVE_ID_NAMESPACE);
}

/** The id of one assignment: one task × one agency × one role of a directive. */
export function assignmentIdFor(directiveId: string, taskNumber: string, agencyId: string, role: 'lead' | 'coordinating'): string {
  wellFormed(taskNumber, 'taskNumber');
  wellFormed(agencyId, 'agencyId');
  return uuidv5([directiveId, taskNumber, agencyId, role].join('|'), ASSIGNMENT_ID_NAMESPACE);
}

/**
 * A UUIDv5 is made of the name's UTF-8 bytes, and a lone surrogate has none
 * (uuid throws a URIError: a 500). The edge refuses such text before it gets
 * here (docs/security.md, "Text and JSON bodies"); this keeps it a 400 if
 * another way in ever forgets to.
 */
function wellFormed(value: string, field: string) {
  if (!isWellFormedText(value))
    throw new ValidationError(`The ${field} is not well-formed Unicode text`, field, 'must be well-formed Unicode text');
}
