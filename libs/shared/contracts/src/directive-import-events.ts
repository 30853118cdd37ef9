import { z } from 'zod';
import { agencyId, isoDateString, storedDate, text } from './common';
import type { DirectiveDraft } from './directive-import';
import { recurrenceRequest, recurrenceSchema, TASK_MODES } from './directives';
import { textFault, tidyText } from './text';

/**
 * A directive import's review (issue 15, docs/import.md): the draft an import
 * read, the reviewer's corrections, and its issue through the directive
 * command, as the events of one stream per import (`directive-import-<uuid>`
 * in task-assignment's store). These streams are never published: their
 * source texts may be a megabyte, and no other context reads them.
 */

export const DIRECTIVE_IMPORT_EVENT_TYPES = {
  drafted: 'directive-import.drafted',
  corrected: 'directive-import.corrected',
  issued: 'directive-import.issued',
  discarded: 'directive-import.discarded',
} as const;

export const DRAFT_STATUSES = ['draft', 'issued', 'discarded'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

// ---- the draft as stored ------------------------------------------------------

const confidence = z.number().min(0).max(1);
const draftAgencyStored = z.object({ text: z.string(), agencyId: z.string().nullable(), confidence });
const sourceLines = z.object({ from: z.number().int(), to: z.number().int() });
const taskConfidence = z.object({
  number: confidence,
  text: confidence,
  mode: confidence,
  lead: confidence,
  coordinating: confidence,
  deadline: confidence,
});
const headerConfidence = z.object({
  number: confidence,
  type: confidence,
  issuer: confidence,
  issuedOn: confidence,
  subject: confidence,
  legalBasis: confidence,
  addressees: confidence,
  signer: confidence,
  monitoringAgency: confidence,
  tasks: confidence,
});
const draftWarning = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.union([z.string(), z.number()])).optional(),
});

const draftTaskStored = z.object({
  number: z.string(),
  text: z.string(),
  mode: z.enum(TASK_MODES),
  lead: z.array(draftAgencyStored),
  coordinating: z.array(draftAgencyStored),
  deadline: storedDate.nullable(),
  deadlineText: z.string().nullable(),
  recurring: recurrenceSchema.nullable(),
  reportDuty: z.string().nullable(),
  monitoring: z.boolean(),
  confidence: taskConfidence,
  source: sourceLines,
});

/** A DirectiveDraft (./directive-import.ts) as events carry it. */
export const directiveDraftSchema = z.object({
  number: z.string().nullable(),
  type: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: storedDate.nullable(),
  subject: z.string().nullable(),
  legalBasis: z.array(z.string()),
  addressees: z.array(z.string()),
  signer: z.object({ name: z.string(), capacity: z.string().nullable(), title: z.string() }).nullable(),
  monitoringAgency: z.string().nullable(),
  tasks: z.array(draftTaskStored),
  names: z.object({
    issuer: draftAgencyStored.nullable(),
    addressees: z.array(draftAgencyStored),
    monitoringAgency: draftAgencyStored.nullable(),
  }),
  place: z.string().nullable(),
  recipients: z.array(z.string()),
  signature: z.object({ signedBy: z.string(), signedAt: z.string().nullable() }).nullable(),
  confidence: headerConfidence,
  warnings: z.array(draftWarning),
}) satisfies z.ZodType<DirectiveDraft>;

/** One difference between two drafts (or a draft and the request it was issued as): a path of the draft and its values before and after; `from` absent for what was added, `to` for what was removed. */
export const draftChangeSchema = z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() });
export type DraftChange = z.infer<typeof draftChangeSchema>;

// ---- events -------------------------------------------------------------------

/** Who imported, corrected, issued or discarded (the event's actor says it too, with the role). */
const draftActor = z.object({ userId: z.string(), agencyId: z.string().nullable() });

