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
  // issued, nothing done
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
  // a deadline change takes effect on its changedOn: before it, the old deadline is in force
  [
    'an extension decided later leaves an earlier date overdue',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-04-10'),
    '2017-04-05',
    { status: 'overdue', deadline: D, extendedAfterDue: false },
  ],
  [
    'from its changedOn the extension is in force, flagged as decided after the due date',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-04-10'),
    '2017-04-10',
    { status: 'inProgressWithinDeadline', deadline: '2017-06-30', extendedAfterDue: true },
  ],
  [
    'a completion after an extension in force is judged against it',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-04-10').complete(A, '2017-05-01').confirm(A, '2017-05-01', '2017-05-02'),
    '2017-05-02',
    { status: 'completedOnTime', deadlineAtCompletion: '2017-06-30', extendedAfterDue: true },
  ],
  [
    'an extension decided after a late completion leaves it late',
    withDeadline().complete(A, '2017-04-05').confirm(A, '2017-04-05', '2017-04-06').changeDeadline('1', D, '2017-12-31', '2017-12-01'),
    '2017-12-31',
    { status: 'completedLate', completedOn: '2017-04-05', deadlineAtCompletion: D, deadline: '2017-12-31' },
  ],
  [
    'an extension decided before the due date is not flagged',
    withDeadline().changeDeadline('1', D, '2017-06-30', '2017-03-20'),
    '2017-04-05',
    { status: 'inProgressWithinDeadline', extendedAfterDue: false },
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
  // cancellation keeps what was before it
  [
    'cancelled after T',
    withDeadline().cancel('1', '2017-03-01'),
    '2017-02-28',
    { lifecycle: 'notStarted', status: 'inProgressWithinDeadline' },
  ],
  [
    'cancelled on T: no official status',
    withDeadline().cancel('1', '2017-03-01'),
    '2017-03-01',
    { lifecycle: 'cancelled', lifecycleLabel: 'Đã hủy', status: null, statusLabel: null, closedOn: '2017-03-01', staleNoReport: false },
  ],
  [
    'overdue before its cancellation stays overdue as of then',
    withDeadline().cancel('1', '2017-05-01'),
    '2017-04-30',
    { status: 'overdue', lifecycle: 'notStarted', closedOn: null },
  ],
  [
    'completed before its cancellation stays completed in a period ending before it',
    withDeadline().complete(A, '2017-03-10').confirm(A, '2017-03-10', '2017-03-12').cancel('1', '2017-06-01'),
    '2017-05-31',
    { status: 'completedOnTime', lifecycle: 'completed', completedOn: '2017-03-10' },
  ],
  [
    'completed, then cancelled: from the cancellation no official status',
    withDeadline().complete(A, '2017-03-10').confirm(A, '2017-03-10', '2017-03-12').cancel('1', '2017-06-01'),
    '2017-06-01',
    { status: null, lifecycle: 'cancelled', completedOn: null },
  ],
  [
    'one agency cancelled (removed): its assignment closes',
    withDeadline().cancel('1', '2017-03-01', 'so-tc'),
    '2017-03-01',
    { status: null, lifecycle: 'cancelled' },
  ],
  // superseded or revoked: open work closes, completed work stays completed
  [
    'superseded while open',
    withDeadline().close('superseded', '2017-03-15'),
    '2017-04-01',
    { status: null, lifecycle: 'superseded', lifecycleLabel: 'Đã được thay thế', closedOn: '2017-03-15' },
  ],
  [
    'superseded after completion',
    withDeadline().complete(A, '2017-03-10').confirm(A, '2017-03-10', '2017-03-12').close('superseded', '2017-03-15'),
    '2017-04-01',
    { status: 'completedOnTime', lifecycle: 'completed', closedOn: null },
  ],
  [
    'revoked while open',
    withDeadline().progress(A, '2017-03-01').close('revoked', '2017-03-15'),
    '2017-03-15',
    { status: null, lifecycle: 'revoked', lifecycleLabel: 'Đã thu hồi' },
  ],
  [
    'revoked: before its date the status stands',
    withDeadline().close('revoked', '2017-04-15'),
    '2017-04-14',
    { status: 'overdue', lifecycle: 'notStarted' },
  ],
  // reopening
  [
    'reopened: completed before the reopening',
    withDeadline().complete(A, '2017-03-10').confirm(A, '2017-03-10', '2017-03-12').reopen(A, '2017-03-10', '2017-04-10'),
    '2017-04-09',
    { status: 'completedOnTime', lifecycle: 'completed', completedOn: '2017-03-10' },
  ],
  [
    'reopened: not completed from the reopening on',
    withDeadline().complete(A, '2017-03-10').confirm(A, '2017-03-10', '2017-03-12').reopen(A, '2017-03-10', '2017-04-10'),
    '2017-04-10',
    { status: 'overdue', lifecycle: 'inProgress', completedOn: null },
  ],
  [
    'reopened, completed again: judged by the new date',
    withDeadline()
      .complete(A, '2017-03-10')
      .confirm(A, '2017-03-10', '2017-03-12')
      .reopen(A, '2017-03-10', '2017-04-10')
      .complete(A, '2017-04-20')
      .confirm(A, '2017-04-20', '2017-04-21'),
    '2017-04-30',
    { status: 'completedLate', lifecycle: 'completed', completedOn: '2017-04-20' },
  ],
];

