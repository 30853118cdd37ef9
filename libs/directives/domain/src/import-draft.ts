import {
  DIRECTIVE_IMPORT_EVENT_TYPES,
  directiveImportStreamId,
  type Actor,
  type DirectiveDraft,
  type DirectiveImportEvent,
  type DraftChange,
  type DraftStatus,
  type Recurrence,
} from '@dm/contracts';
import { Command, IllegalStateError, type Decider } from '@dm/eventsourcing';

/**
 * A directive import's review (docs/import.md): the draft an import read,
 * corrected field by field, then issued through the directive command (or
 * discarded). One stream per import, `directive-import-<draftId>`.
 */

export interface ImportDraftOf {
  exists: true;
  draftId: string;
  status: DraftStatus;
  /** The draft now: as read, with every correction applied. */
  draft: DirectiveDraft;
  /** The stream's revision: 0 as imported, one more per event. */
  revision: number;
  importedBy: DraftActor;
  directiveId: string | null;
}

export type ImportDraftState = { exists: false } | ImportDraftOf;

/** Who did it: the caller, as the event's actor also says. */
export type DraftActor = Pick<Actor, 'userId' | 'agencyId'>;

export interface DraftImportData {
  draftId: string;
  text: string;
  sha256: string;
  parserVersion: string;
  registryOn: string;
  registryVersion: string;
  draft: DirectiveDraft;
}

/** POST /api/v1/directives/import: a text read into a draft. */
export class DraftDirectiveImport extends Command<'DraftDirectiveImport', DraftImportData> {
  readonly type = 'DraftDirectiveImport';
}

/** PUT /api/v1/directives/imports/{draftId}: the draft as the reviewer corrected it, made on `expectedRevision` when given. */
export class CorrectDirectiveImport extends Command<
  'CorrectDirectiveImport',
  { draftId: string; draft: DirectiveDraft; expectedRevision?: number }
> {
  readonly type = 'CorrectDirectiveImport';
}

/** The draft issued as `directiveId` (by POST /api/v1/directives with importDraftId), with the request as issued. */
export class IssueDirectiveImport extends Command<
  'IssueDirectiveImport',
  { draftId: string; directiveId: string; directiveNumber: string; directiveEventId: string; request: unknown }
> {
  readonly type = 'IssueDirectiveImport';
}

export class DiscardDirectiveImport extends Command<'DiscardDirectiveImport', { draftId: string; reason: string | null }> {
  readonly type = 'DiscardDirectiveImport';
}

export type ImportDraftCommand = DraftDirectiveImport | CorrectDirectiveImport | IssueDirectiveImport | DiscardDirectiveImport;

export const importDraftStreamOf = (command: ImportDraftCommand) => directiveImportStreamId(command.data.draftId);

const by = (command: ImportDraftCommand): DraftActor => ({
  userId: command.metadata.actor.userId,
  agencyId: command.metadata.actor.agencyId,
});

function decide(command: ImportDraftCommand, state: ImportDraftState): DirectiveImportEvent[] {
  if (command.type === 'DraftDirectiveImport') {
    if (state.exists) throw new IllegalStateError(`import draft ${command.data.draftId} exists already`);
    const { draftId, text, sha256, parserVersion, registryOn, registryVersion, draft } = command.data;
    return [
      {
        type: DIRECTIVE_IMPORT_EVENT_TYPES.drafted,
        data: { draftId, source: { text, sha256 }, parserVersion, registryOn, registryVersion, draft, importedBy: by(command) },
      },
    ];
  }
  if (!state.exists) throw new IllegalStateError(`no import draft ${command.data.draftId}`);
  switch (command.type) {
    case 'CorrectDirectiveImport': {
      requireOpen(state, 'corrected');
      const { expectedRevision } = command.data;
      if (expectedRevision !== undefined && expectedRevision !== state.revision)
        throw new IllegalStateError(
          `import draft ${state.draftId} is at revision ${state.revision}, not ${expectedRevision}: read it again and correct that`,
          'revision',
          `is ${state.revision} now`,
        );
      const changes = draftChanges(state.draft, command.data.draft);
      if (!changes.length) return [];
      return [{ type: DIRECTIVE_IMPORT_EVENT_TYPES.corrected, data: { draftId: state.draftId, changes, correctedBy: by(command) } }];
    }
    case 'IssueDirectiveImport': {
      const { directiveId, directiveNumber, directiveEventId, request } = command.data;
      // The second half of an issue that was cut off, or sent again: written once.
      if (state.status === 'issued' && state.directiveId === directiveId) return [];
      requireOpen(state, 'issued');
      const corrections = differences(issueRequestShape(issueRequestOf(state.draft).request), issueRequestShape(request));
      return [
        {
          type: DIRECTIVE_IMPORT_EVENT_TYPES.issued,
          data: { draftId: state.draftId, directiveId, directiveNumber, directiveEventId, corrections, issuedBy: by(command) },
        },
      ];
    }
    case 'DiscardDirectiveImport':
      if (state.status === 'discarded') return [];
      requireOpen(state, 'discarded');
      return [
        {
          type: DIRECTIVE_IMPORT_EVENT_TYPES.discarded,
          data: { draftId: state.draftId, reason: command.data.reason, discardedBy: by(command) },
        },
      ];
  }
}

