import type { OfficialStatus, ReminderKind, LifecycleStage } from '@dm/contracts';
import { daysBetween, formatVietnamese } from '@dm/periods';
import type { DutyInstance } from '../duties/compliance';

/** When the scheduler urges (docs/reporting.md, "Urging"). */
export interface UrgingRules {
  /** Urge an assignment or a periodic report due within this many days. */
  dueWithinDays: number;
  /** A deadline-less assignment with no report for this many days is urged (once per such span). */
  staleAfterDays: number;
}

export const DEFAULT_URGING_RULES: UrgingRules = { dueWithinDays: 7, staleAfterDays: 90 };

/** What the scheduler knows of a lead assignment as of today. */
export interface UrgedAssignment {
  assignmentId: string;
  directiveId: string;
  directiveNumber: string;
  taskNumber: string;
  /** The agency holding it today. */
  agencyId: string;
  status: OfficialStatus | null;
  lifecycle: LifecycleStage;
  deadline: string | null;
  /** The latest report's date, else the day it was assigned: the silence is counted from it. */
  silentSince: string;
}

/** A reminder before it is recorded: its key names the condition and its period, so it is issued once. */
export interface ReminderDraft {
  key: string;
  kind: ReminderKind;
  agencyId: string;
  directiveId: string | null;
  directiveNumber: string | null;
  assignmentId: string | null;
  taskNumber: string | null;
  deadline: string | null;
  period: string | null;
  subject: string;
  text: string;
}

const WAITING: ReadonlySet<LifecycleStage> = new Set(['awaitingConfirmation', 'completed', 'cancelled', 'superseded', 'revoked']);

/**
 * The assignments to urge today: due within the rule's days (once per
 * deadline), overdue (once per deadline and month), and deadline-less ones
 * silent for the rule's days (once per such span). One awaiting the office's
 * confirmation is the office's to act on, and is not urged.
 */
export function assignmentReminders(assignments: UrgedAssignment[], today: string, rules: UrgingRules, nameOf: (id: string) => string) {
  const drafts: ReminderDraft[] = [];
  for (const a of assignments) {
    if (WAITING.has(a.lifecycle)) continue;
    const ref = `nhiệm vụ ${a.taskNumber} theo văn bản số ${a.directiveNumber}`;
    const base = {
      agencyId: a.agencyId,
      directiveId: a.directiveId,
      directiveNumber: a.directiveNumber,
      assignmentId: a.assignmentId,
      taskNumber: a.taskNumber,
      deadline: a.deadline,
      period: null,
    };
    const agency = nameOf(a.agencyId);
    if (a.deadline !== null && a.status === 'inProgressWithinDeadline') {
      const left = daysBetween(today, a.deadline);
      if (left >= 0 && left <= rules.dueWithinDays)
        drafts.push({
          ...base,
          key: `dueSoon|${a.assignmentId}|${a.deadline}`,
          kind: 'dueSoon',
          subject: `Sắp đến hạn: ${ref}, hạn ${formatVietnamese(a.deadline)}`,
          text: `Đề nghị ${agency} hoàn thành ${ref} trước ngày ${formatVietnamese(a.deadline)} (còn ${left} ngày) và báo cáo kết quả.`,
        });
    } else if (a.deadline !== null && a.status === 'overdue') {
      const late = daysBetween(a.deadline, today);
      drafts.push({
        ...base,
        key: `overdue|${a.assignmentId}|${a.deadline}|${today.slice(0, 7)}`,
        kind: 'overdue',
        subject: `Quá hạn: ${ref}, hạn ${formatVietnamese(a.deadline)}`,
        text: `${capitalise(ref)} đã quá hạn ${late} ngày (hạn ${formatVietnamese(a.deadline)}). Đề nghị ${agency} khẩn trương thực hiện, báo cáo kết quả và nêu rõ nguyên nhân chậm.`,
      });
    } else if (a.deadline === null && a.status === 'noDeadline') {
      const silent = daysBetween(a.silentSince, today);
      if (silent > rules.staleAfterDays)
        drafts.push({
          ...base,
          key: `stale|${a.assignmentId}|${a.silentSince}|${Math.floor((silent - 1) / rules.staleAfterDays)}`,
          kind: 'stale',
          subject: `Chưa báo cáo ${silent} ngày: ${ref}`,
          text: `${capitalise(ref)} chưa được báo cáo tiến độ từ ngày ${formatVietnamese(a.silentSince)} (${silent} ngày). Đề nghị ${agency} báo cáo tình hình thực hiện.`,
        });
    }
  }
  return drafts;
}

/** The periodic reports to urge today: due within the rule's days and not sent, or missing (each once per period). */
export function dutyReminders(
  instances: DutyInstance[],
  today: string,
  rules: UrgingRules,
  directiveNumberOf: (id: string) => string,
  nameOf: (id: string) => string,
) {
  const drafts: ReminderDraft[] = [];
  for (const i of instances) {
    const number = directiveNumberOf(i.directiveId);
    const base = {
      agencyId: i.agencyId,
      directiveId: i.directiveId,
      directiveNumber: number,
      assignmentId: null,
      taskNumber: null,
      deadline: i.dueOn,
      period: i.period,
    };
    const what = `báo cáo định kỳ kỳ ${i.period} theo văn bản số ${number}`;
    const id = `${i.directiveId}|${i.dutyId}|${i.agencyId}|${i.period}`;
    if (i.outcome === 'pending') {
      const left = daysBetween(today, i.dueOn);
      if (left >= 0 && left <= rules.dueWithinDays)
        drafts.push({
          ...base,
          key: `periodicDue|${id}`,
          kind: 'periodicDue',
          subject: `Sắp đến hạn gửi ${what}, hạn ${formatVietnamese(i.dueOn)}`,
          text: `Đề nghị ${nameOf(i.agencyId)} gửi ${what} trước ngày ${formatVietnamese(i.dueOn)} (còn ${left} ngày).`,
        });
    } else if (i.outcome === 'missing')
      drafts.push({
        ...base,
        key: `periodicMissing|${id}`,
        kind: 'periodicMissing',
        subject: `Chưa nhận được ${what} (hạn ${formatVietnamese(i.dueOn)})`,
        text: `Đến nay chưa nhận được ${what}, hạn gửi ngày ${formatVietnamese(i.dueOn)}. Đề nghị ${nameOf(i.agencyId)} khẩn trương gửi báo cáo.`,
      });
  }
  return drafts;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