describe('deriveStatus', () => {
  it.each(rows)('%s', (_name, story, asOf, expected) => {
    expect(deriveStatus(story.doc(A), asOf)).toMatchObject({ assignmentId: A, asOf, ...expected });
  });

  it('given a date before the issue date, then there is no status: not found, naming asOf', () => {
    expect(() => deriveStatus(withDeadline().doc(A), '2017-02-09')).toThrow(NotFoundError);
    try {
      deriveStatus(withDeadline().doc(A), '2017-02-09');
    } catch (e) {
      expect([(e as NotFoundError).field, (e as Error).message]).toEqual(['asOf', expect.stringContaining('2017-02-10')]);
    }
  });

  describe("one agency's deadline", () => {
    const districts = new Story()
      .issue([{ number: '3', deadline: '2017-06-30', lead: ['h-1', 'h-2'] }])
      .changeDeadline('3', '2017-06-30', '2017-09-30', '2017-06-15', 'h-1');
    it('moves that agency only', () => {
      expect(deriveStatus(districts.doc(assignmentId('3', 'h-1')), '2017-07-01')).toMatchObject({
        deadline: '2017-09-30',
        status: 'inProgressWithinDeadline',
      });
      expect(deriveStatus(districts.doc(assignmentId('3', 'h-2')), '2017-07-01')).toMatchObject({
        deadline: '2017-06-30',
        status: 'overdue',
      });
    });
  });

  describe('an assignment added by an amendment', () => {
    const story = withDeadline().addTask({ number: '12', deadline: '2017-09-30', lead: ['so-yt'] }, '2017-05-02');
    const added = assignmentId('12', 'so-yt');
    it('has no status before its effective date, and starts then', () => {
      expect(() => deriveStatus(story.doc(added), '2017-05-01')).toThrow(NotFoundError);
      expect(deriveStatus(story.doc(added), '2017-05-02')).toMatchObject({
        assignedOn: '2017-05-02',
        issuedOn: '2017-02-10',
        deadline: '2017-09-30',
        status: 'inProgressWithinDeadline',
        lifecycle: 'notStarted',
      });
    });
  });

  describe('roles and modes', () => {
    const story = new Story().issue([
      { number: '1', deadline: D, lead: ['so-tc'], coordinating: ['so-ldtbxh'] },
      { number: '10', deadline: D, lead: ['mttq'], mode: 'de-nghi' },
    ]);
    it('a coordinating assignment carries no official status and never goes overdue; its stage is kept', () => {
      const coordinating = story
        .progress(assignmentId('1', 'so-ldtbxh', 'coordinating'), '2017-03-01')
        .doc(assignmentId('1', 'so-ldtbxh', 'coordinating'));
      expect(deriveStatus(coordinating, '2017-12-31')).toMatchObject({
        role: 'coordinating',
        status: null,
        statusLabel: null,
        lifecycle: 'inProgress',
      });
    });
    it('every assignment carries its task mode', () => {
      expect(deriveStatus(story.doc(assignmentId('10', 'mttq')), '2017-04-01')).toMatchObject({ mode: 'de-nghi', status: 'overdue' });
      expect(deriveStatus(story.doc(A), '2017-04-01')).toMatchObject({ mode: 'giao' });
    });
  });

  describe('edges', () => {
    it('names the start of an added assignment when asked before it', () => {
      const story = withDeadline().addTask({ number: '12', deadline: null, lead: ['so-yt'] }, '2017-05-02');
      expect(() => deriveStatus(story.doc(assignmentId('12', 'so-yt')), '2017-05-01')).toThrow('it was assigned on 2017-05-02');
    });

    it('a completion without a deadline, then cancelled: nothing official is left, not even its sub-count', () => {
      const story = withDeadline(null).complete(A, '2017-03-01').confirm(A, '2017-03-01', '2017-03-02').cancel('1', '2017-04-01');
      expect(deriveStatus(story.doc(A), '2017-03-31')).toMatchObject({ completedWithoutDeadline: true, deadlineAtCompletion: null });
      expect(deriveStatus(story.doc(A), '2017-04-01')).toMatchObject({
        status: null,
        completedWithoutDeadline: false,
        completedOn: null,
        deadlineAtCompletion: null,
      });
      const late = withDeadline().complete(A, '2017-04-05').confirm(A, '2017-04-05', '2017-04-06').cancel('1', '2017-05-01');
      expect(deriveStatus(late.doc(A), '2017-04-30')).toMatchObject({ deadlineAtCompletion: D });
      expect(deriveStatus(late.doc(A), '2017-05-01')).toMatchObject({ deadlineAtCompletion: null });
    });

    it('takes what happens on T itself: a report on T makes it in progress, dated and with its percent', () => {
      const story = withDeadline().progress(A, '2017-03-01', 40).progress(A, '2017-03-01', 55);
      expect(deriveStatus(story.doc(A), '2017-03-01')).toMatchObject({
        lifecycle: 'inProgress',
        lastReportedOn: '2017-03-01',
        latestPercent: 55,
        deadlineAtCompletion: null,
      });
      expect(deriveStatus(story.doc(A), '2017-02-28')).toMatchObject({ lifecycle: 'notStarted', latestPercent: null });
    });

    it('a later report without a percent keeps the last percent; an earlier one with a percent does not replace a later one', () => {
      const story = withDeadline().progress(A, '2017-03-05', 60).progress(A, '2017-03-01', 20).progress(A, '2017-03-06', null);
      expect(deriveStatus(story.doc(A), '2017-03-10')).toMatchObject({ latestPercent: 60, lastReportedOn: '2017-03-06' });
    });

    it('reads a document written before 0.2 (no start date, mode or record times) from its issue date, as giao', () => {
      const doc = withDeadline().doc(A);
      delete doc.assignedOn;
      delete doc.mode;
      expect(deriveStatus(doc, '2017-02-10')).toMatchObject({ assignedOn: '2017-02-10', mode: 'giao', status: 'inProgressWithinDeadline' });
    });

    it('a one-off task has no rule and no obligations', () => {
      expect(deriveStatus(withDeadline().doc(A), '2017-03-01')).toMatchObject({ recurrence: null, obligations: [] });
    });

    it('counts a late-recorded report dated on T itself, and none recorded without a time (before 0.2)', () => {
      const late = withDeadline().recordAt('2017-03-08T09:00:00+07:00').progress(A, '2017-03-03');
      expect(deriveStatus(late.doc(A), '2017-03-03').recordedLateReports).toBe(1);
      const doc = late.doc(A);
      for (const f of Object.values(doc.facts.a ?? {})) delete f.recordedAt;
      expect(deriveStatus(doc, '2017-03-31').recordedLateReports).toBe(0);
    });
  });

  describe('reporting lag', () => {
    // Friday 03/03/2017: two working days later is Tuesday 07/03
    const onTime = withDeadline().recordAt('2017-03-07T09:00:00+07:00').progress(A, '2017-03-03');
    const late = withDeadline().recordAt('2017-03-08T09:00:00+07:00').progress(A, '2017-03-03');
    it('counts reports recorded more than N working days after their date (default 2)', () => {
      expect(deriveStatus(onTime.doc(A), '2017-03-31').recordedLateReports).toBe(0);
      expect(deriveStatus(late.doc(A), '2017-03-31').recordedLateReports).toBe(1);
      expect(deriveStatus(late.doc(A), '2017-03-31', { recordedLateAfterWorkingDays: 3 }).recordedLateReports).toBe(0);
    });
    it('does not count a report dated after T', () => {
      expect(deriveStatus(late.doc(A), '2017-03-02').recordedLateReports).toBe(0);
    });
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
      notStarted: 'Chưa thực hiện',
      inProgress: 'Đang thực hiện',
      awaitingConfirmation: 'Chờ xác nhận',
      returned: 'Trả lại',
      completed: 'Đã hoàn thành',
      cancelled: 'Đã hủy',
      superseded: 'Đã được thay thế',
      revoked: 'Đã thu hồi',
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
