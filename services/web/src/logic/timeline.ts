import type { Bilingual } from './language';
import { toVietnamDate } from './dates';

/** What the timelines answer for one event (timelineEntrySchema and the task timeline's entries). */
export interface TimelineEvent {
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { userId: string; agencyId: string | null; role: string };
  data: Record<string, unknown>;
  eventId: string;
  recordedLate?: boolean;
  onBehalfOf?: string;
  agencyId?: string | null;
}

const EVENT_LABELS: Record<string, Bilingual> = {
  'directive.issued': { vi: 'Ban hành văn bản', en: 'Directive issued' },
  'directive.task-deadline-changed': { vi: 'Gia hạn, thay đổi thời hạn', en: 'Deadline changed' },
  'directive.task-cancelled': { vi: 'Hủy nhiệm vụ', en: 'Task cancelled' },
  'directive.task-added': { vi: 'Bổ sung nhiệm vụ', en: 'Task added' },
  'directive.task-agency-added': { vi: 'Bổ sung cơ quan thực hiện', en: 'Agency added' },
  'directive.task-lead-changed': { vi: 'Thay đổi cơ quan chủ trì', en: 'Lead changed' },
  'directive.task-text-corrected': { vi: 'Đính chính nội dung nhiệm vụ', en: 'Task text corrected' },
  'directive.superseded': { vi: 'Văn bản bị thay thế', en: 'Directive superseded' },
  'directive.revoked': { vi: 'Thu hồi văn bản', en: 'Directive revoked' },
  'directive.assignments-transferred': { vi: 'Chuyển giao nhiệm vụ', en: 'Assignments transferred' },
  'directive.monitoring-transferred': { vi: 'Chuyển giao việc theo dõi', en: 'Monitoring transferred' },
  'directive-import.drafted': { vi: 'Nhập văn bản (bản nháp)', en: 'Directive imported (draft)' },
  'directive-import.corrected': { vi: 'Sửa bản nháp nhập', en: 'Imported draft corrected' },
  'directive-import.issued': { vi: 'Ban hành từ bản nháp nhập', en: 'Imported draft issued' },
  'directive-import.discarded': { vi: 'Hủy bản nháp nhập', en: 'Imported draft discarded' },
  'assignment.progress-reported': { vi: 'Báo cáo tiến độ', en: 'Progress reported' },
  'assignment.completion-reported': { vi: 'Báo cáo hoàn thành', en: 'Completion reported' },
  'assignment.completion-confirmed': { vi: 'Xác nhận hoàn thành', en: 'Completion confirmed' },
  'assignment.completion-returned': { vi: 'Trả lại báo cáo hoàn thành', en: 'Completion returned' },
  'assignment.completion-reopened': { vi: 'Mở lại nhiệm vụ', en: 'Completion reopened' },
  'reporting.reminder-issued': { vi: 'Nhắc nhở, đôn đốc', en: 'Reminder' },
};

export const eventLabel = (type: string): Bilingual => EVENT_LABELS[type] ?? { vi: type, en: type };

/** The fields that carry an event's business date, by the events that have them. */
const BUSINESS_DATE_FIELDS = [
  'reportedOn',
  'completedOn',
  'confirmedOn',
  'returnedOn',
  'reopenedOn',
  'changedOn',
  'cancelledOn',
  'effectiveOn',
  'transferredOn',
  'issuedOn',
  'foundOn',
];
/** A completion's decision also names the completion it decides: its own date comes first. */
const OWN_DATE_FIRST = ['confirmedOn', 'returnedOn', 'reopenedOn'];

/** The business date an event is about (`YYYY-MM-DD`), else the day it occurred in Vietnam. */
export function businessDate(event: Pick<TimelineEvent, 'data' | 'occurredAt'>): string {
  for (const field of [...OWN_DATE_FIRST, ...BUSINESS_DATE_FIELDS]) {
    const value = event.data[field];
    if (typeof value === 'string') return value;
  }
  return toVietnamDate(event.occurredAt) ?? event.occurredAt.slice(0, 10);
}

/** The events of a timeline that happened on or before a business date (the timeline routes take knownAt, not asOf). */
export const eventsAsOf = <E extends Pick<TimelineEvent, 'data' | 'occurredAt'>>(events: E[], asOf: string | null): E[] =>
  asOf ? events.filter((e) => businessDate(e) <= asOf) : events;

export interface EventAttachment {
  fileName: string;
  mediaType: string | null;
  size: number | null;
  sha256: string;
}

/** The file an event recorded, with its SHA-256, when it recorded one. */
export function attachmentOf(data: Record<string, unknown>): EventAttachment | null {
  const attachment = data.attachment as Record<string, unknown> | null | undefined;
  if (!attachment || typeof attachment.sha256 !== 'string') return null;
  return {
    fileName: typeof attachment.fileName === 'string' ? attachment.fileName : attachment.sha256,
    mediaType: typeof attachment.mediaType === 'string' ? attachment.mediaType : null,
    size: typeof attachment.size === 'number' ? attachment.size : null,
    sha256: attachment.sha256,
  };
}

/** Where an assignment's report's file is read back (GET /api/v1/assignments/{id}/attachments/{sha256}), when the event names its assignment. */
export function attachmentUrl(data: Record<string, unknown>, sha256: string): string | null {
  return typeof data.assignmentId === 'string'
    ? `/api/v1/assignments/${encodeURIComponent(data.assignmentId)}/attachments/${encodeURIComponent(sha256)}`
    : null;
}

export interface IncomingDocument {
  number: string;
  date: string;
}

export function incomingDocumentOf(data: Record<string, unknown>): IncomingDocument | null {
  const document = data.incomingDocument as Record<string, unknown> | null | undefined;
  return document && typeof document.number === 'string' && typeof document.date === 'string'
    ? { number: document.number, date: document.date }
    : null;
}

/** The texts an event carries that a reader wants, in the order shown, keyed by their i18n key. */
const TEXT_FIELDS = ['summary', 'evidence', 'difficulties', 'proposals', 'reason', 'authorizingDocument', 'subject', 'text'] as const;
export type EventTextField = (typeof TEXT_FIELDS)[number];

export function textsOf(event: Pick<TimelineEvent, 'type' | 'data'>): Array<[EventTextField, string]> {
  // A directive's issue carries the task's text under `task`; its own `subject` is the directive's.
  return TEXT_FIELDS.filter((field) => !(event.type === 'directive.issued' && field === 'text'))
    .map((field) => [field, event.data[field]] as [EventTextField, unknown])
    .filter((pair): pair is [EventTextField, string] => typeof pair[1] === 'string' && pair[1].trim() !== '');
}

/** A deadline change as this event states it: from, to. */
export function deadlineChangeOf(data: Record<string, unknown>): { from: string | null; to: string | null } | null {
  if (!('previousDeadline' in data) || !('deadline' in data)) return null;
  return { from: (data.previousDeadline as string | null) ?? null, to: (data.deadline as string | null) ?? null };
}

export const percentOf = (data: Record<string, unknown>): number | null => (typeof data.percent === 'number' ? data.percent : null);
