import {
  type LifecycleStage,
  type OfficialStatus,
  type Rate,
  type ReportAssignmentRow,
  type ReportContent,
  type RollupRow,
  type StatusCounts,
  type SubmissionRow,
  type SummaryBlock,
} from '@dm/contracts';
import { daysBetween } from '@dm/periods';
import { STATUS_LABELS } from './labels';

/**
 * A quarterly report of letter 4308/UBND-VX (Thanh Hóa, 10/02/2017) for
 * 2017-Q1 on the Decree 09 calendar (15/12/2016 → 14/03/2017), issued by
 * the Department of Labour on 05/04/2017. Its blocks, scorecards and groups
 * are counted from the assignments below, so they agree as the domain's do:
 * the statuses partition each total, the agencies' rows add up to the
 * summary, the rates divide what they name.
 */

const FROM = '2016-12-15';
const TO = '2017-03-14';
const ISSUED_ON = '2017-02-10';
const DIRECTIVE_NUMBER = '4308/UBND-VX';

export interface FixtureAgency {
  id: string;
  name: string;
  groups: string[];
}

export const AGENCIES: FixtureAgency[] = [
  { id: 'so-ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', groups: ['so-ban-nganh'] },
  { id: 'so-yt', name: 'Sở Y tế', groups: ['so-ban-nganh'] },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', groups: ['so-ban-nganh'] },
  { id: 'nhcsxh-tinh', name: 'Ngân hàng Chính sách xã hội chi nhánh tỉnh Thanh Hóa', groups: [] },
  { id: 'h-muong-lat', name: 'UBND huyện Mường Lát', groups: ['ubnd-huyen', 'huyen-ngheo-30a'] },
  { id: 'h-quan-hoa', name: 'UBND huyện Quan Hóa', groups: ['ubnd-huyen', 'huyen-ngheo-30a'] },
  { id: 'tp-thanh-hoa', name: 'UBND thành phố Thanh Hóa', groups: ['ubnd-huyen'] },
  { id: 'mttq-tinh', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', groups: [] },
  { id: 'hoi-lhpn-tinh', name: 'Hội Liên hiệp Phụ nữ tỉnh', groups: ['doan-the'] },
];

const GROUPS: [string, string][] = [
  ['so-ban-nganh', 'Các sở, ban, ngành cấp tỉnh'],
  ['ubnd-huyen', 'UBND các huyện, thị xã, thành phố'],
  ['huyen-ngheo-30a', 'Các huyện nghèo theo Nghị quyết 30a'],
  ['doan-the', 'Các tổ chức đoàn thể'],
];

const TASKS: Record<string, string> = {
  '2': 'Tập trung lãnh đạo, chỉ đạo triển khai các nhiệm vụ được giao tại Quyết định số 289-QĐ/TU và Kế hoạch số 159/KH-UBND; các chương trình, kế hoạch giảm nghèo của các sở, ngành, địa phương.',
  '3': 'Đẩy mạnh hỗ trợ phát triển sản xuất, đa dạng sinh kế, nhân rộng mô hình giảm nghèo hiệu quả nhằm nâng cao thu nhập cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.',
  '4': 'Xây dựng kế hoạch giúp người nghèo cải thiện việc tiếp cận các dịch vụ xã hội cơ bản như y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin.',
  '5': 'Tạo điều kiện thuận lợi để hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo được tiếp cận vay các nguồn vốn tín dụng ưu đãi để phát triển sản xuất, kinh doanh.',
  '6': 'Huy động các nguồn lực để đẩy mạnh xây dựng cơ sở hạ tầng thiết yếu tại các huyện nghèo, xã, thôn bản đặc biệt khó khăn.',
  // A text that opens as a list item does: a spreadsheet would take "-" for a formula.
  '7': '- Tăng cường công tác kiểm tra, giám sát; tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện giảm nghèo.',
  '9': 'Tăng cường đào tạo, bồi dưỡng, nâng cao năng lực cho đội ngũ cán bộ làm công tác giảm nghèo ở cấp huyện, xã.',
  '10': 'Tiếp tục đẩy mạnh cuộc vận động ủng hộ Quỹ "Vì người nghèo" và phong trào thi đua "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau".',
  '11': 'Theo dõi, đôn đốc việc triển khai thực hiện của các sở, ban, ngành và UBND các huyện, thị xã, thành phố; tổng hợp báo cáo UBND tỉnh.',
};

export interface FixtureAssignment {
  agencyId: string;
  taskNumber: string;
  mode: 'giao' | 'yeu-cau' | 'de-nghi';
  status: OfficialStatus | null;
  lifecycle: LifecycleStage;
  deadline: string | null;
  completedOn: string | null;
  latestPercent: number | null;
  assignedOn: string;
  directiveNumber: string;
  taskText: string;
}

type Spec = [
  agencyId: string,
  task: string,
  status: OfficialStatus | 'cancelled',
  deadline: string | null,
  completedOn: string | null,
  percent: number | null,
];

const SPECS: Spec[] = [
  ['so-ldtbxh', '11', 'completedOnTime', '2017-02-28', '2017-02-25', 100],
  ['so-ldtbxh', '7', 'completedLate', '2017-02-28', '2017-03-06', 100],
  ['so-ldtbxh', '2', 'inProgressWithinDeadline', '2017-03-31', null, 60],
  ['so-yt', '4', 'overdue', '2017-03-10', null, 40],
  ['so-yt', '7', 'completedOnTime', '2017-03-10', '2017-03-08', 100],
  ['so-yt', '2', 'noDeadline', null, null, 20],
  ['so-gddt', '4', 'completedLate', '2017-03-01', '2017-03-13', 100],
  ['so-gddt', '2', 'overdue', '2017-03-10', null, null],
  ['nhcsxh-tinh', '5', 'completedOnTime', null, '2017-03-01', 100],
  ['h-muong-lat', '3', 'overdue', '2017-02-28', null, 30],
  ['h-muong-lat', '6', 'inProgressWithinDeadline', '2017-03-31', null, 10],
  ['h-muong-lat', '7', 'completedLate', '2017-02-28', '2017-03-14', 100],
  ['h-muong-lat', '9', 'cancelled', '2017-03-31', null, null],
  ['h-quan-hoa', '3', 'completedOnTime', '2017-03-10', '2017-03-09', 100],
  ['h-quan-hoa', '6', 'overdue', '2017-03-01', null, 12.5],
  ['h-quan-hoa', '9', 'noDeadline', null, null, null],
  ['tp-thanh-hoa', '3', 'inProgressWithinDeadline', '2017-03-31', null, 50],
  ['tp-thanh-hoa', '7', 'overdue', '2017-03-10', null, 0],
  ['mttq-tinh', '10', 'overdue', '2017-03-10', null, 50],
  ['hoi-lhpn-tinh', '10', 'completedOnTime', '2017-03-10', '2017-03-05', 100],
];

function assignmentOf([agencyId, task, status, deadline, completedOn, percent]: Spec): FixtureAssignment {
  const lifecycle: LifecycleStage =
    status === 'cancelled' ? 'cancelled' : completedOn ? 'completed' : percent === null || percent === 0 ? 'notStarted' : 'inProgress';
  return {
    agencyId,
    taskNumber: task,
    mode: task === '10' ? 'de-nghi' : task === '11' ? 'giao' : 'yeu-cau',
    status: status === 'cancelled' ? null : status,
    lifecycle,
    deadline,
    completedOn,
    latestPercent: percent,
    assignedOn: ISSUED_ON,
    directiveNumber: DIRECTIVE_NUMBER,
    taskText: TASKS[task],
  };
}

export const ASSIGNMENTS: FixtureAssignment[] = SPECS.map(assignmentOf);

const isClosed = (a: FixtureAssignment) => a.lifecycle === 'cancelled' || a.lifecycle === 'superseded' || a.lifecycle === 'revoked';
const isRequest = (a: FixtureAssignment) => a.mode === 'de-nghi';

function statusCounts(list: readonly FixtureAssignment[]): StatusCounts {
  const counts: StatusCounts = {
    completedOnTime: 0,
    completedLate: 0,
    inProgressWithinDeadline: 0,
    overdue: 0,
    noDeadline: 0,
    completedWithoutDeadline: 0,
    extendedAfterDue: 0,
    total: 0,
  };
  for (const a of list) {
    if (!a.status) continue;
    counts[a.status] += 1;
    counts.total += 1;
    if (a.status === 'completedOnTime' && a.deadline === null) counts.completedWithoutDeadline += 1;
  }
  return counts;
}

const rate = (name: string, label: string, numerator: number, denominator: number): Rate => ({
  name,
  label,
  numerator,
  denominator,
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});

/** A block as the reporting domain counts it (libs/reporting/domain/src/assignments/tally.ts). */
export function blockOf(list: readonly FixtureAssignment[]): SummaryBlock {
  const live = list.filter((a) => !isClosed(a));
  const counts = statusCounts(live);
  const completed = counts.completedOnTime + counts.completedLate;
  const due = live.filter((a) => a.deadline !== null && a.deadline <= TO);
  const completedDue = due.filter((a) => a.completedOn !== null).length;
  const lifecycle = {
    notStarted: 0,
    inProgress: 0,
    awaitingConfirmation: 0,
    returned: 0,
    completed: 0,
    cancelled: 0,
    superseded: 0,
    revoked: 0,
  };
  for (const a of list) lifecycle[a.lifecycle as keyof typeof lifecycle] += 1;
  return {
    assigned: list.length,
    counts,
    carriedOver: statusCounts(live.filter((a) => a.assignedOn < FROM)),
    assignedInWindow: statusCounts(live.filter((a) => a.assignedOn >= FROM)),
    lifecycle,
    rates: [
      rate('completed/assigned', 'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao', completed, counts.total),
      rate('completedOnTime/completed', 'Tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đã hoàn thành', counts.completedOnTime, completed),
      rate(
        'completed/(completed+overdue)',
        'Tỷ lệ hoàn thành trên số nhiệm vụ đã hoàn thành và quá hạn chưa hoàn thành',
        completed,
        completed + counts.overdue,
      ),
      rate('overdue/assigned', 'Tỷ lệ quá hạn chưa hoàn thành trên tổng số nhiệm vụ được giao', counts.overdue, counts.total),
      rate('completed/due', 'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn', completedDue, due.length),
    ],
    activity: {
      progressReports: live.length,
      completionsReported: completed,
      confirmations: completed,
      returns: 0,
      reopenings: 0,
      recordedLate: 1,
    },
  };
}

function rollupOf(id: string, name: string, agencies: number, list: readonly FixtureAssignment[]): RollupRow {
  return { id, name, agencies, ...blockOf(list.filter((a) => !isRequest(a))), requests: blockOf(list.filter(isRequest)) };
}

function rowOf(a: FixtureAssignment, i: number, nameOf: (id: string) => string): ReportAssignmentRow {
  const end = a.completedOn ?? TO;
  return {
    assignmentId: `${a.directiveNumber}:${a.taskNumber}:${a.agencyId}:${i}`,
    directiveNumber: a.directiveNumber,
    taskNumber: a.taskNumber,
    taskText: a.taskText,
    mode: a.mode,
    role: 'lead',
    agencyId: a.agencyId,
    agencyName: nameOf(a.agencyId),
    status: a.status,
    statusLabel: a.status ? STATUS_LABELS[a.status] : null,
    lifecycle: a.lifecycle,
    deadline: a.deadline,
    completedOn: a.completedOn,
    daysLate: a.status === 'completedLate' || a.status === 'overdue' ? daysBetween(a.deadline as string, end) : 0,
    latestPercent: a.latestPercent,
  };
}

const submission = (
  agencyId: string,
  agencyName: string,
  due: number,
  onTime: number,
  late: number,
  missing: number,
  pending: number,
): SubmissionRow => ({
  agencyId,
  agencyName,
  due,
  onTime,
  late,
  missing,
  pending,
  completeness: rate('submitted/due', 'Tỷ lệ báo cáo đầy đủ', onTime + late, due),
  timeliness: rate('onTime/due', 'Tỷ lệ báo cáo đúng hạn', onTime, due),
});

export const SUBMISSIONS: SubmissionRow[] = [
  submission('so-ldtbxh', 'Sở Lao động - Thương binh và Xã hội', 3, 2, 1, 0, 0),
  submission('h-muong-lat', 'UBND huyện Mường Lát', 3, 1, 0, 2, 0),
  submission('nhcsxh-tinh', 'Ngân hàng Chính sách xã hội chi nhánh tỉnh Thanh Hóa', 2, 2, 0, 0, 1),
];

/** A report counted from `assignments` held by `agencies` (the fixture's own by default). */
export function reportContentFixture(
  assignments: readonly FixtureAssignment[] = ASSIGNMENTS,
  agencies: readonly FixtureAgency[] = AGENCIES,
): ReportContent {
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const byAgency = (ids: ReadonlySet<string>) => assignments.filter((a) => ids.has(a.agencyId));
  const holders = agencies.filter((agency) => assignments.some((a) => a.agencyId === agency.id));
  const rows = assignments.map((a, i) => rowOf(a, i, nameOf));
  const province = rollupOf('province', 'Toàn tỉnh', holders.length, assignments);
  const groups = GROUPS.map(([id, name]) => {
    const members = holders.filter((agency) => agency.groups.includes(id));
    return rollupOf(id, name, members.length, byAgency(new Set(members.map((m) => m.id))));
  }).filter((group) => group.agencies > 0);
  return {
    heading: {
      parentBody: 'UBND tỉnh Thanh Hóa',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội',
      number: '15/BC-SLĐTBXH',
      place: 'Thanh Hóa',
      date: '2017-04-05',
      title: 'Kết quả thực hiện Văn bản số 4308/UBND-VX ngày 10/02/2017 của UBND tỉnh về giảm nghèo bền vững, quý I năm 2017',
      recipients: [
        'UBND tỉnh (để báo cáo);',
        'Bộ Lao động - Thương binh và Xã hội (để báo cáo);',
        'Các sở, ban, ngành cấp tỉnh;',
        'UBND các huyện, thị xã, thành phố;',
        'Lưu: VT, BTXH.',
      ],
      signer: { name: 'Nguyễn Thị Hạnh', capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
    },
    directive: {
      directiveId: 'd-4308',
      number: DIRECTIVE_NUMBER,
      subject:
        'V/v thực hiện Chỉ thị số 01 ngày 06/01/2017 của Thủ tướng Chính phủ về tăng cường chỉ đạo thực hiện CTMTQG giảm nghèo bền vững giai đoạn 2016 - 2020.',
      issuer: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      issuedOn: ISSUED_ON,
    },
    period: { period: '2017-Q1', kind: 'quarter', calendar: 'decree09', from: FROM, to: TO },
    asOf: TO,
    knownAt: '2017-04-05T03:00:00.000Z',
    checkpoints: [
      {
        store: 'events',
        treeSize: 1234,
        rootHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        time: '2017-04-05T02:59:00.000Z',
        keyId: 'thanh-hoa-2017',
      },
    ],
    summary: province,
    requests: province.requests,
    coordinating: {
      assigned: 6,
      total: 5,
      lifecycle: {
        notStarted: 2,
        inProgress: 2,
        awaitingConfirmation: 0,
        returned: 0,
        completed: 1,
        cancelled: 1,
        superseded: 0,
        revoked: 0,
      },
      activity: { progressReports: 4, completionsReported: 1, confirmations: 1, returns: 0, reopenings: 0, recordedLate: 0 },
    },
    scorecards: holders.map((agency) => rollupOf(agency.id, agency.name, 1, byAgency(new Set([agency.id])))),
    groups,
    province,
    lateAndOverdue: rows.filter((r) => r.status === 'completedLate' || r.status === 'overdue'),
    requestRows: rows.filter((r) => r.mode === 'de-nghi'),
    submissions: SUBMISSIONS,
  };
}

/** The fixture with `count` more late or overdue assignments, spread over 500 communes (the large case). */
export function largeReportContent(count: number): ReportContent {
  const communes: FixtureAgency[] = Array.from({ length: 500 }, (_, i) => ({
    id: `xa-${i + 1}`,
    name: `UBND xã Số ${i + 1}`,
    groups: ['ubnd-xa'],
  }));
  const extra: FixtureAssignment[] = Array.from({ length: count }, (_, i) => {
    const overdue = i % 3 !== 0;
    return {
      ...assignmentOf([
        communes[i % communes.length].id,
        String((i % 9) + 1),
        overdue ? 'overdue' : 'completedLate',
        '2017-02-28',
        overdue ? null : '2017-03-10',
        i % 101,
      ]),
      taskText: `${TASKS[String((i % 7) + 2)] ?? TASKS['2']} (lần ${i + 1})`,
    };
  });
  return reportContentFixture([...ASSIGNMENTS, ...extra], [...AGENCIES, ...communes]);
}
