import type { DirectiveDraft, DraftAgency, DraftTask, DraftWarning } from '@dm/contracts/directive-import';
import type { Recurrence } from '@dm/contracts/web';
import { DIRECTIVE_FIELDS, directiveBody, type DirectiveValues, type IssueDirectiveBody, type TaskValues } from './directive-body';
import { parseFieldPath, placeErrors, type FieldError, type FieldPattern, type NamePath } from './problem';

/**
 * The import's review (issue 15): a draft read from a directive's text as the
 * issuing form's values and back, the fields a reviewer must look at (a low
 * confidence, a name the registry could not place, a warning), and the
 * directive it issues.
 */

/** A field read with less confidence than this is marked for the reviewer. */
export const UNCERTAIN_BELOW = 0.8;

/** A date picker's value (a dayjs), as far as this module needs it. */
type DateValue = { format(template: string): string } | null | undefined;
const isoDate = (value: DateValue) => (value ? value.format('YYYY-MM-DD') : null);
const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export interface ImportTaskValues extends TaskValues {
  /** Names the text gives for the task's lead that the registry could not place, as written. */
  leadUnplaced?: string[];
  coordinatingUnplaced?: string[];
  /** The index of the draft's task these values come from; absent for a task the reviewer added. */
  draftIndex?: number;
  /** The deadline's phrase as the text writes it (shown, not edited). */
  deadlineText?: string | null;
  /** The repeating deadline the text sets, kept while the reviewer sets no date instead. */
  recurring?: Recurrence | null;
  monitoring?: boolean;
}

export interface ImportValues extends Omit<DirectiveValues, 'tasks'> {
  /** Addressees as written that the registry could not place. */
  addresseesUnplaced?: string[];
  tasks?: ImportTaskValues[];
}

const placed = (agencies: DraftAgency[]) => [...new Set(agencies.flatMap((a) => (a.agencyId ? [a.agencyId] : [])))];
const unplaced = (agencies: DraftAgency[]) => agencies.filter((a) => !a.agencyId).map((a) => a.text);

/** The draft as the form's initial values; `day` makes a date picker's value of a date `YYYY-MM-DD`. */
export function draftToValues(draft: DirectiveDraft, day: (iso: string) => DateValue): ImportValues {
  return {
    number: draft.number ?? undefined,
    type: draft.type ?? undefined,
    issuer: draft.issuer ?? undefined,
    issuedOn: draft.issuedOn ? day(draft.issuedOn) : undefined,
    subject: draft.subject ?? undefined,
    legalBasis: draft.legalBasis.length ? [...draft.legalBasis] : [''],
    addressees: [...draft.addressees],
    addresseesUnplaced: unplaced(draft.names.addressees),
    signer: { name: draft.signer?.name, capacity: draft.signer?.capacity ?? undefined, title: draft.signer?.title },
    monitoringAgency: draft.monitoringAgency ?? undefined,
    tasks: draft.tasks.map((task, index) => ({
      draftIndex: index,
      number: task.number,
      text: task.text,
      mode: task.mode,
      lead: placed(task.lead),
      leadUnplaced: unplaced(task.lead),
      coordinating: placed(task.coordinating),
      coordinatingUnplaced: unplaced(task.coordinating),
      deadline: task.deadline ? day(task.deadline) : null,
      deadlineText: task.deadlineText,
      recurring: task.recurring,
      reportDuty: task.reportDuty ?? undefined,
      monitoring: task.monitoring,
    })),
  };
}

/** The request that issues the reviewed directive: the issuing form's body, with each task's repeating deadline kept while no date is set. */
export function importIssueBody(values: ImportValues): IssueDirectiveBody {
  const body = directiveBody(values);
  return {
    ...body,
    tasks: body.tasks.map((task, index) => {
      const recurring = values.tasks?.[index]?.recurring;
      if (!recurring || task.deadline) return task;
      const { phrase, ...rule } = recurring;
      return { ...task, recurrence: { ...rule, ...(phrase ? { phrase } : {}) } };
    }),
  };
}

