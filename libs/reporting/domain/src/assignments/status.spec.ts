import { NotFoundError } from '@dm/eventsourcing';
import { assignmentId, Story } from '../story.fixtures';
import type { AssignmentDoc } from './assignment-doc';
import type { AssignmentStatus } from '@dm/contracts';
import { deriveStatus, LIFECYCLE_LABELS, STATUS_LABELS } from './status';

const A = assignmentId('1', 'so-tc');
const D = '2017-03-31';
const withDeadline = (deadline: string | null = D) => new Story().issue([{ number: '1', deadline, lead: ['so-tc'] }]);

type Row = [name: string, story: Story, asOf: string, expected: Partial<AssignmentStatus>];

const rows: Row[] = [
  // not issued yet, issued, nothing done
  [
    'before the issue date',
    withDeadline(),
    '2017-02-09',
    { lifecycle: 'notIssued', status: 'inProgressWithinDeadline', staleNoReport: false },
  ],
  ['on the issue date', withDeadline(), '2017-02-10', { lifecycle: 'notStarted', status: 'inProgressWithinDeadline', deadline: D }],
  // deadline boundaries
  ['T == D, not completed', withDeadline(), D, { status: 'inProgressWithinDeadline' }],
  ['T == D + 1, not completed', withDeadline(), '2017-04-01', { status: 'overdue', completedOn: null }],
  [
    'progress before T',
    withDeadline().progress(A, '2017-03-01', 40),
    '2017-03-02',
    { lifecycle: 'inProgress', lastReportedOn: '2017-03-01', latestPercent: 40 },
  ],
  [
    'progress after T is not yet known at T',
    withDeadline().progress(A, '2017-03-01', 40),
    '2017-02-28',
    { lifecycle: 'notStarted', lastReportedOn: null, latestPercent: null },
  ],
  // completion
  [
    'C == D, confirmed, T == D',
    withDeadline().complete(A, D).confirm(A, D, D),
    D,
    { status: 'completedOnTime', lifecycle: 'completed', completedOn: D, completedWithoutDeadline: false },
  ],
  [
    'C == D + 1',
    withDeadline().complete(A, '2017-04-01').confirm(A, '2017-04-01', '2017-04-03'),
    '2017-04-10',
    { status: 'completedLate', lifecycle: 'completed', completedOn: '2017-04-01' },
  ],
  [
    'C > T: not completed at T',
    withDeadline().complete(A, '2017-03-20').confirm(A, '2017-03-20', '2017-03-25'),
    '2017-03-15',
    { status: 'inProgressWithinDeadline', lifecycle: 'notStarted', completedOn: null },
  ],
  [
    'C ≤ T, accepted after T: completed officially, awaiting at T',
    withDeadline().complete(A, '2017-03-20').confirm(A, '2017-03-20', '2017-04-05'),
    '2017-04-01',
    { status: 'completedOnTime', lifecycle: 'awaitingConfirmation', completedOn: '2017-03-20' },
  ],
  [
    'a completion pending, past D',
    withDeadline().complete(A, '2017-03-20'),
    '2017-04-01',
    { status: 'overdue', lifecycle: 'awaitingConfirmation', completedOn: null, lastReportedOn: '2017-03-20' },
  ],
  // no deadline
  ['no deadline, not completed', withDeadline(null), '2017-03-01', { status: 'noDeadline', lifecycle: 'notStarted', deadline: null }],
  [
    'no deadline, completed',
    withDeadline(null).complete(A, '2017-03-20').confirm(A, '2017-03-20', '2017-03-21'),
    '2017-03-21',
    { status: 'completedOnTime', completedWithoutDeadline: true, lifecycle: 'completed', staleNoReport: false },
  ],
  // deadline changes replace D for every T
  [
    'an extension made later makes an earlier date within deadline',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-04-10'),
    '2017-04-05',
    { status: 'inProgressWithinDeadline', deadline: '2017-06-30' },
  ],
  [
    'an extension turns a late completion into an on-time one',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-04-10').complete(A, '2017-05-01').confirm(A, '2017-05-01', '2017-05-02'),
    '2017-05-02',
    { status: 'completedOnTime' },
  ],
  [
    'a shortened deadline makes it overdue',
    withDeadline().changeDeadline('1', D, '2017-03-01', '2017-02-20'),
    '2017-03-02',
    { status: 'overdue', deadline: '2017-03-01' },
  ],
  [
    'the latest change wins',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-03-20').changeDeadline('1', '2017-06-30', '2017-04-30', '2017-04-01'),
    '2017-05-01',
    { status: 'overdue', deadline: '2017-04-30' },
  ],
  ['a removed deadline', withDeadline().changeDeadline('1', D, null, '2017-03-20'), '2017-05-01', { status: 'noDeadline', deadline: null }],
  // cancellation
  ['cancelled after T', withDeadline().cancel('1', '2017-03-01'), '2017-02-28', { lifecycle: 'notStarted' }],
  [
    'cancelled on T',
    withDeadline().cancel('1', '2017-03-01'),
    '2017-03-01',
    { lifecycle: 'cancelled', lifecycleLabel: 'Đã hủy', staleNoReport: false },
  ],
];

