import {
  annualReviewLineSchema,
  annualReviewResponse,
  EVENT_TYPES,
  type AgencyReview,
  type AnnualReviewResponse,
  type Principal,
} from '@dm/contracts';
import { isAllowed } from '@dm/eventsourcing';
import { annualReviewCsv, annualReviewFileName, annualReviewJsonl, csvCell } from './annual-review-export';
import { annualReviewPolicy, annualReviewScope, inReviewScope } from './annual-review.policy';
import { annualReviews, isOfYear, reviewYearOf } from './annual-review';
import type { AssignmentDoc } from './assignments/assignment-doc';
import { deriveStatus } from './assignments/status';
import { summarize } from './assignments/summary';
import { asKnownAt } from './known-at';
import { assignmentId, Story, timelineOf } from './story.fixtures';

/*
 * docs/domain.md, "The annual review". Directive d-1 (10/02/2017) gives the
 * district h-bt five tasks, each with one story of 2017, and makes it
 * coordinate task 6; d-0 (01/03/2016) gives h-ml work of 2016, some of it
 * done or closed before 2017. Record times are those of the day the event
 * happened, except the reports recorded late.
 */
const bt = (task: string, role: 'lead' | 'coordinating' = 'lead') => assignmentId(task, 'h-bt', role);
const ml = (task: string) => assignmentId(task, 'h-ml', 'lead', 'd-0');
const at = (date: string) => `${date}T10:00:00+07:00`;

const d1 = new Story('d-1', '2017-02-10')
  .recordAt(at('2017-02-10'))
  .issue([
    { number: '1', deadline: '2017-03-31', lead: ['h-bt'] },
    { number: '2', deadline: '2017-06-30', lead: ['h-bt'] },
    { number: '3', deadline: '2017-04-30', lead: ['h-bt'] },
    { number: '4', deadline: '2017-09-30', lead: ['h-bt'] },
    { number: '5', deadline: '2017-12-31', lead: ['h-bt'] },
    { number: '6', deadline: '2017-12-31', lead: ['so-x'], coordinating: ['h-bt'] },
  ])
  // 1: completed late, 10 days after its deadline.
  .recordAt(at('2017-04-10'))
  .complete(bt('1'), '2017-04-10')
  .recordAt(at('2017-04-12'))
  .confirm(bt('1'), '2017-04-10', '2017-04-12')
  // 2: in progress, overdue from 01/07.
  .recordAt(at('2017-05-01'))
  .progress(bt('2'), '2017-05-01', 40)
  // 3: extended on 15/05, after its deadline of 30/04, to 31/08; completed within it.
  .recordAt(at('2017-05-15'))
  .changeDeadline('3', '2017-04-30', '2017-08-31', '2017-05-15', 'h-bt')
  .recordAt(at('2017-08-21'))
  .complete(bt('3'), '2017-08-20')
  .recordAt(at('2017-08-25'))
  .confirm(bt('3'), '2017-08-20', '2017-08-25')
  // 4: a completion returned, then reported again and accepted.
  .recordAt(at('2017-09-20'))
  .complete(bt('4'), '2017-09-20')
  .recordAt(at('2017-09-22'))
  .giveBack(bt('4'), '2017-09-20', '2017-09-22')
  .recordAt(at('2017-09-28'))
  .complete(bt('4'), '2017-09-28')
  .recordAt(at('2017-09-29'))
  .confirm(bt('4'), '2017-09-28', '2017-09-29')
  // 5: a report of Thursday 01/06 recorded on Tuesday 20/06 (late); 6: the same as coordinating agency.
  .recordAt(at('2017-06-20'))
  .progress(bt('5'), '2017-06-01', 20)
  .progress(bt('6', 'coordinating'), '2017-06-01')
  // After the year: a report of 2018 on task 2.
  .recordAt(at('2018-01-10'))
  .progress(bt('2'), '2018-01-10', 90);

