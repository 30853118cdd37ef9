import { type DirectiveDraft, type DraftAgency, type DraftTask, type DraftWarning, type DraftWarningCode } from '@dm/contracts';
import { type AgencyMention, AgencyMatcher, type ImportRegistry } from './agencies';
import { type DeadlinePhrase, deadlinePhrases, taskDeadline } from './deadline';
import { closingStart, readCitedGrounds, readClosing, readHeader, type readLegalBasis, readSignatureStamp, sourceLines } from './header';
import {
  type Mode,
  type TaskSegment,
  agenciesAfter,
  coordinatingOf,
  draftAgency,
  endsWithAgencies,
  fieldAgencies,
  leadOf,
  monitoringScore,
  namesOnlyAgencies,
  openingVerb,
  ownMode,
  reportDutyOf,
  round,
  segmentBody,
  unplacedSubject,
} from './tasks';
import { fold } from './vietnamese';

export interface ImportOptions {
  /** Today's date (YYYY-MM-DD): dates a deadline without a year when the text has no issue date, and flags an issue date after it. */
  today?: string;
}

/** A deadline reader's reservation as a warning code. */
function deadlineNoteCode(note: string): DraftWarningCode {
  if (/no year|year taken/.test(note)) return 'deadline-no-year';
  if (/no day given|once a year/.test(note)) return 'deadline-recurring-default-day';
  return 'deadline-uncertain';
}

/**
 * A bare recurrence ("hằng năm" with no day of its own) after the first
 * clause of a task of several ("…; kiểm điểm, đánh giá cán bộ hằng năm.")
 * says how often that one action recurs, not when the task is due; opening
 * the task ("Hằng năm, các sở báo cáo …") it schedules the whole of it, and
 * on a report ("…; tổng hợp, báo cáo hằng quý") it is the report's rhythm.
 */
function partialRecurrence(phrase: DeadlinePhrase, text: string): boolean {
  if (!phrase.recurring || phrase.date || phrase.report || !phrase.note || !/no day given/.test(phrase.note)) return false;
  return /[;.:]\s/.test(text.slice(0, phrase.start));
}

/** The longest task text the issue-directive request takes. */
const MAX_TASK_TEXT = 20_000;
/** How much of a text the agency and deadline readers are given. */
const MAX_READ = 5_000;

/**
 * A directive's text, OCR noise included, read into a draft for review: the
 * header (Decree 30/2020's anatomy), the tasks with their agencies placed in
 * `registry`, deadlines, report duties and the monitoring agency, each with
 * a confidence, and warnings naming what the reviewer must check. A decision
 * whose articles only issue a plan attached after its signature ("KẾ HOẠCH …
 * (Ban hành kèm theo Quyết định số …)") takes its tasks from the plan. Pure, and
 * never throws: a text it cannot read gives an empty draft with warnings.
 */
export function importDirective(text: string, registry: ImportRegistry, options: ImportOptions = {}): DirectiveDraft {
  try {
    return new DirectiveReading(typeof text === 'string' ? text : '', registry, options).draft();
  } catch (error) {
    const draft = emptyDraft();
    draft.warnings.push({
      field: 'tasks',
      code: 'read-failed',
      message: `the text could not be read (${error instanceof Error ? error.message : String(error)})`,
    });
    return draft;
  }
}

class DirectiveReading {
  private readonly warnings: DraftWarning[] = [];
  private readonly matcher: AgencyMatcher | null;
  private readerFailed = false;

  constructor(
    private readonly text: string,
    registry: ImportRegistry,
    private readonly options: ImportOptions,
  ) {
    this.matcher = this.guard('agencies', () => new AgencyMatcher(registry), null);
  }

