import { z } from 'zod';
import { isBlankText, textFault, tidyText } from './text';

export * from './text';

/** Field schemas shared by the requests of every context. */

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar date `YYYY-MM-DD` (2017-02-30 is refused). */
export const isoDateString = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'is not a calendar date');

/** Refuses what is not text (textFault); a required text blank once invisible characters are taken out is empty (min(1) tells the empty one). */
const checkText =
  (required: boolean) =>
  (s: string, ctx: z.RefinementCtx): void => {
    const fault = textFault(s);
    if (fault) ctx.addIssue({ code: z.ZodIssueCode.custom, message: fault });
    else if (required && s !== '' && isBlankText(s)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must not be empty' });
  };

/**
 * A required text of at most `max` characters: trimmed, well-formed, without
 * control characters (tab and newline aside), not empty once white space and
 * invisible characters (zero-width spaces, direction marks, fillers) are
 * taken out; kept in NFC with CRLF read as LF (./text.ts).
 */
export const text = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .superRefine(checkText(true))
    .transform(tidyText);

/** An optional text: absent, null, blank or only invisible characters all read as null. */
export const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: 'must be a string' })
    .trim()
    .max(max)
    .superRefine(checkText(false))
    .transform((v) => (isBlankText(v) ? null : tidyText(v)))
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const agencyId = z
  .string({ required_error: 'is required', invalid_type_error: 'must be an agency or group id' })
  .max(100, 'must be an agency or group id (at most 100 characters)')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an agency or group id');

/** The date of a stored event's data, as written by this system. */
export const storedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A name a person reads (an agency's, a group's): NFC, with at least one letter or digit. */
export const nameText = (max: number) => text(max).refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain a letter or a digit');

/** A date of the registry's records: `YYYY-MM-DD` between 1900 and 2100. */
export const recordDate = isoDateString.refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'must lie between 1900-01-01 and 2100-12-31');