const d0 = new Story('d-0', '2016-03-01')
  .recordAt(at('2016-03-01'))
  .issue([
    { number: 'A', deadline: '2016-06-30', lead: ['h-ml'] },
    { number: 'B', deadline: '2016-06-30', lead: ['h-ml'] },
    { number: 'C', deadline: '2016-06-30', lead: ['h-ml'] },
    { number: 'D', deadline: '2016-12-31', lead: ['h-ml'] },
    { number: 'E', deadline: '2016-12-31', lead: ['h-ml'] },
  ])
  .recordAt(at('2016-05-02'))
  .complete(ml('A'), '2016-05-01')
  .confirm(ml('A'), '2016-05-01', '2016-05-02')
  .recordAt(at('2016-10-01'))
  .cancel('B', '2016-10-01')
  .recordAt(at('2016-12-20'))
  .complete(ml('D'), '2016-12-20')
  .complete(ml('E'), '2016-12-20')
  .confirm(ml('E'), '2016-12-20', '2016-12-20')
  .recordAt(at('2017-01-05'))
  .confirm(ml('D'), '2016-12-20', '2017-01-05')
  .recordAt(at('2017-03-01'))
  .reopen(ml('E'), '2016-12-20', '2017-03-01');

const events = [...d1.events, ...d0.events];
const docs = [...d1.docs().values(), ...d0.docs().values()] as unknown as AssignmentDoc[];
const doc = (id: string) => docs.find((d) => d._id === id) as AssignmentDoc;
const timelines = new Map(docs.map((d) => [d._id, timelineOf(events, d._id)]));
const texts = (_directiveId: string, taskNumber: string) => `Nhiệm vụ ${taskNumber}`;

const review2017 = (agencyId?: string) => annualReviews(docs, 2017, { agencyId, timelines, taskText: texts });
const only = (reviews: AgencyReview[]) => {
  expect(reviews).toHaveLength(1);
  return reviews[0];
};
const row = (review: AgencyReview, id: string) => review.assignments.find((a) => a.assignmentId === id)!;
const flaggedOf = (review: AgencyReview, id: string) => review.flagged.find((f) => f.assignmentId === id)!;
const answerOf = (reviews: AgencyReview[]): AnnualReviewResponse => ({
  ...reviewYearOf(2017),
  knownAt: null,
  checkpoints: [],
  monitoredBy: null,
  reviews,
});