  draft(): DirectiveDraft {
    const lines = sourceLines(this.text);
    const header = readHeader(lines);
    const closingAt = closingStart(lines, header.bodyStart);
    const attached = attachedDocument(lines, closingAt);
    const closing = readClosing(attached ? lines.slice(0, attached.start) : lines, closingAt);
    const sure = (t: string) => this.mentions(t).filter((m) => m.agencyId !== null || m.confidence >= 0.5);
    const options = {
      startsWithAgency: (t: string) => sure(t).some((m) => m.start <= 12),
      namesOnlyAgencies: (t: string) => namesOnlyAgencies(t, sure(t)),
      endsWithAgencies: (t: string) => endsWithAgencies(t, sure(t)),
    };
    let body = segmentBody(lines.slice(header.bodyStart, closingAt), options);
    if (attached && !body.tasks.length) {
      // A decision whose articles only issue the plan attached to it: the plan's body holds the tasks.
      const plan = segmentBody(lines.slice(attached.bodyStart, closingStart(lines, attached.bodyStart)), options);
      if (plan.tasks.length) body = { ...plan, opening: [body.opening, plan.opening].filter(Boolean).join('\n') };
    }
    const legalBasis = readCitedGrounds(
      body.opening,
      body.tasks.map((t) => t.text),
    );

    const draft = emptyDraft();
    draft.number = header.number?.value ?? null;
    draft.type = header.type;
    draft.issuedOn = header.issuedOn;
    draft.subject = header.subject;
    draft.place = header.place;
    draft.legalBasis = legalBasis.map((b) => b.reference);
    draft.signer = closing.signer;
    draft.recipients = closing.recipients;
    draft.signature = readSignatureStamp(lines);

    const issuer = this.issuer(header.issuer, header.issuerHeading);
    draft.issuer = issuer?.agencyId ?? null;
    draft.names.issuer = issuer;

    draft.names.addressees = header.addressees.flatMap((entry) => this.named(entry));
    draft.addressees = unique(draft.names.addressees.flatMap((a) => (a.agencyId ? [a.agencyId] : [])));

    const opening = openingVerb(body.opening);
    const openingMode: Mode = opening?.mode ?? 'yeu-cau';
    const openingLead = this.openingAddressees(body.opening, opening?.at ?? null, draft.names.addressees);
    const issuedOn = draft.issuedOn ?? this.options.today ?? null;

    draft.tasks = body.tasks.map((segment, i) => this.task(segment, i, { openingMode, modeFromOpening: !!opening, openingLead, issuedOn }));
    body.tasks.forEach((segment, i) => {
      const note = segment.numberNote ? /^numbered (\S+?)(?: after ([^\s:]+))?(?::| again|$)/.exec(segment.numberNote) : null;
      if (!segment.numberNote || !note) return;
      const code = /skipped/.test(segment.numberNote)
        ? 'numbering-gap'
        : /again:/.test(segment.numberNote)
          ? 'numbering-repeat'
          : 'numbering-restart';
      this.warn(`tasks[${i}].number`, code, segment.numberNote, note[2] ? { number: note[1], after: note[2] } : { number: note[1] });
    });
    this.numbering(draft.tasks);
    this.monitoring(draft, body.closing);

    this.headerWarnings(draft, header.number, legalBasis, header.headerless);
    draft.confidence = {
      number: !draft.number ? 0 : header.number?.repaired ? 0.7 : 0.95,
      type: round(header.typeConfidence),
      issuer: issuer?.agencyId ? round(issuer.confidence * (header.headerless ? 0.6 : 1)) : 0,
      issuedOn: draft.issuedOn ? 0.95 : 0,
      subject: draft.subject ? 0.9 : 0,
      legalBasis: !legalBasis.length ? 0.5 : legalBasis.some((b) => b.written) ? 0.7 : 0.9,
      addressees: draft.names.addressees.length
        ? round(average(draft.names.addressees.map((a) => (a.agencyId ? a.confidence : 0))))
        : draft.type === 'cong-van'
          ? 0
          : 0.5,
      signer: !draft.signer ? 0 : draft.signer.name && draft.signer.title ? 0.9 : 0.5,
      monitoringAgency: draft.monitoringAgency ? (draft.names.monitoringAgency?.confidence ?? 0) : 0,
      tasks: draft.tasks.length ? round(0.95 - 0.1 * body.tasks.filter((t) => t.numberNote).length) : 0,
    };
    draft.warnings = this.warnings;
    return draft;
  }

  // ------------------------------------------------------------ agencies