/** An issued or discarded draft is closed: 409, naming the directive it became. */
function requireOpen(state: ImportDraftOf, what: string): void {
  if (state.status === 'issued')
    throw new IllegalStateError(`import draft ${state.draftId} was issued as directive ${state.directiveId}; it cannot be ${what}`);
  if (state.status === 'discarded') throw new IllegalStateError(`import draft ${state.draftId} was discarded; it cannot be ${what}`);
}

function evolve(state: ImportDraftState, event: DirectiveImportEvent): ImportDraftState {
  if (event.type === DIRECTIVE_IMPORT_EVENT_TYPES.drafted) {
    const { draftId, draft, importedBy } = event.data;
    return { exists: true, draftId, status: 'draft', draft, revision: 0, importedBy, directiveId: null };
  }
  if (!state.exists) return state;
  const next = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case DIRECTIVE_IMPORT_EVENT_TYPES.corrected:
      return { ...next, draft: applyChanges(state.draft, event.data.changes) };
    case DIRECTIVE_IMPORT_EVENT_TYPES.issued:
      return { ...next, status: 'issued', directiveId: event.data.directiveId };
    case DIRECTIVE_IMPORT_EVENT_TYPES.discarded:
      return { ...next, status: 'discarded' };
    default:
      return next;
  }
}

/** The decider of a directive import's stream. */
export const importDraftDecider: Decider<ImportDraftState, ImportDraftCommand, DirectiveImportEvent> = {
  initialState: () => ({ exists: false }),
  evolve,
  decide,
};

// ---- differences --------------------------------------------------------------

/** What the reader gives beside a field (how sure, which lines, what to check): not the draft's content, so never a correction. */
const ANNOTATIONS = new Set(['confidence', 'source', 'warnings']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value without the reader's annotations, as JSON (undefined members left out). */
function contentOf(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => contentOf(v) ?? null);
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (!ANNOTATIONS.has(k) && v !== undefined) out[k] = contentOf(v) as Json;
    return out;
  }
  return value as Json;
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => equal(a[k], b[k]));
  }
  return false;
}

/**
 * The paths at which two JSON values differ, deepest first: objects member by
 * member, arrays item by item (items past the shorter one added or removed,
 * removals last and from the end, so each applies in turn).
 */
export function differences(before: unknown, after: unknown, path = ''): DraftChange[] {
  if (equal(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const common = Math.min(before.length, after.length);
    const changes: DraftChange[] = [];
    for (let i = 0; i < common; i++) changes.push(...differences(before[i], after[i], join(path, i)));
    for (let i = common; i < after.length; i++) changes.push({ field: join(path, i), to: after[i] });
    for (let i = before.length - 1; i >= common; i--) changes.push({ field: join(path, i), from: before[i] });
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => {
      const [a, b] = [before[key], after[key]];
      if (a === undefined && b !== undefined) return [{ field: join(path, key), to: b }];
      if (b === undefined && a !== undefined) return [{ field: join(path, key), from: a }];
      return differences(a, b, join(path, key));
    });
  }
  return [{ field: path || '(draft)', from: before, to: after }];
}

