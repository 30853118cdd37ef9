import type { Recurrence } from './directives';
import { TASK_MODES } from './directives';

/**
 * What an import read from a directive's text (issue 15): the issue-directive
 * request's shape, with what a reviewer needs beside each field: how sure the
 * reader is (0–1), the words it read, and where in the text it read them.
 */

/** An agency or group named in the text, placed in the registry or not (agencyId null: kept as written, flagged). */
export interface DraftAgency {
  /** The name as the text writes it (OCR errors included). */
  text: string;
  /** A registry agency or group id; null when the name could not be placed. */
  agencyId: string | null;
  confidence: number;
}

/** Lines of the source text, 1-based, both ends included: where a field was read. */
export interface SourceLines {
  from: number;
  to: number;
}

export interface DraftTask {
  /** As numbered in the text: "1", "II.1", "1.2", "a", "3.b". */
  number: string;
  text: string;
  mode: (typeof TASK_MODES)[number];
  lead: DraftAgency[];
  coordinating: DraftAgency[];
  /** ISO date, or null when the text sets none (or only a recurring one). */
  deadline: string | null;
  /** The deadline's phrase as written ("trước ngày 15/12/2017", "Quý I/2027", "thường xuyên"); null when none. */
  deadlineText: string | null;
  /** A repeating deadline, when the phrase is one (hằng năm, hằng quý, hằng tháng, thường xuyên). */
  recurring: Recurrence | null;
  /** The report the task asks for ("báo cáo UBND tỉnh trước ngày 30/11/2017"), as written; null when none. */
  reportDuty: string | null;
  /** Whether this item names the agency that follows, urges and reports on the whole directive. */
  monitoring: boolean;
  /** How sure the reader is of each field, 0–1. */
  confidence: { number: number; text: number; mode: number; lead: number; coordinating: number; deadline: number };
  source: SourceLines;
}

export interface DraftSigner {
  name: string;
  /** KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN, TL., TUQ., Q.; null when the signer signs in their own name. */
  capacity: string | null;
  title: string;
}

/**
 * What the reviewer must check, naming the field as a path of the draft
 * ("tasks[4].lead[1]", "issuedOn"). `code` says which check it is, stable
 * for the web app to translate (one of DRAFT_WARNING_CODES), `params` what
 * the message names; `message` is the English text.
 */
export interface DraftWarning {
  field: string;
  /**
   * One of DRAFT_WARNING_CODES (libs/directive-import). The parser always
   * sets it; optional here so that drafts stored before it, and the event
   * schema that does not carry it yet, still read.
   */
  code?: string;
  message: string;
  /** What the message names ("name", "number", "date", "phrase"), for a translated message. */
  params?: Record<string, string | number>;
}

/**
 * The header has the issue-directive request's fields and types (agency ids
 * where the request takes ids, null where the reader found nothing or could
 * not place a name); `names` keeps the header's agencies as written beside
 * them, placed or not.
 */
export interface DirectiveDraft {
  /** "4308/UBND-VX", repaired of OCR noise; null when not found. */
  number: string | null;
  /** The document type's code, as the issue-directive request takes it ("cong-van", "chi-thi", "ke-hoach", "quyet-dinh", "thong-bao", ...). */
  type: string | null;
  /** The issuing body's registry id. */
  issuer: string | null;
  issuedOn: string | null;
  /** The subject line (V/v … for a công văn, the title after the type otherwise), its lines joined. */
  subject: string | null;
  /** Each legal basis cited (Căn cứ …, Thực hiện …), as its document's reference, repaired of OCR noise ("Quyết định số 289-QĐ/TU ngày 27/5/2016"). */
  legalBasis: string[];
  /** The addressees (Kính gửi) placed in the registry. */
  addressees: string[];
  signer: DraftSigner | null;
  /** The agency that follows and reports on the directive (the item naming "theo dõi, đôn đốc, tổng hợp báo cáo"). */
  monitoringAgency: string | null;
  tasks: DraftTask[];
  /** The header's agencies as the text writes them, placed or not. */
  names: { issuer: DraftAgency | null; addressees: DraftAgency[]; monitoringAgency: DraftAgency | null };
  /** The place as written beside the date ("Thanh Hoá"). */
  place: string | null;
  /** The Nơi nhận list, as written, one entry a line. */
  recipients: string[];
  /** The digital-signature stamp lines: who signed the file and when (local time as written, ISO without zone). */
  signature: { signedBy: string; signedAt: string | null } | null;
  /** How sure the reader is of each header field, 0–1. */
  confidence: {
    number: number;
    type: number;
    issuer: number;
    issuedOn: number;
    subject: number;
    legalBasis: number;
    addressees: number;
    signer: number;
    monitoringAgency: number;
    tasks: number;
  };
  warnings: DraftWarning[];
}

/**
 * Each warning's `code`, stable for the web app to translate (the English
 * `message` says the same with the names in it; `params` carries them):
 *
 * - `agency-unplaced` {name}: a name the registry could not place (lead,
 *   coordinating, addressee, issuer, monitoring agency).
 * - `lead-assumed` {names}: the task names no agency; the opening's
 *   addressees are assumed. `lead-missing`: no lead at all.
 * - `deadline-no-year` {phrase, date, note?}: the year taken from the issue date.
 * - `deadline-recurring-default-day` {phrase, date, note}: a period or
 *   ongoing work given its default day (the period's last day, once a year).
 * - `deadline-uncertain` {phrase, date, confidence | note}: read with low
 *   confidence or with a reservation. `deadline-unreadable` {phrase}: a
 *   time phrase that gives no date. `deadline-in-bullets`: an item's
 *   bullets set their own deadlines, none is taken for the whole item.
 * - `header-missing`: no header block. `field-missing` {field}: a header
 *   field not found. `ocr-repaired` {value, written}: a number mended.
 *   `date-after-today` {date}.
 * - `numbering-gap` {number, after}, `numbering-repeat` {number, after |
 *   other}, `numbering-restart` {number, after}: the items' numbers.
 * - `monitoring-missing`: no item names the monitoring agency.
 * - `tasks-missing`, `text-cut` {length}, `read-failed` {reader?}.
 */
export const DRAFT_WARNING_CODES = [
  'agency-unplaced',
  'lead-assumed',
  'lead-missing',
  'deadline-no-year',
  'deadline-recurring-default-day',
  'deadline-uncertain',
  'deadline-unreadable',
  'deadline-in-bullets',
  'header-missing',
  'field-missing',
  'ocr-repaired',
  'date-after-today',
  'numbering-gap',
  'numbering-repeat',
  'numbering-restart',
  'monitoring-missing',
  'tasks-missing',
  'text-cut',
  'read-failed',
] as const;
export type DraftWarningCode = (typeof DRAFT_WARNING_CODES)[number];