describe('the annual review', () => {
  describe('given a district with one story of each kind in 2017', () => {
    const review = only(review2017('h-bt'));

    it('when reviewed, then every assignment of the year is listed by role, with its status as of 31/12 as deriveStatus gives it', () => {
      expect(review.agencyId).toBe('h-bt');
      expect(review.assignments.map((a) => [a.taskNumber, a.role])).toEqual([
        ['1', 'lead'],
        ['2', 'lead'],
        ['3', 'lead'],
        ['4', 'lead'],
        ['5', 'lead'],
        ['6', 'coordinating'],
      ]);
      for (const a of review.assignments)
        expect(a).toMatchObject({
          ...Object.fromEntries(
            ['status', 'statusLabel', 'lifecycle', 'deadline', 'completedOn', 'deadlineAtCompletion'].map((k) => [
              k,
              (deriveStatus(doc(a.assignmentId), '2017-12-31') as unknown as Record<string, unknown>)[k],
            ]),
          ),
          taskText: `Nhiệm vụ ${a.taskNumber}`,
          directiveNumber: 'd-1/UBND-VX',
        });
      expect(row(review, bt('1'))).toMatchObject({ status: 'completedLate', daysLate: 10, daysOverdue: null });
      expect(row(review, bt('2'))).toMatchObject({ status: 'overdue', deadline: '2017-06-30', daysOverdue: 184, daysLate: null });
      expect(row(review, bt('6', 'coordinating'))).toMatchObject({ status: null, lifecycle: 'inProgress' });
    });

    it('then each flag is set on the assignment it describes, and only there', () => {
      const flags = Object.fromEntries(review.assignments.map((a) => [a.taskNumber, a.flags]));
      const none = { late: false, overdue: false, extendedAfterDue: false, returned: false, recordedLate: false };
      expect(flags).toEqual({
        '1': { ...none, late: true },
        '2': { ...none, overdue: true },
        '3': { ...none, extendedAfterDue: true },
        '4': { ...none, returned: true },
        '5': { ...none, recordedLate: true },
        '6': { ...none, recordedLate: true },
      });
      expect(review.counts).toEqual({
        assignments: 6,
        lead: 5,
        coordinating: 1,
        late: 1,
        overdue: 1,
        extendedAfterDue: 1,
        returned: 1,
        recordedLate: 2,
      });
      expect(row(review, bt('4'))).toMatchObject({ returns: 1, status: 'completedOnTime' });
      expect(row(review, bt('5')).recordedLateReports).toBe(1);
      expect(review.flagged.map((f) => [f.taskNumber, f.flags])).toEqual([
        ['1', ['late']],
        ['2', ['overdue']],
        ['3', ['extendedAfterDue']],
        ['4', ['returned']],
        ['5', ['recordedLate']],
        ['6', ['recordedLate']],
      ]);
    });

    it("then the rates are the official block's, each naming its numerator and denominator, the summary's five as the year's summary counts them", () => {
      const byName = Object.fromEntries(review.rates.map((r) => [r.name, [r.numerator, r.denominator, r.value]]));
      expect(byName).toEqual({
        'completed/assigned': [3, 5, 0.6],
        'completedOnTime/completed': [2, 3, 0.6667],
        'completed/(completed+overdue)': [3, 4, 0.75],
        'overdue/assigned': [1, 5, 0.2],
        'completed/due': [3, 5, 0.6],
        'extendedAfterDue/assigned': [1, 5, 0.2],
        'returned/completionsReported': [1, 4, 0.25],
        'recordedLate/reports': [1, 6, 0.1667],
      });
      const summary = summarize(
        docs.filter((d) => d.agencyId === 'h-bt'),
        { from: '2017-01-01', to: '2017-12-31' },
      );
      expect(review.rates.slice(0, 5)).toEqual(summary.rates);
      expect(review.rates.every((r) => r.label.length > 0)).toBe(true);
    });

    it('then a late completion is listed with its timeline: who reported it, its business date and record time, the acceptance', () => {
      expect(flaggedOf(review, bt('1')).timeline.map((e) => [e.type, e.on, e.recordedAt, e.actor.role, e.completedOn])).toEqual([
        [EVENT_TYPES.directiveIssued, '2017-02-10', '2017-02-10T03:00:00.000Z', 'monitoring_officer', null],
        [EVENT_TYPES.completionReported, '2017-04-10', '2017-04-10T03:00:00.000Z', 'agency_officer', '2017-04-10'],
        [EVENT_TYPES.completionConfirmed, '2017-04-12', '2017-04-12T03:00:00.000Z', 'monitoring_officer', '2017-04-10'],
      ]);
      expect(flaggedOf(review, bt('1')).timeline[0]).toMatchObject({
        deadline: '2017-03-31',
        previousDeadline: null,
        extendedAfterDue: null,
      });
      expect(flaggedOf(review, bt('1')).timeline[1]).toMatchObject({ summary: 'Xong', recordedLate: false, actor: { agencyId: 'h-bt' } });
    });

    it('then an extension after due shows the deadline it replaced, the new one, its reason and document', () => {
      const change = flaggedOf(review, bt('3')).timeline.find((e) => e.type === EVENT_TYPES.taskDeadlineChanged);
      expect(change).toMatchObject({
        on: '2017-05-15',
        previousDeadline: '2017-04-30',
        deadline: '2017-08-31',
        extendedAfterDue: true,
        reason: 'Gia hạn',
        authorizingDocument: '1/UBND',
        actor: { userId: 'u-vp', agencyId: 'vp-ubnd-tinh', role: 'monitoring_officer' },
      });
    });

    it('then a return shows its reason and the completion it returned, and the second report after it', () => {
      expect(flaggedOf(review, bt('4')).timeline.map((e) => [e.type, e.on, e.completedOn, e.reason])).toEqual([
        [EVENT_TYPES.directiveIssued, '2017-02-10', null, null],
        [EVENT_TYPES.completionReported, '2017-09-20', '2017-09-20', null],
        [EVENT_TYPES.completionReturned, '2017-09-22', '2017-09-20', 'Thiếu số liệu'],
        [EVENT_TYPES.completionReported, '2017-09-28', '2017-09-28', null],
        [EVENT_TYPES.completionConfirmed, '2017-09-29', '2017-09-28', null],
      ]);
    });

    it('then a report recorded late is marked on its timeline entry, and an event dated after 31/12 is left out', () => {
      expect(flaggedOf(review, bt('5')).timeline[1]).toMatchObject({
        type: EVENT_TYPES.progressReported,
        on: '2017-06-01',
        recordedAt: '2017-06-20T03:00:00.000Z',
        recordedLate: true,
        percent: 20,
      });
      const overdue = flaggedOf(review, bt('2')).timeline;
      expect(overdue.map((e) => e.on)).toEqual(['2017-02-10', '2017-05-01']);
      expect(row(only(annualReviews(docs, 2018, { agencyId: 'h-bt' })), bt('2')).flags.recordedLate).toBe(false);
    });
  });

  describe('given work of 2016 done, closed, carried over and reopened', () => {
    it('when 2017 is reviewed, then what was closed or completed before 01/01 is left out, and what is still open carries over', () => {
      const y = reviewYearOf(2017);
      expect(['A', 'B', 'C', 'D', 'E'].map((t) => [t, isOfYear(doc(ml(t)), y)])).toEqual([
        ['A', false], // completed (accepted) in 2016
        ['B', false], // cancelled in 2016
        ['C', true], // still overdue
        ['D', false], // completed on 20/12/2016, accepted in 2017: 2016's
        ['E', true], // reopened on 01/03/2017
      ]);
      const review = only(review2017('h-ml'));
      expect(review.assignments.map((a) => [a.taskNumber, a.status, a.daysOverdue])).toEqual([
        ['C', 'overdue', 549],
        ['E', 'overdue', 365],
      ]);
      expect(only(annualReviews(docs, 2016, { agencyId: 'h-ml' })).assignments.map((a) => a.taskNumber)).toEqual(['A', 'B', 'C', 'D', 'E']);
    });

    it('when every agency is reviewed, then one review per agency holding an assignment of the year, sorted by id', () => {
      expect(review2017().map((r) => r.agencyId)).toEqual(['h-bt', 'h-ml', 'so-x']);
      expect(annualReviews(docs, 2015)).toEqual([]);
      expect(only(annualReviews(docs, 2015, { agencyId: 'h-bt' }))).toMatchObject({
        assignments: [],
        flagged: [],
        counts: { assignments: 0 },
      });
    });
  });

  describe('given a review taken at a record time', () => {
    it('when the documents and timelines are as known then, then later facts change nothing of it', () => {
      const T = '2017-09-23T00:00:00.000Z'; // after the return, before the second completion
      const known = docs.map((d) => asKnownAt(d, T)).filter((d): d is AssignmentDoc => d !== null);
      const knownTimelines = new Map([...timelines].map(([id, entries]) => [id, entries.filter((e) => e.recordedAt <= T)]));
      const then = only(annualReviews(known, 2017, { agencyId: 'h-bt', timelines: knownTimelines }));
      expect(row(then, bt('4'))).toMatchObject({ status: 'overdue', lifecycle: 'returned', flags: { returned: true, overdue: true } });
      expect(row(then, bt('3'))).toMatchObject({ status: 'completedOnTime' });
      expect(row(then, bt('5')).flags.recordedLate).toBe(true); // recorded on 20/06, before T
      expect(flaggedOf(then, bt('4')).timeline.map((e) => e.type)).toEqual([
        EVENT_TYPES.directiveIssued,
        EVENT_TYPES.completionReported,
        EVENT_TYPES.completionReturned,
      ]);
    });
  });

  describe('the answer and its exports', () => {
    const answer = answerOf(review2017());

    it('matches its contract, and each JSON line is one agency review with the header', () => {
      expect(annualReviewResponse.strict().safeParse(answer).success).toBe(true);
      const lines = annualReviewJsonl(answer).trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      const first = JSON.parse(lines[0]);
      expect(annualReviewLineSchema.parse(first)).toMatchObject({ year: 2017, asOf: '2017-12-31', agencyId: 'h-bt', knownAt: null });
    });

    it('writes CSV for Excel: a BOM, a Vietnamese header, one row per assignment, dates dd/mm/yyyy, CRLF', () => {
      const csv = annualReviewCsv(answer);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = csv.slice(1).split('\r\n');
      expect(rows.pop()).toBe('');
      expect(rows[0]).toBe(
        'Cơ quan,Văn bản,Ngày ban hành,Nhiệm vụ,Nội dung nhiệm vụ,Vai trò,Ngày giao,Hạn,Ngày hoàn thành,Trạng thái,Giai đoạn,Số ngày trễ hạn,Số ngày quá hạn,Trễ hạn,Quá hạn,Gia hạn sau hạn,Bị trả lại,Báo cáo muộn',
      );
      expect(rows).toHaveLength(1 + 6 + 2 + 1);
      expect(rows[1]).toBe(
        'h-bt,d-1/UBND-VX,10/02/2017,1,Nhiệm vụ 1,Chủ trì,10/02/2017,31/03/2017,10/04/2017,Hoàn thành quá hạn,Đã hoàn thành,10,,Có,Không,Không,Không,Không',
      );
      expect(rows[6]).toMatch(
        /^h-bt,d-1\/UBND-VX,10\/02\/2017,6,Nhiệm vụ 6,Phối hợp,10\/02\/2017,31\/12\/2017,,,Đang thực hiện,,,Không,Không,Không,Không,Có$/,
      );
    });

    it('quotes what CSV must quote and keeps a spreadsheet from reading a text as a formula', () => {
      expect(csvCell('Tuyên truyền, vận động')).toBe('"Tuyên truyền, vận động"');
      expect(csvCell('Quỹ "Vì người nghèo"')).toBe('"Quỹ ""Vì người nghèo"""');
      expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
      expect(csvCell('- Tăng cường')).toBe("'- Tăng cường");
      expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    });

    it('names its file by year and agency', () => {
      expect(annualReviewFileName(2017, 'h-bt', 'csv')).toBe('kiem-diem-2017-h-bt.csv');
      expect(annualReviewFileName(2017, undefined, 'jsonl')).toBe('kiem-diem-2017.jsonl');
    });
  });
});

