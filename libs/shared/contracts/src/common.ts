import { z } from 'zod';

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

/** A lone UTF-16 surrogate: not text, and not something an id or a hash can be made of. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const WELL_FORMED = 'must be well-formed Unicode text';

export const text = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine(wellFormed, WELL_FORMED);

/** An optional text: absent, null or blank all read as null. */
export const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: 'must be a string' })
    .trim()
    .max(max)
    .refine(wellFormed, WELL_FORMED)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const agencyId = z
  .string({ required_error: 'is required', invalid_type_error: 'must be an agency or group id' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an agency or group id');

/** The date of a stored event's data, as written by this system. */
export const storedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A name a person reads (an agency's, a group's): NFC, with at least one letter or digit. */
export const nameText = (max: number) =>
  text(max)
    .transform((s) => s.normalize('NFC'))
    .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain a letter or a digit');

/** A date of the registry's records: `YYYY-MM-DD` between 1900 and 2100. */
export const recordDate = isoDateString.refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'must lie between 1900-01-01 and 2100-12-31');