/** The corrections from one draft to another: their content's differences (not the reader's confidence, lines or warnings). */
export const draftChanges = (before: DirectiveDraft, after: DirectiveDraft): DraftChange[] =>
  differences(contentOf(before), contentOf(after));

/** `tasks[2].lead[0].agencyId` → ['tasks', 2, 'lead', 0, 'agencyId']. */
export function pathParts(field: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return parts;
}

const TASK_FIELDS_RATED = new Set(['number', 'text', 'mode', 'lead', 'coordinating', 'deadline']);
const HEADER_FIELDS_RATED = new Set([
  'number',
  'type',
  'issuer',
  'issuedOn',
  'subject',
  'legalBasis',
  'addressees',
  'signer',
  'monitoringAgency',
  'tasks',
]);
const PERSON = 1;

/**
 * A draft with corrections applied, in order. A field a person set is
 * certain (confidence 1), and the warnings at, inside or around a corrected
 * field are taken as answered. A task or agency a person added has
 * confidence 1 and no source lines ({ from: 0, to: 0 }).
 */
export function applyChanges(draft: DirectiveDraft, changes: DraftChange[]): DirectiveDraft {
  const next = JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
  for (const change of changes) {
    const parts = pathParts(change.field);
    const last = parts.pop();
    if (last === undefined) continue;
    let holder: unknown = next;
    for (const part of parts) holder = (holder as Record<string | number, unknown>)?.[part];
    if (holder === null || typeof holder !== 'object') continue;
    if (!('to' in change) || change.to === undefined) {
      if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
      else delete (holder as Record<string, unknown>)[last];
    } else (holder as Record<string | number, unknown>)[last] = structuredClone(change.to);
    markReviewed(next as unknown as DirectiveDraft, [...parts, last]);
  }
  const result = next as unknown as DirectiveDraft;
  result.warnings = result.warnings.filter((w) => !changes.some((c) => related(w.field, c.field)));
  return result;
}

const under = (field: string, path: string) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
const related = (a: string, b: string) => under(a, b) || under(b, a);

function markReviewed(draft: DirectiveDraft, parts: Array<string | number>): void {
  const [head, index, field, agency] = parts;
  if (typeof head === 'string' && HEADER_FIELDS_RATED.has(head) && parts.length >= 1 && draft.confidence && head !== 'tasks')
    draft.confidence[head as keyof DirectiveDraft['confidence']] = PERSON;
  if (head === 'names' && typeof index === 'string') {
    const named = (draft.names as Record<string, unknown>)[index];
    const one = typeof field === 'number' && Array.isArray(named) ? named[field] : named;
    if (isObject(one)) one.confidence = PERSON;
  }
  if (head !== 'tasks' || typeof index !== 'number') return;
  const task = draft.tasks[index] as (typeof draft.tasks)[number] | undefined;
  if (!task) return;
  task.confidence ??= { number: PERSON, text: PERSON, mode: PERSON, lead: PERSON, coordinating: PERSON, deadline: PERSON };
  task.source ??= { from: 0, to: 0 };
  for (const role of ['lead', 'coordinating'] as const) for (const a of task[role] ?? []) if (isObject(a)) a.confidence ??= PERSON;
  if (typeof field === 'string' && TASK_FIELDS_RATED.has(field)) task.confidence[field as keyof typeof task.confidence] = PERSON;
  if ((field === 'lead' || field === 'coordinating') && typeof agency === 'number' && task[field][agency])
    task[field][agency].confidence = PERSON;
}

// ---- a draft as the issue-directive request -------------------------------------

/** A field the issue request needs that the draft leaves empty, named as a path of the draft. */
export interface MissingField {
  field: string;
  message: string;
}

export interface DraftAsRequest {
  /** The issue-directive request's body; null where the draft has nothing (see `missing`). */
  request: {
    number: string | null;
    type: string | null;
    issuer: string | null;
    issuedOn: string | null;
    subject: string | null;
    legalBasis: string[];
    addressees: string[];
    signer: { name: string; capacity: string | null; title: string } | null;
    monitoringAgency: string | null;
    tasks: Array<{
      number: string;
      text: string;
      mode: DirectiveDraft['tasks'][number]['mode'];
      lead: Array<string | null>;
      coordinating: Array<string | null>;
      deadline: string | null;
      reportDuty: string | null;
      recurrence?: Recurrence;
    }>;
  };
  missing: MissingField[];
}

