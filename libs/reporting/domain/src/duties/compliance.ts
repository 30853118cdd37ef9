import type { RegimeDuty, SubmissionRow } from '@dm/contracts';
import { rate } from '../assignments/rates';
import { dueDateOf, periodsOfDuty } from './duty-periods';
import type { WorkingDays } from './working-days';

export type SubmissionOutcome = 'onTime' | 'late' | 'missing' | 'pending';

/** One report an agency owes: a duty's period, when it is due, and how it went. */
export interface DutyInstance {
  directiveId: string;
  dutyId: string;
  agencyId: string;
  recipient: string;
  period: string;
  cutOff: string;
  dueOn: string;
  /** The first submission's date, or null. */
  submittedOn: string | null;
  outcome: SubmissionOutcome;
}

export interface SubmittedReport {
  firstSubmittedOn: string;
}

export const submissionKey = (directiveId: string, dutyId: string, agencyId: string, period: string) =>
  `${directiveId}|${dutyId}|${agencyId}|${period}`;

/**
 * On time when first submitted on or before the due day; late when after it;
 * missing when nothing was submitted by `asOf` and the due day has passed;
 * pending while it is not due yet (a submission dated after `asOf` is not known then).
 */
export function outcomeOf(dueOn: string, submittedOn: string | null, asOf: string): SubmissionOutcome {
  if (submittedOn !== null && submittedOn <= asOf) return submittedOn <= dueOn ? 'onTime' : 'late';
  return asOf > dueOn ? 'missing' : 'pending';
}

export interface InstancesInput {
  directiveId: string;
  duties: RegimeDuty[];
  /** The agencies a duty's reporters (agencies and groups) name on a date. */
  reportersOn: (reporters: string[], date: string) => string[];
  submitted: (key: string) => SubmittedReport | undefined;
  days: WorkingDays;
  /** The reports due within [from, to] count, judged as of asOf. */
  window: { from: string; to: string };
  asOf: string;
}

/** Every report due in the window under a directive's regime, one per duty, period and reporting agency. */
export function dutyInstances(input: InstancesInput): DutyInstance[] {
  const { directiveId, days, window, asOf } = input;
  const instances: DutyInstance[] = [];
  for (const duty of input.duties) {
    for (const period of periodsOfDuty(duty, window.to)) {
      const dueOn = dueDateOf(duty, period.to, days);
      if (dueOn < window.from || dueOn > window.to) continue;
      for (const agencyId of input.reportersOn(duty.reporters, period.to)) {
        const submittedOn = input.submitted(submissionKey(directiveId, duty.id, agencyId, period.period))?.firstSubmittedOn ?? null;
        instances.push({
          directiveId,
          dutyId: duty.id,
          agencyId,
          recipient: duty.recipient,
          period: period.period,
          cutOff: period.to,
          dueOn,
          submittedOn,
          outcome: outcomeOf(dueOn, submittedOn, asOf),
        });
      }
    }
  }
  return instances;
}

/**
 * Completeness (submitted ÷ due) and timeliness (on time ÷ due) per agency,
 * sorted by name; `due` counts the reports whose day has passed (pending ones apart).
 */
export function complianceRows(instances: DutyInstance[], nameOf: (agencyId: string) => string): SubmissionRow[] {
  const byAgency = new Map<string, Record<SubmissionOutcome, number>>();
  for (const i of instances) {
    const counts = byAgency.get(i.agencyId) ?? { onTime: 0, late: 0, missing: 0, pending: 0 };
    counts[i.outcome]++;
    byAgency.set(i.agencyId, counts);
  }
  return [...byAgency.entries()]
    .map(([agencyId, c]) => complianceRow(agencyId, nameOf(agencyId), c))
    .sort((a, b) => VIETNAMESE.compare(a.agencyName, b.agencyName) || a.agencyId.localeCompare(b.agencyId));
}

const VIETNAMESE = new Intl.Collator('vi');

export function complianceRow(agencyId: string, agencyName: string, c: Record<SubmissionOutcome, number>): SubmissionRow {
  const due = c.onTime + c.late + c.missing;
  return {
    agencyId,
    agencyName,
    due,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    pending: c.pending,
    completeness: rate('submitted/due', 'Tỷ lệ báo cáo đã gửi trên số báo cáo phải gửi', c.onTime + c.late, due),
    timeliness: rate('onTime/due', 'Tỷ lệ báo cáo gửi đúng hạn trên số báo cáo phải gửi', c.onTime, due),
  };
}