/** Names still unplaced when the reviewer issues: each must be placed in the registry or struck out first. */
export function unplacedErrors(values: ImportValues, message: (names: string[]) => string): FieldError[] {
  const errors: FieldError[] = [];
  if (values.addresseesUnplaced?.length) errors.push({ path: ['addressees'], message: message(values.addresseesUnplaced) });
  (values.tasks ?? []).forEach((task, index) => {
    for (const role of ['lead', 'coordinating'] as const) {
      const names = task[`${role}Unplaced`] ?? [];
      if (names.length) errors.push({ path: ['tasks', index, role], message: message(names) });
    }
  });
  return errors;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** An agency list as the draft writes it: each entry as read where the reviewer kept it, the others placed by the reviewer. */
function agenciesOf(original: DraftAgency[], ids: string[], names: string[], nameOf: (id: string) => string): DraftAgency[] {
  const kept = ids.map((id) => original.find((a) => a.agencyId === id) ?? { text: nameOf(id), agencyId: id, confidence: 1 });
  const left = names.map((text) => original.find((a) => !a.agencyId && a.text === text) ?? { text, agencyId: null, confidence: 0 });
  return [...kept, ...left];
}

/**
 * The corrected draft (PUT /api/v1/directives/imports/<id>): the reviewer's
 * values in the draft's shape. A field the reviewer changed is certain
 * (confidence 1) and its warnings go; what the reviewer left is as read.
 */
export function valuesToDraft(draft: DirectiveDraft, values: ImportValues, nameOf: (id: string) => string): DirectiveDraft {
  const changed = new Set<string>();
  const take = <T>(key: string, before: T, after: T, same = (a: T, b: T) => a === b): T => {
    if (!same(before, after)) changed.add(key);
    return after;
  };
  const legalBasis = (values.legalBasis ?? []).flatMap((b) => (b?.trim() ? [b.trim()] : []));
  const addressees = values.addressees ?? [];
  const addresseesUnplaced = values.addresseesUnplaced ?? [];
  const signer =
    values.signer?.name?.trim() || values.signer?.title?.trim()
      ? { name: values.signer.name?.trim() ?? '', capacity: textOrNull(values.signer.capacity), title: values.signer.title?.trim() ?? '' }
      : null;
  const header = {
    number: take('number', draft.number, textOrNull(values.number)),
    type: take('type', draft.type, values.type ?? null),
    issuer: take('issuer', draft.issuer, values.issuer ?? null),
    issuedOn: take('issuedOn', draft.issuedOn, isoDate(values.issuedOn)),
    subject: take('subject', draft.subject, textOrNull(values.subject)),
    legalBasis: take('legalBasis', draft.legalBasis, legalBasis, sameList),
    addressees: take('addressees', draft.addressees, addressees, sameList),
    signer: take('signer', draft.signer, signer, (a, b) => JSON.stringify(a) === JSON.stringify(b)),
    monitoringAgency: take('monitoringAgency', draft.monitoringAgency, values.monitoringAgency ?? null),
  };
  if (!sameList(unplaced(draft.names.addressees), addresseesUnplaced)) changed.add('addressees');

  const tasks = (values.tasks ?? []).map((task, index): DraftTask => {
    const before = task.draftIndex === undefined ? undefined : draft.tasks[task.draftIndex];
    const mark = (field: string, same: boolean) => {
      if (!before || !same) changed.add(`tasks.${index}.${field}`);
    };
    const lead = agenciesOf(before?.lead ?? [], task.lead ?? [], task.leadUnplaced ?? [], nameOf);
    const coordinating = agenciesOf(before?.coordinating ?? [], task.coordinating ?? [], task.coordinatingUnplaced ?? [], nameOf);
    const deadline = isoDate(task.deadline);
    const agencyKey = (list: DraftAgency[]) => JSON.stringify(list.map((a) => [a.text, a.agencyId]));
    mark('number', before?.number === (task.number ?? ''));
    mark('text', before?.text === (task.text ?? ''));
    mark('mode', before?.mode === (task.mode ?? 'giao'));
    mark('lead', agencyKey(before?.lead ?? []) === agencyKey(lead));
    mark('coordinating', agencyKey(before?.coordinating ?? []) === agencyKey(coordinating));
    mark('deadline', before?.deadline === deadline);
    const sure = (field: keyof DraftTask['confidence']) => (changed.has(`tasks.${index}.${field}`) ? 1 : (before?.confidence[field] ?? 1));
    return {
      number: task.number ?? '',
      text: task.text ?? '',
      mode: task.mode ?? 'giao',
      lead,
      coordinating,
      deadline,
      deadlineText: task.deadlineText ?? null,
      recurring: deadline ? null : (task.recurring ?? null),
      reportDuty: textOrNull(task.reportDuty),
      monitoring: task.monitoring ?? false,
      confidence: {
        number: sure('number'),
        text: sure('text'),
        mode: sure('mode'),
        lead: sure('lead'),
        coordinating: sure('coordinating'),
        deadline: sure('deadline'),
      },
      source: before?.source ?? { from: 0, to: 0 },
    };
  });

  const headerSure = (field: keyof DirectiveDraft['confidence']) => (changed.has(field) ? 1 : draft.confidence[field]);
  const nameFor = (before: DraftAgency | null, id: string | null, field: string): DraftAgency | null => {
    if (!changed.has(field)) return before;
    return id ? { text: nameOf(id), agencyId: id, confidence: 1 } : null;
  };
  const tasksChanged = tasks.length !== draft.tasks.length || values.tasks?.some((t, i) => t.draftIndex !== i);
  return {
    ...draft,
    ...header,
    tasks,
    names: {
      issuer: nameFor(draft.names.issuer, header.issuer, 'issuer'),
      monitoringAgency: nameFor(draft.names.monitoringAgency, header.monitoringAgency, 'monitoringAgency'),
      addressees: agenciesOf(draft.names.addressees, addressees, addresseesUnplaced, nameOf),
    },
    confidence: {
      number: headerSure('number'),
      type: headerSure('type'),
      issuer: headerSure('issuer'),
      issuedOn: headerSure('issuedOn'),
      subject: headerSure('subject'),
      legalBasis: headerSure('legalBasis'),
      addressees: headerSure('addressees'),
      signer: headerSure('signer'),
      monitoringAgency: headerSure('monitoringAgency'),
      tasks: tasksChanged ? 1 : draft.confidence.tasks,
    },
    // A warning stays while the reviewer has not touched its field (tasks renumbered by a removal keep none of theirs).
    warnings: draft.warnings.filter((w) => {
      const path = reviewPath(w.field);
      if (path[0] === 'tasks' && tasksChanged) return false;
      const key = path.slice(0, path[0] === 'tasks' ? 3 : 1).join('.');
      return !changed.has(key) && !(path[0] === 'signer' && changed.has('signer'));
    }),
  };
}

/** The fields a warning or a problem may name on the review form: the issuing form's, and a task as a whole. */
export const IMPORT_FIELDS: FieldPattern[] = [...DIRECTIVE_FIELDS, ['tasks', '*']];

/**
 * A draft's field path as the review form's field: the header's names beside
 * their fields, a deadline's phrase or rule at the deadline, the signer at its name.
 */
export function reviewPath(field: string): NamePath {
  const path = parseFieldPath(field);
  if (path[0] === 'names') return path.slice(1);
  if (path[0] === 'signer' && path.length === 1) return ['signer', 'name'];
  if (path[0] === 'tasks' && (path[2] === 'deadlineText' || path[2] === 'recurring')) return ['tasks', path[1], 'deadline'];
  return path;
}

/** What the reviewer is told about one field of the form. */
export interface FieldMark {
  name: NamePath;
  /** The reader's confidence, when below the threshold (0 for a field it found nothing for). */
  confidence: number | null;
  /** Names as written the registry could not place. */
  unplaced: string[];
  warnings: ReaderWarning[];
}

/** A reader's warning as the page shows it (warningText). */
export type ReaderWarning = Pick<DraftWarning, 'message' | 'code' | 'params'>;

export interface ReviewMarks {
  /** By the field's name joined with dots ("tasks.4.lead"). */
  fields: Map<string, FieldMark>;
  /** Every warning in the draft's order, with the form field it is shown beside (null: about no field of the form). */
  warnings: Array<ReaderWarning & { field: string; name: NamePath | null }>;
}

export const markKey = (name: NamePath) => name.join('.');

/** The fields a reviewer must look at: read with less than `threshold` confidence, found empty, naming unplaced agencies, or warned about. */
export function reviewMarks(draft: DirectiveDraft, threshold = UNCERTAIN_BELOW): ReviewMarks {
  const fields = new Map<string, FieldMark>();
  const mark = (name: NamePath) => {
    const key = markKey(name);
    const found = fields.get(key) ?? { name, confidence: null, unplaced: [], warnings: [] };
    fields.set(key, found);
    return found;
  };
  const sure = (name: NamePath, confidence: number, missing = false) => {
    if (missing) mark(name).confidence = 0;
    else if (confidence < threshold) mark(name).confidence = confidence;
  };
  const c = draft.confidence;
  sure(['number'], c.number, !draft.number);
  sure(['type'], c.type, !draft.type);
  sure(['issuer'], c.issuer, !draft.issuer);
  sure(['issuedOn'], c.issuedOn, !draft.issuedOn);
  sure(['subject'], c.subject, !draft.subject);
  sure(['legalBasis', 0], c.legalBasis);
  sure(['addressees'], c.addressees);
  sure(['signer', 'name'], c.signer, !draft.signer);
  sure(['monitoringAgency'], c.monitoringAgency, !draft.monitoringAgency);
  if (draft.names.issuer && !draft.names.issuer.agencyId) mark(['issuer']).unplaced.push(draft.names.issuer.text);
  if (draft.names.monitoringAgency && !draft.names.monitoringAgency.agencyId)
    mark(['monitoringAgency']).unplaced.push(draft.names.monitoringAgency.text);
  const addressees = unplaced(draft.names.addressees);
  if (addressees.length) mark(['addressees']).unplaced.push(...addressees);

  draft.tasks.forEach((task, index) => {
    for (const field of ['number', 'text', 'mode', 'deadline'] as const) sure(['tasks', index, field], task.confidence[field]);
    for (const role of ['lead', 'coordinating'] as const) {
      const agencies = task[role];
      const least = Math.min(task.confidence[role], ...agencies.map((a) => a.confidence));
      sure(['tasks', index, role], least, role === 'lead' && agencies.length === 0);
      const names = unplaced(agencies);
      if (names.length) mark(['tasks', index, role]).unplaced.push(...names);
    }
  });

  const placedWarnings = draft.warnings.map((w) => {
    const path = reviewPath(w.field);
    const at = placeErrors([{ path, message: w.message }], IMPORT_FIELDS).fields[0]?.name ?? null;
    if (at) mark(at).warnings.push(w);
    return { field: w.field, message: w.message, code: w.code, params: w.params, name: at };
  });
  return { fields, warnings: placedWarnings };
}

/**
 * The element a link to a field focuses: the form control's id as AntD makes
 * it (`<form name>_tasks_4_lead`), a legal basis's own id, a task's card.
 */
export function fieldElementId(formName: string, name: NamePath): string {
  if (name[0] === 'legalBasis' && name.length === 2) return `legalBasis_${name[1]}`;
  if (name[0] === 'tasks' && name.length === 2) return `${formName}-task-${name[1]}`;
  return `${formName}_${name.join('_')}`;
}

/** The lines of the source, 1-based, with whether each is in the range shown. */
export function sourceLines(
  text: string,
  range: { from: number; to: number } | null,
): Array<{ number: number; text: string; marked: boolean }> {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({
      number: index + 1,
      text: line,
      marked: !!range && index + 1 >= range.from && index + 1 <= range.to,
    }));
}

/** A .txt file's bytes as text: UTF-8, a byte-order mark dropped; null when the bytes are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