/**
 * The draft as POST /api/v1/directives takes it: lead and coordinating as
 * their agency ids, `recurring` as `recurrence`; the deadline's phrase, the
 * names as written, confidences and warnings left out. `missing` names each
 * field the request needs that the draft leaves empty.
 */
export function issueRequestOf(draft: DirectiveDraft): DraftAsRequest {
  const missing: MissingField[] = [];
  const need = <T>(value: T | null, field: string, message: string): T | null => {
    if (value === null || (typeof value === 'string' && !value.trim())) missing.push({ field, message });
    return value;
  };
  const tasks = draft.tasks.map((t, i) => {
    if (!t.lead.length) missing.push({ field: `tasks[${i}].lead`, message: 'needs at least one lead agency or group' });
    const ids = (role: 'lead' | 'coordinating') =>
      t[role].map((a, j) =>
        need(a.agencyId, `tasks[${i}].${role}[${j}].agencyId`, `"${a.text}" is not placed in the registry: choose its agency or group`),
      );
    return {
      number: t.number,
      text: t.text,
      mode: t.mode,
      lead: ids('lead'),
      coordinating: ids('coordinating'),
      deadline: t.recurring ? null : t.deadline,
      reportDuty: t.reportDuty,
      ...(t.recurring ? { recurrence: t.recurring } : {}),
    };
  });
  if (!draft.tasks.length) missing.push({ field: 'tasks', message: 'needs at least one task' });
  const request = {
    number: need(draft.number, 'number', "the directive's number and symbol was not read"),
    type: need(draft.type, 'type', "the document's type was not read"),
    issuer: need(draft.issuer, 'issuer', 'the issuing body is not placed in the registry'),
    issuedOn: need(draft.issuedOn, 'issuedOn', 'the date of issue was not read'),
    subject: need(draft.subject, 'subject', 'the subject was not read'),
    legalBasis: [...draft.legalBasis],
    addressees: [...draft.addressees],
    signer: need(draft.signer ? { ...draft.signer } : null, 'signer', 'the signer was not read'),
    monitoringAgency: need(draft.monitoringAgency, 'monitoringAgency', 'no monitoring agency: name the agency that follows and reports'),
    tasks,
  };
  return { request, missing: missing.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field)) };
}

/** Header fields first, in the request's order, then the tasks'. */
const FIELD_ORDER = ['number', 'type', 'issuer', 'issuedOn', 'subject', 'signer', 'monitoringAgency', 'tasks'];
const fieldOrder = (field: string) => {
  const at = FIELD_ORDER.indexOf(pathParts(field)[0] as string);
  return at < 0 ? FIELD_ORDER.length : at;
};

/**
 * The fields of an issue request two requests are compared on, each in one
 * form (absent optional fields as their defaults), so that what differs is
 * what the issuer changed, not how it was spelled.
 */
export function issueRequestShape(request: unknown): Json {
  const r = (isObject(request) ? request : {}) as Record<string, any>;
  const tasks = Array.isArray(r.tasks) ? r.tasks : [];
  return contentOf({
    number: r.number ?? null,
    type: r.type ?? null,
    issuer: r.issuer ?? null,
    issuedOn: r.issuedOn ?? null,
    subject: r.subject ?? null,
    legalBasis: r.legalBasis ?? [],
    ...(r.basedOn?.length ? { basedOn: r.basedOn } : {}),
    addressees: r.addressees ?? [],
    signer: r.signer ? { name: r.signer.name, capacity: r.signer.capacity ?? null, title: r.signer.title } : null,
    monitoringAgency: r.monitoringAgency ?? null,
    tasks: tasks.map((t: Record<string, any>) => ({
      number: t.number,
      text: t.text,
      mode: t.mode,
      lead: t.lead ?? [],
      coordinating: t.coordinating ?? [],
      deadline: t.deadline ?? null,
      reportDuty: t.reportDuty ?? null,
      recurrence: t.recurrence ? { ...t.recurrence, phrase: t.recurrence.phrase ?? null } : null,
    })),
  }) as Json;
}