/** A text imported and read: the text as sent (in NFC, CRLF read as LF), its SHA-256, the reader's version, the draft as read, and who imported it. */
export const directiveImportDraftedV1 = z.object({
  draftId: z.string().uuid(),
  source: z.object({ text: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  parserVersion: z.string(),
  /** The date the registry was read on (the directive's date read from the text, else the day of the import), and its version. */
  registryOn: storedDate,
  registryVersion: z.string(),
  draft: directiveDraftSchema,
  importedBy: draftActor,
});
export type DirectiveImportDrafted = z.infer<typeof directiveImportDraftedV1>;

/** A reviewer's corrections: only the fields that changed. */
export const directiveImportCorrectedV1 = z.object({
  draftId: z.string().uuid(),
  changes: z.array(draftChangeSchema).min(1),
  correctedBy: draftActor,
});
export type DirectiveImportCorrected = z.infer<typeof directiveImportCorrectedV1>;

/**
 * The draft issued as a directive (through POST /api/v1/directives with
 * importDraftId): the directive, the event that issued it, and how the
 * issued request differs from the last draft put as a request.
 */
export const directiveImportIssuedV1 = z.object({
  draftId: z.string().uuid(),
  directiveId: z.string(),
  directiveNumber: z.string(),
  directiveEventId: z.string(),
  corrections: z.array(draftChangeSchema),
  issuedBy: draftActor,
});
export type DirectiveImportIssued = z.infer<typeof directiveImportIssuedV1>;

export const directiveImportDiscardedV1 = z.object({ draftId: z.string().uuid(), reason: z.string().nullable(), discardedBy: draftActor });
export type DirectiveImportDiscarded = z.infer<typeof directiveImportDiscardedV1>;

export type DirectiveImportEvent =
  | { type: typeof DIRECTIVE_IMPORT_EVENT_TYPES.drafted; data: DirectiveImportDrafted }
  | { type: typeof DIRECTIVE_IMPORT_EVENT_TYPES.corrected; data: DirectiveImportCorrected }
  | { type: typeof DIRECTIVE_IMPORT_EVENT_TYPES.issued; data: DirectiveImportIssued }
  | { type: typeof DIRECTIVE_IMPORT_EVENT_TYPES.discarded; data: DirectiveImportDiscarded };

// ---- requests -----------------------------------------------------------------

/** The most text POST /api/v1/directives/import reads (its body limit is a little more). */
export const MAX_IMPORT_TEXT = 1024 * 1024;

/** A text of a draft: may be empty (a field the reader left blank), else clean text of at most `max` characters. */
const draftText = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .max(max)
    .superRefine((s, ctx) => {
      const fault = textFault(s);
      if (fault) ctx.addIssue({ code: z.ZodIssueCode.custom, message: fault });
    })
    .transform(tidyText);

const confidenceRequest = z.number({ invalid_type_error: 'must be a number 0-1' }).min(0).max(1);
const agencyOrNull = agencyId.nullable();
const draftAgencyRequest = z.object({ text: draftText(1_000), agencyId: agencyOrNull, confidence: confidenceRequest.optional() });

const draftTaskRequest = z
  .object({
    number: text(20),
    text: draftText(20_000),
    mode: z.enum(TASK_MODES, { errorMap: () => ({ message: `must be one of ${TASK_MODES.join(', ')}` }) }),
    lead: z.array(draftAgencyRequest).max(500),
    coordinating: z.array(draftAgencyRequest).max(500),
    deadline: isoDateString.nullable(),
    deadlineText: draftText(300).nullable(),
    recurring: recurrenceRequest.nullable(),
    reportDuty: draftText(2_000).nullable(),
    monitoring: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    confidence: taskConfidence.optional(),
    source: sourceLines.optional(),
  })
  .refine((t) => !t.recurring || t.deadline === null, {
    message: 'a recurring task has its rule for a deadline: give deadline null',
    path: ['deadline'],
  });

/**
 * PUT /api/v1/directives/imports/{draftId}: the draft as the reviewer
 * corrected it, in the shape GET answers. What the reader gave beside the
 * fields (confidence, source lines, warnings) may be sent back and is not
 * read; names, place, recipients and signature are kept as they were when
 * left out; what GET adds (draftId, status, source, history) is left aside;
 * `revision`, when given, is the revision the corrections were made on (as
 * If-Match): another is 409.
 */
export const correctDraftRequest = z.object({
  revision: z.number({ invalid_type_error: 'must be the revision the draft was read at' }).int().min(0).optional(),
  number: draftText(100).nullable(),
  type: draftText(40).nullable(),
  issuer: agencyOrNull,
  issuedOn: isoDateString.nullable(),
  subject: draftText(2_000).nullable(),
  legalBasis: z.array(draftText(1_000)).max(100),
  addressees: z.array(agencyId).max(500),
  signer: z.object({ name: draftText(200), capacity: draftText(100).nullable(), title: draftText(200) }).nullable(),
  monitoringAgency: agencyOrNull,
  tasks: z.array(draftTaskRequest).max(500),
  names: z
    .object({
      issuer: draftAgencyRequest.nullable(),
      addressees: z.array(draftAgencyRequest).max(500),
      monitoringAgency: draftAgencyRequest.nullable(),
    })
    .optional(),
  place: draftText(200).nullable().optional(),
  recipients: z.array(draftText(1_000)).max(500).optional(),
  signature: z
    .object({ signedBy: draftText(300), signedAt: draftText(40).nullable() })
    .nullable()
    .optional(),
  confidence: headerConfidence.optional(),
  warnings: z.array(z.object({ field: draftText(300), message: draftText(2_000) })).optional(),
});
export type CorrectDraftRequest = z.infer<typeof correctDraftRequest>;

/** POST /api/v1/directives/import as JSON (the body may also be the text itself, text/plain). */
export const importDirectiveRequest = z.object({
  text: z.string({ required_error: 'is required', invalid_type_error: 'must be the text of a directive' }).max(MAX_IMPORT_TEXT),
});

/** POST /api/v1/directives/imports/{draftId}/discard. */
export const discardDraftRequest = z.object({ reason: draftText(2_000).nullable().optional() }).default({});

// ---- answers ------------------------------------------------------------------

const draftAnswerFields = {
  draftId: z.string().uuid(),
  status: z.enum(DRAFT_STATUSES),
  /** The draft stream's revision: 0 as imported, one more for each correction (send it back as If-Match or `revision`). */
  revision: z.number().int(),
};

/** POST /api/v1/directives/import: the draft as read, its id, status and revision. */
export const importedDraftResponse = directiveDraftSchema.extend({
  ...draftAnswerFields,
  status: z.literal('draft'),
});

export const draftHistoryEntry = z.object({
  type: z.string(),
  revision: z.number().int(),
  /** When the event was recorded (ISO 8601, UTC). */
  at: z.string(),
  by: z.object({ userId: z.string(), agencyId: z.string().nullable(), role: z.string() }),
  /** The corrections (directive-import.corrected), or how the issued request differed from the draft (directive-import.issued). */
  changes: z.array(draftChangeSchema).optional(),
  directiveId: z.string().optional(),
  reason: z.string().nullable().optional(),
});

/** GET (and PUT) /api/v1/directives/imports/{draftId}: the current draft with its status, source text and history. */
export const draftResponse = directiveDraftSchema.extend({
  ...draftAnswerFields,
  directiveId: z.string().nullable(),
  source: z.string(),
  sourceSha256: z.string(),
  parserVersion: z.string(),
  history: z.array(draftHistoryEntry),
});
