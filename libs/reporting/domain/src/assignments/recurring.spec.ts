import { assignmentId, Story } from '../story.fixtures';
import type { AssignmentDoc } from './assignment-doc';
import { deriveStatus } from './status';
import { summarize } from './summary';

const A = assignmentId('7', 'so-tc');
/** Báo cáo hằng quý, trước ngày 20 tháng cuối quý (due 20/03, 20/06, 20/09, 20/12). */
const quarterly = () =>
  new Story().issue([{ number: '7', deadline: null, lead: ['so-tc'], recurrence: { every: 'quarter', day: 20, phrase: 'hằng quý' } }]);

describe('recurring tasks: one obligation per period, each with its own status', () => {
  const story = quarterly()
    .complete(A, '2017-03-18', '2017-Q1')
    .confirm(A, '2017-03-18', '2017-03-19', '2017-Q1')
    .complete(A, '2017-06-25', '2017-Q2')
    .confirm(A, '2017-06-25', '2017-06-26', '2017-Q2');

  it('judges each obligation begun by T against its own due date', () => {
    const s = deriveStatus(story.doc(A), '2017-10-01');
    expect(s.obligations.map((o) => [o.period, o.dueOn, o.status, o.completedOn])).toEqual([
      ['2017-Q1', '2017-03-20', 'completedOnTime', '2017-03-18'],
      ['2017-Q2', '2017-06-20', 'completedLate', '2017-06-25'],
      ['2017-Q3', '2017-09-20', 'overdue', null],
      ['2017-Q4', '2017-12-20', 'inProgressWithinDeadline', null],
    ]);
    expect(s).toMatchObject({ status: 'overdue', deadline: '2017-09-20', recurrence: { every: 'quarter', day: 20 } });
  });

  it('takes the latest obligation when none is overdue', () => {
    expect(deriveStatus(story.doc(A), '2017-04-05')).toMatchObject({ status: 'inProgressWithinDeadline', deadline: '2017-06-20' });
    expect(deriveStatus(story.doc(A), '2017-03-19')).toMatchObject({ status: 'completedOnTime', completedOn: '2017-03-18' });
  });

  it('counts the obligations due in a summary’s window, each once', () => {
    const docs = [...story.docs().values()] as unknown as AssignmentDoc[];
    const year = summarize(docs, { from: '2017-01-01', to: '2017-12-31' });
    expect(year.counts).toMatchObject({
      completedOnTime: 1,
      completedLate: 1,
      overdue: 2,
      total: 4,
      completedWithoutDeadline: 0,
      extendedAfterDue: 0,
    });
    // Q1 began before the assignment (10/02): it counts as begun then, so within a window from 01/02
    expect(summarize(docs, { from: '2017-02-01', to: '2017-03-31' })).toMatchObject({
      assignedInWindow: { total: 1 },
      carriedOver: { total: 0 },
    });
    expect(year.assigned).toBe(4);
    const q3 = summarize(docs, { from: '2017-07-01', to: '2017-09-30' });
    expect(q3.counts).toMatchObject({ overdue: 1, total: 1 });
    expect(q3.assignedInWindow.total).toBe(1);
    const none = summarize(docs, { from: '2017-07-01', to: '2017-07-31' });
    expect([none.assigned, none.counts.total]).toEqual([0, 0]);
    // a window that starts or ends on a due date takes that obligation
    expect(summarize(docs, { from: '2017-06-20', to: '2017-06-20' }).counts).toMatchObject({ total: 1, inProgressWithinDeadline: 1 });
    expect(summarize(docs, { from: '2017-06-21', to: '2017-09-19' }).assigned).toBe(0);
    // one that began before the window is carried over; one that begins within it is new
    expect(summarize(docs, { from: '2017-07-15', to: '2017-09-30' })).toMatchObject({
      carriedOver: { total: 1 },
      assignedInWindow: { total: 0 },
    });
    expect(summarize(docs, { from: '2017-07-01', to: '2017-09-30' })).toMatchObject({
      carriedOver: { total: 0 },
      assignedInWindow: { total: 1 },
    });
  });

  it('a superseded recurring assignment keeps owing nothing new, and closes', () => {
    const closed = quarterly().close('superseded', '2017-05-01');
    expect(deriveStatus(closed.doc(A), '2017-05-01')).toMatchObject({ status: null, lifecycle: 'superseded' });
    expect(deriveStatus(closed.doc(A), '2017-04-30')).toMatchObject({ status: 'overdue', deadline: '2017-03-20' });
    const docs = [...closed.docs().values()] as unknown as AssignmentDoc[];
    expect(summarize(docs, { from: '2017-01-01', to: '2017-12-31' })).toMatchObject({
      assigned: 1,
      lifecycle: { superseded: 1 },
      counts: { total: 0 },
    });
  });

  it('owes nothing due before the start, nor from the cancellation on', () => {
    const yearly = new Story()
      .issue([{ number: '7', deadline: null, lead: ['so-tc'], recurrence: { every: 'year', month: 1, day: 31 } }])
      .cancel('7', '2019-01-15');
    expect(deriveStatus(yearly.doc(A), '2017-06-01')).toMatchObject({
      obligations: [],
      status: 'inProgressWithinDeadline',
      deadline: '2018-01-31',
    });
    expect(deriveStatus(yearly.doc(A), '2019-01-14').obligations.map((o) => o.period)).toEqual(['2018']);
  });
});