describe('deriveStatus', () => {
  it.each(rows)('%s', (_name, story, asOf, expected) => {
    expect(deriveStatus(story.doc(A), asOf)).toMatchObject({ assignmentId: A, asOf, ...expected });
  });

  describe('returned, then completed again', () => {
    const story = withDeadline()
      .complete(A, '2017-03-10')
      .giveBack(A, '2017-03-10', '2017-03-12')
      .progress(A, '2017-03-14', 80)
      .complete(A, '2017-03-20')
      .confirm(A, '2017-03-20', '2017-03-22');
    it.each<[string, string, string | null]>([
      ['2017-03-09', 'notStarted', null],
      ['2017-03-11', 'awaitingConfirmation', null],
      ['2017-03-12', 'returned', null],
      ['2017-03-15', 'returned', null],
      ['2017-03-21', 'awaitingConfirmation', '2017-03-20'],
      ['2017-03-22', 'completed', '2017-03-20'],
    ])('as of %s: %s', (asOf, lifecycle, completedOn) => {
      const s = deriveStatus(story.doc(A), asOf);
      expect([s.lifecycle, s.completedOn]).toEqual([lifecycle, completedOn]);
      expect(s.status).toBe(completedOn ? 'completedOnTime' : 'inProgressWithinDeadline');
    });
  });

  describe('stale flag (no deadline, nothing reported for more than 90 days)', () => {
    it.each<[string, string, boolean, Story]>([
      ['nothing reported, 90 days after issue', '2017-05-11', false, withDeadline(null)],
      ['nothing reported, 91 days after issue', '2017-05-12', true, withDeadline(null)],
      ['reported 90 days before', '2017-05-30', false, withDeadline(null).progress(A, '2017-03-01')],
      ['reported 91 days before', '2017-05-31', true, withDeadline(null).progress(A, '2017-03-01')],
      ['a report after T does not count', '2017-05-31', true, withDeadline(null).progress(A, '2017-06-01')],
      ['a reported completion counts as a report', '2017-05-30', false, withDeadline(null).complete(A, '2017-03-01')],
      ['completed', '2017-12-31', false, withDeadline(null).complete(A, '2017-03-01').confirm(A, '2017-03-01', '2017-03-02')],
      ['cancelled', '2017-12-31', false, withDeadline(null).cancel('1', '2017-03-01')],
      ['a task with a deadline is never stale', '2017-12-01', false, withDeadline('2017-12-31')],
    ])('%s, as of %s → %p', (_name, asOf, stale, story) => {
      expect(deriveStatus(story.doc(A), asOf).staleNoReport).toBe(stale);
    });
  });

  it('gives the percent of the latest dated report that has one', () => {
    const doc = withDeadline().progress(A, '2017-03-01', 40).progress(A, '2017-03-10', null).progress(A, '2017-03-05', 60).doc(A);
    expect(deriveStatus(doc, '2017-03-20')).toMatchObject({ latestPercent: 60, lastReportedOn: '2017-03-10' });
    expect(deriveStatus(doc, '2017-03-03')).toMatchObject({ latestPercent: 40, lastReportedOn: '2017-03-01' });
  });

  it('labels statuses and stages in Vietnamese', () => {
    const s = deriveStatus(withDeadline().doc(A), '2017-04-01');
    expect([s.statusLabel, s.lifecycleLabel]).toEqual(['Quá hạn chưa hoàn thành', 'Chưa thực hiện']);
    expect(STATUS_LABELS).toEqual({
      completedOnTime: 'Hoàn thành đúng hạn',
      completedLate: 'Hoàn thành quá hạn',
      inProgressWithinDeadline: 'Đang thực hiện trong hạn',
      overdue: 'Quá hạn chưa hoàn thành',
      noDeadline: 'Không có thời hạn',
    });
    expect(LIFECYCLE_LABELS).toEqual({
      notIssued: 'Chưa ban hành',
      notStarted: 'Chưa thực hiện',
      inProgress: 'Đang thực hiện',
      awaitingConfirmation: 'Chờ xác nhận',
      returned: 'Trả lại',
      completed: 'Đã hoàn thành',
      cancelled: 'Đã hủy',
    });
  });

  it('copies the assignment header', () => {
    expect(deriveStatus(withDeadline().doc(A), '2017-03-01')).toMatchObject({
      directiveId: 'd-1',
      taskNumber: '1',
      agencyId: 'so-tc',
      role: 'lead',
      viaGroup: null,
      issuedOn: '2017-02-10',
    });
  });

  it('refuses a document without its creation fact', () => {
    const onlyProgress = new Story().progress(A, '2017-03-01'); // no directive.issued at all
    const orphan = onlyProgress.docs().get(A) as unknown as AssignmentDoc;
    expect(orphan.created).toBeUndefined();
    expect(() => deriveStatus(orphan, '2017-03-01')).toThrow(NotFoundError);
  });
});