  private guard<T>(what: string, read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      if (!this.readerFailed) {
        this.readerFailed = true;
        this.warnings.push({
          field: 'tasks',
          code: 'read-failed',
          params: { reader: what },
          message: `the ${what} reader failed (${error instanceof Error ? error.message : String(error)}): check every agency and deadline`,
        });
      }
      return fallback;
    }
  }

  private mentions(text: string): AgencyMention[] {
    const matcher = this.matcher;
    if (!matcher || !text) return [];
    return this.guard('agencies', () => matcher.mentions(text.slice(0, MAX_READ)), []);
  }

  /** Every agency an entry names ("- Các sở, ban, ngành cấp tỉnh;"), or the entry as written when none is found. */
  private named(entry: string): DraftAgency[] {
    const found = fieldAgencies(entry, this.mentions(entry));
    return found.map(({ text, mention }) => (mention ? draftAgency(mention) : { text, agencyId: null, confidence: 0 }));
  }

  /**
   * The issuing body: the heading's lower level, else the whole heading. A
   * lower level the registry lacks ("TỔNG CỤC THUẾ" under "BỘ TÀI CHÍNH") is
   * kept as written, unplaced: the body above it is its parent, not the issuer.
   */
  private issuer(issuer: string | null, heading: string | null): DraftAgency | null {
    if (!issuer) return null;
    const candidates = [issuer, heading ? `${heading} ${issuer}` : null].filter((c): c is string => !!c);
    for (const candidate of candidates) {
      const placed = this.placed(candidate);
      if (placed && (candidate === issuer || this.placed(heading!)?.agencyId !== placed.agencyId))
        return { text: candidate, agencyId: placed.agencyId, confidence: placed.confidence };
    }
    return { text: issuer, agencyId: null, confidence: 0 };
  }

  /** A name cut out of a text, placed when one mention covers most of it. */
  private placed(name: string): { agencyId: string; confidence: number } | null {
    const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;
    const best = this.mentions(name)
      .filter((m) => m.agencyId !== null)
      .sort((a, b) => letters(b.text) - letters(a.text))[0];
    if (!best || letters(best.text) < 0.6 * letters(name)) return null;
    return { agencyId: best.agencyId!, confidence: round(best.confidence * (letters(best.text) / letters(name) >= 0.9 ? 1 : 0.9)) };
  }

  /** Who the opening asks ("… yêu cầu các sở, ban, ngành cấp tỉnh, UBND các huyện …"), else the Kính gửi addressees. */
  private openingAddressees(opening: string, at: number | null, addressees: DraftAgency[]): DraftAgency[] {
    if (at !== null) {
      const found = agenciesAfter(opening, this.mentions(opening.slice(0, at + MAX_READ)), at);
      if (found.length) return found.map((m) => draftAgency(m));
    }
    return addressees;
  }

  // ------------------------------------------------------------ tasks

  private task(
    segment: TaskSegment,
    i: number,
    context: { openingMode: Mode; modeFromOpening: boolean; openingLead: DraftAgency[]; issuedOn: string | null },
  ): DraftTask {
    const at = `tasks[${i}]`;
    let text = segment.text;
    if (text.length > MAX_TASK_TEXT) {
      text = text.slice(0, MAX_TASK_TEXT);
      this.warn(`${at}.text`, 'text-cut', `cut to ${MAX_TASK_TEXT} characters`, { length: MAX_TASK_TEXT });
    }
    const mentions = this.mentions(text);
    const own = ownMode(text) ?? (segment.leadIn ? ownMode(segment.leadIn) : null);
    const mode = own ?? context.openingMode;

    const { lead, leadConfidence, inherited } = this.lead(segment, text, mentions, context.openingLead, at);
    const leadIds = new Set(lead.map((a) => a.agencyId ?? a.text));
    const coordinatingFound = segment.fields.coordinating
      ? fieldAgencies(segment.fields.coordinating, this.mentions(segment.fields.coordinating)).map(({ text: t, mention }) =>
          mention ? draftAgency(mention, 0.95) : { text: t, agencyId: null, confidence: 0 },
        )
      : coordinatingOf(text, mentions).map((m) => draftAgency(m, 0.9));
    if (!coordinatingFound.length && inherited && segment.leadIn) {
      coordinatingFound.push(...coordinatingOf(segment.leadIn, this.mentions(segment.leadIn)).map((m) => draftAgency(m, 0.8)));
    }
    const coordinating = dedupe(coordinatingFound).filter((a) => !leadIds.has(a.agencyId ?? a.text));
    coordinating.forEach((a, k) => {
      if (!a.agencyId) this.unplaced(`${at}.coordinating[${k}]`, a.text);
    });

    const deadline = this.deadline(segment, text, context.issuedOn, at);
    return {
      number: segment.number,
      text,
      mode,
      lead,
      coordinating,
      deadline: deadline.date,
      deadlineText: deadline.text,
      recurring: deadline.recurring,
      reportDuty: reportDutyOf(text) ?? deadline.reportClause,
      monitoring: false,
      confidence: {
        number: segment.numberConfidence,
        text: segment.fromTable ? 0.75 : 0.9,
        mode: own ? 0.95 : context.modeFromOpening ? 0.8 : 0.6,
        lead: leadConfidence,
        coordinating: coordinating.length
          ? round(Math.min(...coordinating.map((a) => a.confidence)))
          : /phoi hop/.test(fold(text))
            ? 0.5
            : 0.9,
        deadline: deadline.confidence,
      },
      source: { from: segment.from, to: segment.to },
    };
  }

  private lead(segment: TaskSegment, text: string, mentions: AgencyMention[], openingLead: DraftAgency[], at: string) {
    let lead: DraftAgency[] = [];
    if (segment.fields.lead) {
      lead = fieldAgencies(segment.fields.lead, this.mentions(segment.fields.lead)).map(({ text: t, mention }) =>
        mention ? draftAgency(mention, segment.fromTable ? 0.9 : 0.95) : { text: t, agencyId: null, confidence: 0 },
      );
    }
    if (!lead.length) {
      const own = leadOf(text, mentions);
      if (own) lead = own.agencies.map((m) => draftAgency(m, own.source === 'chu-tri' ? 0.95 : 0.9));
    }
    let inherited = false;
    if (!lead.length && segment.leadIn) {
      const fromLeadIn = leadOf(segment.leadIn, this.mentions(segment.leadIn));
      if (fromLeadIn) lead = fromLeadIn.agencies.map((m) => draftAgency(m, 0.8));
      inherited = !!fromLeadIn;
    }
    if (!lead.length) {
      // Names the registry lacks, as the sentence's subject ("Đề nghị Hội …", "Chủ tịch Hội đồng thành viên, Tổng Giám đốc …"): kept as written.
      lead = unplacedSubject(text).map((p) => ({ text: p.text, agencyId: null, confidence: 0.4 }));
    }
    lead = dedupe(lead);
    if (!lead.length && openingLead.length) {
      lead = openingLead.map((a) => ({ ...a, confidence: round(a.confidence * 0.5) }));
      const names = openingLead.map((a) => a.text).join(', ');
      this.warn(`${at}.lead`, 'lead-assumed', `the task names no agency: the opening's addressees (${names}) are assumed`, { names });
    } else if (!lead.length) {
      this.warn(`${at}.lead`, 'lead-missing', 'no lead agency found');
    }
    lead.forEach((a, k) => {
      if (!a.agencyId) this.unplaced(`${at}.lead[${k}]`, a.text);
    });
    const leadConfidence = lead.length ? round(Math.min(...lead.map((a) => a.confidence))) : 0;
    return { lead, leadConfidence, inherited };
  }

  private deadline(segment: TaskSegment, text: string, issuedOn: string | null, at: string) {
    const read = (t: string) => this.guard('deadline', () => deadlinePhrases(t.slice(0, MAX_READ), issuedOn), [] as DeadlinePhrase[]);
    const fromField = segment.fields.time ? read(segment.fields.time) : [];
    const source = fromField.length ? segment.fields.time! : this.deadlineSource(segment, text, read, at);
    const phrases = fromField.length ? fromField : read(source);
    // A recurrence of one action of several is not the task's deadline: the others are read without it.
    const partial = phrases.filter((p) => partialRecurrence(p, source));
    const found = taskDeadline(
      phrases.filter((p) => !partial.includes(p)),
      0.3,
    );
    const chosen = phrases.find((p) => p.text === found.text && (p.date === found.date || p.recurring !== null));
    if (!found.text && partial.length)
      this.warn(
        `${at}.deadline`,
        'deadline-uncertain',
        `"${partial[0].text}" repeats one action of several in the task: not set, for the reviewer to decide`,
        { phrase: partial[0].text, date: '' },
      );
    if (found.text && (found.date || found.recurring)) {
      const noYear = found.date && !/\d{4}/.test(found.text);
      const params = { phrase: found.text, date: found.date ?? '' };
      if (chosen?.note)
        this.warn(
          `${at}.deadline`,
          deadlineNoteCode(chosen.note),
          `"${found.text}" read as ${found.date ?? 'a recurring deadline'}: ${chosen.note}`,
          {
            ...params,
            note: chosen.note,
          },
        );
      else if (noYear) this.warn(`${at}.deadline`, 'deadline-no-year', `"${found.text}" gives no year: read as ${found.date}`, params);
      if (found.confidence < 0.7)
        this.warn(`${at}.deadline`, 'deadline-uncertain', `"${found.text}" read with low confidence (${round(found.confidence)})`, {
          ...params,
          confidence: round(found.confidence),
        });
    } else if (found.text || segment.fields.time) {
      const phrase = found.text ?? segment.fields.time ?? '';
      this.warn(`${at}.deadline`, 'deadline-unreadable', `"${phrase}" could not be read as a deadline`, { phrase });
    }
    return {
      date: found.date,
      text: found.text ?? segment.fields.time ?? partial[0]?.text ?? null,
      recurring: found.recurring,
      confidence: phrases.length ? round(found.confidence) : segment.fields.time ? 0.3 : 0.9,
      reportClause: found.report ? clauseAround(source, found.report) : null,
    };
  }

  /**
   * Where a task's deadline is read: an item keeping its bullets takes its
   * deadline from its own words; a date in one of its bullets is that
   * bullet's, not the item's, unless every bullet sets the same one.
   */
  private deadlineSource(segment: TaskSegment, text: string, read: (t: string) => DeadlinePhrase[], at: string): string {
    if (!segment.bulletTexts.length || text.length > MAX_READ) return text;
    const set = (t: string) => {
      const found = taskDeadline(read(t), 0.3);
      return found.date || found.recurring ? `${found.date ?? ''}|${found.recurring ? JSON.stringify(found.recurring) : ''}` : null;
    };
    if (set(segment.ownText)) return segment.ownText;
    const each = segment.bulletTexts.map(set);
    if (each.every((d) => d !== null && d === each[0])) return segment.bulletTexts[0];
    if (each.some((d) => d !== null))
      this.warn(`${at}.deadline`, 'deadline-in-bullets', 'its bullets set deadlines of their own: none is taken for the whole item');
    return segment.ownText;
  }

  private numbering(tasks: DraftTask[]) {
    const seen = new Map<string, number>();
    tasks.forEach((task, i) => {
      const before = seen.get(task.number);
      if (before !== undefined)
        this.warn(`tasks[${i}].number`, 'numbering-repeat', `${task.number} is also the number of tasks[${before}]`, {
          number: task.number,
          other: before,
        });
      else seen.set(task.number, i);
    });
  }

  // ------------------------------------------------------------ monitoring

  /** The item naming the agency that follows the whole directive (ties: the later), else a closing paragraph that does. */
  private monitoring(draft: DirectiveDraft, closing: string | null) {
    let best = -1;
    let bestScore = 1;
    draft.tasks.forEach((task, i) => {
      const score = monitoringScore(task.text);
      if (score >= bestScore && task.confidence.lead >= 0.5) [best, bestScore] = [i, score];
    });
    if (best >= 0) {
      const task = draft.tasks[best];
      task.monitoring = true;
      draft.names.monitoringAgency = task.lead[0] ?? null;
    } else if (closing && monitoringScore(closing) >= 2) {
      const found = leadOf(closing, this.mentions(closing));
      if (found) draft.names.monitoringAgency = draftAgency(found.agencies[0], 0.85);
    }
    draft.monitoringAgency = draft.names.monitoringAgency?.agencyId ?? null;
    if (!draft.names.monitoringAgency)
      this.warn('monitoringAgency', 'monitoring-missing', 'no item names the agency that follows and reports on the directive');
    else if (!draft.monitoringAgency) this.unplaced('monitoringAgency', draft.names.monitoringAgency.text);
  }

  // ------------------------------------------------------------ header

  private headerWarnings(
    draft: DirectiveDraft,
    number: ReturnType<typeof readHeader>['number'],
    legalBasis: ReturnType<typeof readLegalBasis>,
    headerless: boolean,
  ) {
    const missing = (field: string, what: string) => this.warn(field, 'field-missing', `${what} not found`, { field });
    if (headerless)
      this.warn(
        'number',
        'header-missing',
        'the text has no header block (issuing body, number, date): what was read comes from its title, notes and sentences',
      );
    if (!number) missing('number', 'the number and symbol ("Số: …")');
    else if (number.repaired)
      this.warn('number', 'ocr-repaired', `read as ${number.value} from "${number.written}" (OCR repair)`, {
        value: number.value,
        written: number.written,
      });
    if (!draft.type) missing('type', 'the document type');
    if (!draft.names.issuer) missing('issuer', 'the issuing body');
    else if (!draft.issuer) this.unplaced('issuer', draft.names.issuer.text);
    if (!draft.issuedOn) missing('issuedOn', 'the place and date ("…, ngày … tháng … năm …")');
    else if (this.options.today && draft.issuedOn > this.options.today)
      this.warn('issuedOn', 'date-after-today', `${draft.issuedOn} is after today`, { date: draft.issuedOn });
    if (!draft.subject) missing('subject', 'the subject (V/v … or the title)');
    if (!draft.signer) missing('signer', 'the signer');
    else {
      if (!draft.signer.name) missing('signer.name', "the signer's name");
      if (!draft.signer.title) missing('signer.title', "the signer's title");
    }
    if (!draft.names.addressees.length && (draft.type === 'cong-van' || draft.type === 'cong-dien'))
      missing('addressees', 'the addressees ("Kính gửi: …")');
    draft.names.addressees.forEach((a, k) => {
      if (!a.agencyId) this.unplaced(`names.addressees[${k}]`, a.text);
    });
    legalBasis.forEach((b, k) => {
      if (b.written)
        this.warn(`legalBasis[${k}]`, 'ocr-repaired', `number read from "${b.written}" (OCR repair)`, {
          value: b.reference,
          written: b.written,
        });
    });
    if (!draft.tasks.length) this.warn('tasks', 'tasks-missing', 'no task found: no numbered item and no paragraph addressing a request');
  }

  private warn(field: string, code: DraftWarningCode, message: string, params?: Record<string, string | number>) {
    this.warnings.push(params ? { field, code, message, params } : { field, code, message });
  }

  private unplaced(field: string, name: string) {
    this.warn(field, 'agency-unplaced', `"${name}" is not in the registry`, { name });
  }
}

