import type {
  CheckpointRef,
  ReportAssignmentRow,
  ReportContent,
  ReportHeading,
  RollupRow,
  SubmissionRow,
  SummaryBlock,
} from '@dm/contracts';
import { daysBetween, type Period } from '@dm/periods';
import { holderOn, type AssignmentDoc } from '../assignments/assignment-doc';
import { DEFAULT_STATUS_RULES, deriveStatus, type StatusRules } from '../assignments/status';
import { isCounted } from '../assignments/tally';
import { blockOf, scorecards, summarize } from '../assignments/summary';

/** The registry as of the period's end: names, and each group's members. */
export interface RegistryOnDate {
  nameOf(agencyId: string): string;
  groups: Array<{ id: string; name: string; members: string[] }>;
}

export interface ReportContentInput {
  heading: ReportHeading;
  directive: ReportContent['directive'];
  period: Period;
  knownAt: string;
  checkpoints: CheckpointRef[];
  /** The assignments in scope, as known at knownAt. */
  docs: AssignmentDoc[];
  registry: RegistryOnDate;
  taskTextOf(directiveId: string, taskNumber: string): string;
  submissions: SubmissionRow[];
  rules?: StatusRules;
  /** False for the roll-up alone: the lists of late, overdue and request assignments are left empty. */
  lists?: boolean;
}

export const PROVINCE_ROW = 'province';

/**
 * A period's report (docs/reporting.md, "Issued reports"): the summary, a row
 * per agency by name, a row per registry group as of the period's end (an
 * agency in two groups counts in both) and the whole scope's row, the late
 * and overdue assignments, the requests, and the periodic report duties.
 */
export function reportContent(input: ReportContentInput): ReportContent {
  const { period, registry } = input;
  const rules = input.rules ?? DEFAULT_STATUS_RULES;
  const window = { from: period.from, to: period.to };
  const docs = input.docs.filter((d) => isCounted(d, period.to));
  const whole = summarize(docs, window, rules);
  const agencies = scorecards(docs, window, rules).map(({ agencyId, requests, ...block }): RollupRow => ({
    id: agencyId,
    name: registry.nameOf(agencyId),
    agencies: 1,
    ...block,
    requests,
  }));
  agencies.sort((a, b) => VIETNAMESE.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const leads = docs.filter((d) => d.role === 'lead');
  const byHolder = new Map<string, AssignmentDoc[]>();
  for (const doc of leads) {
    const holder = holderOn(doc, period.to);
    const held = byHolder.get(holder);
    if (held) held.push(doc);
    else byHolder.set(holder, [doc]);
  }
  const groups: RollupRow[] = [];
  for (const group of registry.groups) {
    const members = group.members.filter((m) => byHolder.has(m));
    if (!members.length) continue;
    groups.push(
      rollupRow(
        group.id,
        group.name,
        members.length,
        members.flatMap((m) => byHolder.get(m) ?? []),
        window,
        rules,
      ),
    );
  }
  const { from: _from, to: _to, asOf: _asOf, requests, coordinating, ...summary } = whole;
  const province: RollupRow = {
    id: PROVINCE_ROW,
    name: input.directive ? 'Tất cả cơ quan, đơn vị' : 'Toàn tỉnh',
    agencies: byHolder.size,
    ...summary,
    requests,
  };
  const rows = input.lists === false ? [] : leads.map((doc) => assignmentRow(doc, period.to, registry, input.taskTextOf, rules));
  return {
    heading: input.heading,
    directive: input.directive,
    period: { period: period.period, kind: period.kind, calendar: period.calendar, from: period.from, to: period.to },
    asOf: period.to,
    knownAt: input.knownAt,
    checkpoints: input.checkpoints,
    summary: summary as SummaryBlock,
    requests,
    coordinating,
    scorecards: agencies,
    groups,
    province,
    lateAndOverdue: rows.filter((r) => r.status === 'completedLate' || r.status === 'overdue').sort(byListOrder),
    requestRows: rows.filter((r) => r.mode === 'de-nghi').sort(byListOrder),
    submissions: input.submissions,
  };
}

function rollupRow(
  id: string,
  name: string,
  agencies: number,
  docs: AssignmentDoc[],
  window: { from: string; to: string },
  rules: StatusRules,
): RollupRow {
  const { from: _from, to: _to, asOf: _asOf, requests, coordinating: _coordinating, ...block } = summarize(docs, window, rules);
  return { id, name, agencies, ...block, requests };
}

function assignmentRow(
  doc: AssignmentDoc,
  asOf: string,
  registry: RegistryOnDate,
  taskTextOf: ReportContentInput['taskTextOf'],
  rules: StatusRules,
): ReportAssignmentRow {
  const state = deriveStatus(doc, asOf, rules);
  const agencyId = holderOn(doc, asOf);
  let daysLate = 0;
  if (state.status === 'completedLate' && state.deadlineAtCompletion && state.completedOn)
    daysLate = daysBetween(state.deadlineAtCompletion, state.completedOn);
  else if (state.status === 'overdue' && state.deadline) daysLate = daysBetween(state.deadline, asOf);
  return {
    assignmentId: doc._id,
    directiveNumber: doc.directiveNumber as string,
    taskNumber: doc.taskNumber as string,
    taskText: taskTextOf(doc.directiveId as string, doc.taskNumber as string),
    mode: blockOf(doc) === 'requests' ? 'de-nghi' : (doc.mode ?? 'giao'),
    role: 'lead',
    agencyId,
    agencyName: registry.nameOf(agencyId),
    status: state.status,
    statusLabel: state.statusLabel,
    lifecycle: state.lifecycle,
    deadline: state.deadline,
    completedOn: state.completedOn,
    daysLate: Math.max(0, daysLate),
    latestPercent: state.latestPercent,
  };
}

const VIETNAMESE = new Intl.Collator('vi');
const NUMBERED = new Intl.Collator(undefined, { numeric: true });

function byListOrder(a: ReportAssignmentRow, b: ReportAssignmentRow): number {
  return (
    NUMBERED.compare(a.directiveNumber, b.directiveNumber) ||
    NUMBERED.compare(a.taskNumber, b.taskNumber) ||
    VIETNAMESE.compare(a.agencyName, b.agencyName)
  );
}
