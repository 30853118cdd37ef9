import { reportContentSchema, type RollupRow, type StatusCounts, type SubmissionRow } from '@dm/contracts';
import { parsePeriod } from '@dm/periods';
import { scorecards, summarize } from '../assignments/summary';
import { Story, assignmentId } from '../story.fixtures';
import { content, directive, docs, docsOf, heading, id, input, NAMES, NUMBER, period } from './report-content.fixtures';
import { PROVINCE_ROW, reportContent } from './report-content';

const counts = (o: Partial<StatusCounts>): StatusCounts => ({
  completedOnTime: 0,
  completedLate: 0,
  inProgressWithinDeadline: 0,
  overdue: 0,
  noDeadline: 0,
  completedWithoutDeadline: 0,
  extendedAfterDue: 0,
  total: 0,
  ...o,
});
const window = { from: period.from, to: period.to };

describe('reportContent', () => {
  const report = content();

  it('is a report content by the contract, as of the period’s end, with its heading, directive and period', () => {
    expect(reportContentSchema.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({
      heading,
      directive,
      period: { period: '2017-Q1', kind: 'quarter', calendar: 'decree09', from: '2016-12-15', to: '2017-03-14' },
      asOf: '2017-03-14',
      knownAt: '2017-04-05T03:00:00.000Z',
      checkpoints: [],
    });
  });

  it('counts the assignments started by the period’s end, each as of that end (task 12, added on 20/04, is left out)', () => {
    expect(report.summary.counts).toEqual(
      counts({ completedOnTime: 1, completedLate: 2, inProgressWithinDeadline: 2, overdue: 3, extendedAfterDue: 1, total: 8 }),
    );
    expect(report.requests.counts).toEqual(counts({ inProgressWithinDeadline: 1, overdue: 1, total: 2 }));
    expect(report.coordinating).toMatchObject({ assigned: 2, total: 2 });
    expect(JSON.stringify(report)).not.toContain('h-quan-hoa');
  });

  describe('scorecards', () => {
    it('gives one row per agency holding a lead assignment, named by the registry and sorted by Vietnamese name', () => {
      expect(report.scorecards.map((r) => [r.id, r.name, r.agencies])).toEqual([
        ['so-yt', 'Sở Y tế', 1],
        ['h-ba-thuoc', 'UBND huyện Bá Thước', 1],
        ['h-dong-son', 'UBND huyện Đông Sơn', 1],
        ['h-muong-lat', 'UBND huyện Mường Lát', 1],
        ['mttq', 'Ủy ban MTTQ Việt Nam tỉnh', 1],
      ]);
    });

    it('leaves out agencies with coordinating assignments only', () => {
      expect(report.scorecards.map((r) => r.id)).not.toContain('so-ldtbxh');
      expect(report.scorecards.map((r) => r.id)).not.toContain('hlhpn');
    });

    it('holds each agency’s official and requests blocks as its scorecard counts them', () => {
      for (const card of scorecards(docs(), window)) {
        const { agencyId, requests, ...block } = card;
        const row = report.scorecards.find((r) => r.id === agencyId) as RollupRow;
        expect(row).toEqual({ id: agencyId, name: NAMES[agencyId], agencies: 1, ...block, requests });
      }
      expect(report.scorecards.find((r) => r.id === 'mttq')).toMatchObject({
        counts: { total: 0 },
        requests: { counts: { total: 2, overdue: 1, inProgressWithinDeadline: 1 } },
      });
    });
  });

  describe('groups', () => {
    const group = (groupId: string) => report.groups.find((g) => g.id === groupId) as RollupRow;

    it('gives a row per registry group with a member holding a lead assignment, in the registry’s order', () => {
      expect(report.groups.map((g) => [g.id, g.name, g.agencies])).toEqual([
        ['ubnd-huyen', 'UBND các huyện, thị xã, thành phố', 3],
        ['huyen-ngheo-30a', 'Các huyện nghèo theo Nghị quyết 30a', 2],
        ['so-ban-nganh', 'Các sở, ban, ngành cấp tỉnh', 1],
        ['mat-tran', 'Mặt trận Tổ quốc và các đoàn thể', 1],
      ]);
    });

    it('leaves out a group whose members hold no counted lead assignment (coordinating only, or started after the period)', () => {
      expect(report.groups.map((g) => g.id)).not.toContain('doan-the');
      expect(report.groups.map((g) => g.id)).not.toContain('huyen-moi');
    });

    it('sums its members’ assignments only', () => {
      expect(group('ubnd-huyen').counts).toEqual(
        counts({ completedOnTime: 1, completedLate: 1, inProgressWithinDeadline: 2, overdue: 2, total: 6 }),
      );
      expect(group('so-ban-nganh').counts).toEqual(counts({ completedLate: 1, overdue: 1, extendedAfterDue: 1, total: 2 }));
      expect(group('mat-tran').counts.total).toBe(0);
      expect(group('mat-tran').requests.counts).toEqual(counts({ inProgressWithinDeadline: 1, overdue: 1, total: 2 }));
    });

    it('counts an agency in two groups in both (Mường Lát in the districts and in the 30a districts)', () => {
      expect(group('huyen-ngheo-30a').counts).toEqual(counts({ completedLate: 1, inProgressWithinDeadline: 1, overdue: 2, total: 4 }));
      const members = docs().filter((d) => d.role === 'lead' && ['h-muong-lat', 'h-ba-thuoc'].includes(d.agencyId as string));
      const { from: _f, to: _t, asOf: _a, requests, coordinating: _c, ...block } = summarize(members, window);
      expect(group('huyen-ngheo-30a')).toEqual({
        id: 'huyen-ngheo-30a',
        name: 'Các huyện nghèo theo Nghị quyết 30a',
        agencies: 2,
        ...block,
        requests,
      });
    });
  });

  describe('the province row', () => {
    it('holds the summary’s counts, the requests block and the number of agencies holding a lead assignment', () => {
      expect(report.province).toEqual({
        id: PROVINCE_ROW,
        name: 'Tất cả cơ quan, đơn vị',
        agencies: 5,
        ...report.summary,
        requests: report.requests,
      });
      const { from: _f, to: _t, asOf: _a, requests, coordinating: _c, ...block } = summarize(docs(), window);
      expect(report.summary).toEqual(block);
      expect(report.requests).toEqual(requests);
    });

    it('is named for the whole province when the report is on every directive', () => {
      expect(content({ directive: null }).province.name).toBe('Toàn tỉnh');
    });
  });

  describe('lateAndOverdue', () => {
    it('holds exactly the lead assignments completed late or overdue at the period’s end, official and requests', () => {
      expect(report.lateAndOverdue.map((r) => [r.assignmentId, r.status])).toEqual([
        [id('1', 'so-yt'), 'overdue'],
        [id('1', 'h-ba-thuoc'), 'overdue'],
        [id('1', 'h-muong-lat'), 'completedLate'],
        [id('2', 'h-muong-lat'), 'overdue'],
        [id('5', 'so-yt'), 'completedLate'],
        [id('10', 'mttq'), 'overdue'],
      ]);
    });

    it('leaves out an assignment due on the period’s last day (Bá Thước’s task 3), one completed on time, and coordinating ones', () => {
      const ids = report.lateAndOverdue.map((r) => r.assignmentId);
      expect(ids).not.toContain(id('3', 'h-ba-thuoc'));
      expect(ids).not.toContain(id('1', 'h-dong-son'));
      expect(ids).not.toContain(id('1', 'so-ldtbxh', 'coordinating'));
      expect(ids).not.toContain(id('10', 'hlhpn', 'coordinating'));
    });

    it('counts the days late from the deadline to the completion, or to the period’s end', () => {
      expect(report.lateAndOverdue.map((r) => [r.taskNumber, r.agencyId, r.daysLate])).toEqual([
        ['1', 'so-yt', 14], // 28/02 → 14/03
        ['1', 'h-ba-thuoc', 14],
        ['1', 'h-muong-lat', 5], // 28/02 → 05/03
        ['2', 'h-muong-lat', 4], // 10/03 → 14/03
        ['5', 'so-yt', 5], // due 20/02 when completed on 25/02; extended to 31/03 afterwards
        ['10', 'mttq', 13], // 01/03 → 14/03
      ]);
    });

    it('describes each row: its directive, task text, mode, agency by name, status, stage, deadline in force, completion and percent', () => {
      expect(report.lateAndOverdue[0]).toEqual({
        assignmentId: id('1', 'so-yt'),
        directiveNumber: NUMBER,
        taskNumber: '1',
        taskText: 'd-1: nhiệm vụ 1',
        mode: 'giao',
        role: 'lead',
        agencyId: 'so-yt',
        agencyName: 'Sở Y tế',
        status: 'overdue',
        statusLabel: 'Quá hạn chưa hoàn thành',
        lifecycle: 'inProgress',
        deadline: '2017-02-28',
        completedOn: null,
        daysLate: 14,
        latestPercent: 30,
      });
      expect(report.lateAndOverdue.find((r) => r.taskNumber === '5')).toMatchObject({ deadline: '2017-03-31', completedOn: '2017-02-25' });
      expect(report.lateAndOverdue.map((r) => r.mode)).toEqual(['giao', 'giao', 'giao', 'yeu-cau', 'giao', 'de-nghi']);
      expect(report.lateAndOverdue.map((r) => r.taskText)).toEqual([
        'd-1: nhiệm vụ 1',
        'd-1: nhiệm vụ 1',
        'd-1: nhiệm vụ 1',
        'd-1: nhiệm vụ 2',
        'd-1: nhiệm vụ 5',
        'd-1: nhiệm vụ 10',
      ]);
    });

    it('orders rows by directive number, task number as a number (2, 5 before 10), then agency name', () => {
      expect(report.lateAndOverdue.map((r) => `${r.taskNumber} ${r.agencyName}`)).toEqual([
        '1 Sở Y tế',
        '1 UBND huyện Bá Thước',
        '1 UBND huyện Mường Lát',
        '2 UBND huyện Mường Lát',
        '5 Sở Y tế',
        '10 Ủy ban MTTQ Việt Nam tỉnh',
      ]);
    });
  });

  describe('requestRows', () => {
    it('holds the lead assignments of requests (đề nghị), whatever their status', () => {
      expect(report.requestRows.map((r) => [r.assignmentId, r.mode, r.status])).toEqual([
        [id('10', 'mttq'), 'de-nghi', 'overdue'],
        [id('11', 'mttq'), 'de-nghi', 'inProgressWithinDeadline'],
      ]);
    });

    it('lists a request closed within the period too, with no status', () => {
      const story = new Story('d-6', '2017-02-10')
        .issue([{ number: '1', deadline: '2017-06-30', lead: ['mttq'], mode: 'de-nghi' }])
        .cancel('1', '2017-03-01');
      const rows = content({ directive: null, docs: docsOf(story) }).requestRows;
      expect(rows.map((r) => [r.assignmentId, r.status, r.lifecycle])).toEqual([
        [assignmentId('1', 'mttq', 'lead', 'd-6'), null, 'cancelled'],
      ]);
    });
  });

  it('passes the periodic report duties’ rows through', () => {
    const row: SubmissionRow = {
      agencyId: 'h-muong-lat',
      agencyName: 'UBND huyện Mường Lát',
      due: 1,
      onTime: 1,
      late: 0,
      missing: 0,
      pending: 0,
      completeness: { name: 'submitted/due', label: 'x', numerator: 1, denominator: 1, value: 1 },
      timeliness: { name: 'onTime/due', label: 'x', numerator: 1, denominator: 1, value: 1 },
    };
    expect(content({ submissions: [row] }).submissions).toEqual([row]);
  });

  it('leaves the lists of assignments empty for the roll-up alone (lists: false), the counts as they are', () => {
    const rollUp = content({ lists: false });
    expect([rollUp.lateAndOverdue, rollUp.requestRows]).toEqual([[], []]);
    expect(rollUp.scorecards).toEqual(report.scorecards);
    expect(rollUp.groups).toEqual(report.groups);
    expect(rollUp.province).toEqual(report.province);
  });

  it('gives an empty report for no assignment', () => {
    const empty = content({ docs: [] });
    expect([empty.scorecards, empty.groups, empty.lateAndOverdue, empty.requestRows]).toEqual([[], [], [], []]);
    expect(empty.province).toMatchObject({ agencies: 0, counts: { total: 0 } });
  });

  describe('after a transfer', () => {
    // Sở LĐ-TB&XH's task moves to Sở Nội vụ on 01/03/2017, within 2017-Q1; another one's on 01/04, after it
    const story = new Story('d-7', '2017-02-10')
      .issue([{ number: '1', deadline: '2017-02-28', lead: ['so-a', 'so-c'] }])
      .transfer('so-a', 'so-b', '2017-03-01')
      .transfer('so-c', 'so-d', '2017-04-01');
    const names: Record<string, string> = { 'so-a': 'Sở A', 'so-b': 'Sở B', 'so-c': 'Sở C', 'so-d': 'Sở D' };
    const moved = reportContent(
      input({
        directive: null,
        docs: docsOf(story),
        registry: {
          nameOf: (agencyId) => names[agencyId],
          groups: [
            { id: 'cu', name: 'Cũ', members: ['so-a'] },
            { id: 'moi', name: 'Mới', members: ['so-b', 'so-c'] },
          ],
        },
      }),
    );

    it('counts each assignment for the agency holding it at the period’s end', () => {
      expect(moved.scorecards.map((r) => [r.id, r.name, r.counts.overdue])).toEqual([
        ['so-b', 'Sở B', 1],
        ['so-c', 'Sở C', 1],
      ]);
      expect(moved.groups.map((g) => [g.id, g.agencies, g.counts.total])).toEqual([['moi', 2, 2]]);
      expect(moved.lateAndOverdue.map((r) => [r.assignmentId, r.agencyId, r.agencyName])).toEqual([
        [assignmentId('1', 'so-a', 'lead', 'd-7'), 'so-b', 'Sở B'],
        [assignmentId('1', 'so-c', 'lead', 'd-7'), 'so-c', 'Sở C'],
      ]);
    });

    it('counts it for its new holder in a later period', () => {
      const q2 = reportContent(
        input({
          directive: null,
          docs: docsOf(story),
          registry: { nameOf: (a) => names[a], groups: [] },
          period: parsePeriod('2017-Q2', 'decree09'),
        }),
      );
      expect(q2.scorecards.map((r) => r.id)).toEqual(['so-b', 'so-d']);
    });
  });
});