/** A title line at the head of an attached document: "(Ban hành kèm theo Quyết định số …)". */
const ATTACHED_SUBTITLE = /^\(?\s*(ban hanh |duoc ban hanh )?kem theo (quyet dinh|chi thi|cong van|van ban|nghi quyet)\b/;

/**
 * A document issued with this one and following its closing (a Kế hoạch after
 * a Quyết định's signature): where it starts (its title lines) and where its
 * body starts (after the "(Ban hành kèm theo …)" line). Null when none.
 */
function attachedDocument(lines: ReturnType<typeof sourceLines>, closingAt: number): { start: number; bodyStart: number } | null {
  for (let i = closingAt; i < lines.length; i++) {
    if (!ATTACHED_SUBTITLE.test(fold(lines[i].text))) continue;
    let start = i;
    while (start > closingAt + 1 && lines[start - 1].text && lines[start - 1].text === lines[start - 1].text.toUpperCase()) start--;
    return { start, bodyStart: i + 1 };
  }
  return null;
}

function emptyDraft(): DirectiveDraft {
  return {
    number: null,
    type: null,
    issuer: null,
    issuedOn: null,
    subject: null,
    legalBasis: [],
    addressees: [],
    signer: null,
    monitoringAgency: null,
    tasks: [],
    names: { issuer: null, addressees: [], monitoringAgency: null },
    place: null,
    recipients: [],
    signature: null,
    confidence: {
      number: 0,
      type: 0,
      issuer: 0,
      issuedOn: 0,
      subject: 0,
      legalBasis: 0,
      addressees: 0,
      signer: 0,
      monitoringAgency: 0,
      tasks: 0,
    },
    warnings: [],
  };
}

/** The clause of `text` around a phrase: from the ';' or '.' before it to the one after. */
function clauseAround(text: string, phrase: DeadlinePhrase): string {
  const before = Math.max(text.lastIndexOf(';', phrase.start), text.lastIndexOf('. ', phrase.start)) + 1;
  const after = text.slice(phrase.end).search(/;|\.(\s|$)/);
  return text.slice(before, after < 0 ? text.length : phrase.end + after).trim();
}

function dedupe(agencies: DraftAgency[]): DraftAgency[] {
  const seen = new Set<string>();
  return agencies.filter((a) => {
    const key = a.agencyId ?? fold(a.text);
    return !seen.has(key) && !!seen.add(key);
  });
}

const unique = <T>(list: T[]) => [...new Set(list)];
const average = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