describe('who reads an annual review', () => {
  const as = (role: Principal['roles'][number], agencyId: string | null = 'h-bt'): Principal => ({
    sub: `${role}-${agencyId}`,
    name: null,
    agencyId,
    roles: [role],
  });

  it('inspectors and admins read any agency, or all; an agency officer its own only (absent: its own)', () => {
    for (const role of ['inspector', 'admin'] as const) {
      expect(isAllowed(annualReviewPolicy.read, as(role), { agencyId: 'h-ml' })).toBe(true);
      expect(annualReviewScope(as(role), {})).toEqual({ agencyId: undefined, monitoredBy: null });
    }
    expect(isAllowed(annualReviewPolicy.read, as('agency_officer'), { agencyId: 'h-bt' })).toBe(true);
    expect(isAllowed(annualReviewPolicy.read, as('agency_officer'), {})).toBe(true);
    expect(annualReviewScope(as('agency_officer'), {})).toEqual({ agencyId: 'h-bt', monitoredBy: null });
    expect(annualReviewPolicy.read.rule(as('agency_officer'), { agencyId: 'h-ml' })).toContain('h-ml');
    expect(isAllowed(annualReviewPolicy.read, as('agency_officer', null), {})).toBe(false);
  });

  it("a monitoring officer reads any agency's, restricted to the directives its agency issued or monitors, and its agency's own", () => {
    expect(isAllowed(annualReviewPolicy.read, as('monitoring_officer', 'so-ldtbxh'), { agencyId: 'h-ml' })).toBe(true);
    expect(isAllowed(annualReviewPolicy.read, as('monitoring_officer', null), {})).toBe(false);
    const monitor = annualReviewScope(as('monitoring_officer', 'so-ldtbxh'), { agencyId: 'h-bt' });
    expect(monitor).toEqual({ agencyId: 'h-bt', monitoredBy: 'so-ldtbxh' });
    expect(inReviewScope(monitor, doc(bt('1')), '2017-12-31')).toBe(true);
    const issuer = annualReviewScope(as('monitoring_officer', 'ubnd-tinh'), {});
    expect(inReviewScope(issuer, doc(bt('1')), '2017-12-31')).toBe(true);
    const other = annualReviewScope(as('monitoring_officer', 'so-x'), {});
    expect(docs.filter((d) => inReviewScope(other, d, '2017-12-31')).map((d) => d._id)).toEqual([assignmentId('6', 'so-x')]);
  });
});
