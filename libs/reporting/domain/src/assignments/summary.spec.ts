import { ValidationError } from '@dm/eventsourcing';
import { assignmentId, Story } from '../story.fixtures';
import type { AssignmentDoc } from './assignment-doc';
import { scorecards, summarize } from './summary';
import type { SummaryBlock } from '@dm/contracts';

const a = (task: string, agency: string, role: 'lead' | 'coordinating' = 'lead') => assignmentId(task, agency, role);

// Decree 09 month 2017-04: 2017-03-15 .. 2017-04-14. Task 1 is due 2017-03-31.
const window = { from: '2017-03-15', to: '2017-04-14' };

const d1 = new Story('d-1', '2017-02-10')
  .issue([
    { number: '1', deadline: '2017-03-31', lead: ['s1', 's2', 's3', 's4', 's5'], coordinating: ['c1', 'c2'] },
    { number: '2', deadline: null, lead: ['s1', 's2'] },
    { number: '3', deadline: '2017-06-30', lead: ['s1'] },
  ])
  .progress(a('3', 's1'), '2017-02-20')
  .cancel('3', '2017-03-01')
  .complete(a('1', 's1'), '2017-03-20')
  .confirm(a('1', 's1'), '2017-03-20', '2017-03-22') // on time
  .complete(a('1', 's2'), '2017-04-05')
  .confirm(a('1', 's2'), '2017-04-05', '2017-04-06') // late
  .progress(a('1', 's3'), '2017-03-20') // overdue, in progress
  .complete(a('1', 's4'), '2017-04-10') // overdue, awaiting
  // s5: overdue, not started
  .progress(a('1', 'c1', 'coordinating'), '2017-03-16')
  .complete(a('1', 'c2', 'coordinating'), '2017-03-01')
  .confirm(a('1', 'c2', 'coordinating'), '2017-03-01', '2017-03-02')
  .complete(a('2', 's1'), '2017-03-10')
  .giveBack(a('2', 's1'), '2017-03-10', '2017-03-16') // no deadline, returned
  .complete(a('2', 's2'), '2017-02-20')
  .confirm(a('2', 's2'), '2017-02-20', '2017-03-20'); // completed without deadline

const d2 = new Story('d-2', '2017-05-01').issue([{ number: '1', deadline: null, lead: ['s1'] }]); // issued after the window
const orphan = new Story('d-3').progress('d-3-1-s9-lead', '2017-03-20'); // no creation fact yet

const docs = [...d1.docs().values(), ...d2.docs().values(), ...orphan.docs().values()] as unknown as AssignmentDoc[];

const closed = { cancelled: 0, superseded: 0, revoked: 0 };

function expectPartition(block: SummaryBlock) {
  const c = block.counts;
  const l = block.lifecycle;
  expect(c.completedOnTime + c.completedLate + c.inProgressWithinDeadline + c.overdue + c.noDeadline).toBe(c.total);
  expect(l.notStarted + l.inProgress + l.awaitingConfirmation + l.returned + l.completed).toBe(c.total);
  expect(c.completedWithoutDeadline).toBeLessThanOrEqual(c.completedOnTime);
  expect(c.total + l.cancelled + l.superseded + l.revoked).toBe(block.assigned);
  for (const key of Object.keys(c) as Array<keyof typeof c>) expect(block.carriedOver[key] + block.assignedInWindow[key]).toBe(c[key]);
}

describe('summarize', () => {
  const summary = summarize(docs, window);

  it('counts the live lead assignments of directives issued by the end, as of the end', () => {
    expect(summary).toMatchObject({ from: '2017-03-15', to: '2017-04-14', asOf: '2017-04-14' });
    expect(summary.counts).toEqual({
      completedOnTime: 2,
      completedLate: 1,
      inProgressWithinDeadline: 0,
      overdue: 3,
      noDeadline: 1,
      completedWithoutDeadline: 1,
      extendedAfterDue: 0,
      total: 7,
    });
    expect(summary.lifecycle).toEqual({
      ...closed,
      notStarted: 1,
      inProgress: 1,
      awaitingConfirmation: 1,
      returned: 1,
      completed: 3,
      cancelled: 1,
    });
    expect(summary.assigned).toBe(8);
    expectPartition(summary);
  });

  it('names every rate by what it divides', () => {
    expect(summary.rates.map(({ name, numerator, denominator, value }) => [name, numerator, denominator, value])).toEqual([
      ['completed/assigned', 3, 7, 0.4286],
      ['completedOnTime/completed', 2, 3, 0.6667],
      ['completed/(completed+overdue)', 3, 6, 0.5],
      ['overdue/assigned', 3, 7, 0.4286],
      ['completed/due', 2, 5, 0.4],
    ]);
    expect(summary.rates.every((r) => r.label.startsWith('Tỷ lệ'))).toBe(true);
  });

  it('counts the activity dated within the window', () => {
    expect(summary.activity).toEqual({
      progressReports: 1,
      completionsReported: 3,
      confirmations: 3,
      returns: 1,
      reopenings: 0,
      recordedLate: 0,
    });
  });

  it('reports coordinating assignments beside, without official statuses', () => {
    expect(summary.coordinating).toEqual({
      assigned: 2,
      total: 2,
      lifecycle: { ...closed, notStarted: 0, inProgress: 1, awaitingConfirmation: 0, returned: 0, completed: 1 },
      activity: { progressReports: 1, completionsReported: 0, confirmations: 0, returns: 0, reopenings: 0, recordedLate: 0 },
    });
  });

  it('evaluates an earlier window as of its own end', () => {
    const early = summarize(docs, { from: '2017-02-15', to: '2017-03-14' });
    // task 3 was cancelled on 03-01, so it is out; task 1 is still within its deadline
    expect(early.counts).toEqual({
      completedOnTime: 1, // task 2 s2 (C 02-20, no deadline)
      completedLate: 0,
      inProgressWithinDeadline: 5,
      overdue: 0,
      noDeadline: 1,
      completedWithoutDeadline: 1,
      extendedAfterDue: 0,
      total: 7,
    });
    // task 2 s2 was accepted only on 03-20: at 03-14 it was awaiting; task 2 s1's completion of 03-10 too
    expect(early.lifecycle).toEqual({
      ...closed,
      notStarted: 5,
      inProgress: 0,
      awaitingConfirmation: 2,
      returned: 0,
      completed: 0,
      cancelled: 1,
    });
    expectPartition(early);
  });

  it('gives null rates and zero counts for nothing', () => {
    const empty = summarize([], window);
    expect(empty.counts.total).toBe(0);
    expect(empty.rates.every((r) => r.value === null && r.denominator === 0)).toBe(true);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => summarize(docs, { from: '2017-04-15', to: '2017-04-14' })).toThrow(ValidationError);
    expect(() => summarize(docs, { from: '2017-04-15', to: '2017-04-14' })).toThrow('from 2017-04-15 is after to 2017-04-14');
  });

  it('counts as due a deadline on the window’s last day, and the activity on its first and last days', () => {
    const edge = summarize(docs, { from: '2017-03-20', to: '2017-03-31' });
    expect(edge.rates.find((r) => r.name === 'completed/due')).toMatchObject({ numerator: 1, denominator: 5 });
    // 20/03: s1's completion and s3's progress; 10/03 and 05/04 are outside
    expect(edge.activity).toMatchObject({ progressReports: 1, completionsReported: 1, confirmations: 2 });
    expect(summarize(docs, { from: '2017-03-21', to: '2017-03-21' }).activity).toMatchObject({ completionsReported: 0, confirmations: 0 });
    // s1's acceptance of 22/03, on a window's last day
    expect(summarize(docs, { from: '2017-03-21', to: '2017-03-22' }).activity).toMatchObject({ confirmations: 1 });
  });
});

describe('scorecards', () => {
  const rows = scorecards(docs, window);

  it('gives one row per agency with lead assignments, sorted by agencyId', () => {
    expect(rows.map((r) => r.agencyId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    rows.forEach(expectPartition);
  });

  it('counts each agency on its own', () => {
    const s1 = rows[0];
    expect(s1.counts).toMatchObject({ completedOnTime: 1, noDeadline: 1, total: 2 });
    expect(s1.lifecycle).toMatchObject({ completed: 1, returned: 1, cancelled: 1 });
    expect(s1.rates.find((r) => r.name === 'completed/assigned')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const s2 = rows[1];
    expect(s2.counts).toMatchObject({ completedOnTime: 1, completedLate: 1, completedWithoutDeadline: 1, total: 2 });
  });

  it('adds up to the summary', () => {
    const total = summarize(docs, window).counts;
    const keys = Object.keys(total) as Array<keyof typeof total>;
    for (const key of keys) expect(rows.reduce((sum, r) => sum + r.counts[key], 0)).toBe(total[key]);
  });
});

describe('blocks and parts', () => {
  const story = new Story('d-9', '2017-02-10')
    .issue([
      { number: '1', deadline: '2017-03-31', lead: ['s1'] },
      { number: '10', deadline: '2017-03-31', lead: ['mttq', 'hlhpn'], mode: 'de-nghi' },
    ])
    .addTask({ number: '12', deadline: '2017-12-31', lead: ['s2'] }, '2017-04-20')
    .complete(assignmentId('10', 'mttq', 'lead', 'd-9'), '2017-03-20');
  const docs9 = [...story.docs().values()] as unknown as AssignmentDoc[];
  const q2 = summarize(docs9, { from: '2017-03-15', to: '2017-06-14' });

  it('reports requests (đề nghị) in their own block, outside the official counts and rates', () => {
    expect(q2.counts.total).toBe(2);
    expect(q2.requests.counts).toMatchObject({ total: 2, overdue: 2 });
    expect(q2.rates.find((r) => r.name === 'overdue/assigned')).toMatchObject({ numerator: 1, denominator: 2 });
    expectPartition(q2.requests);
  });

  it('splits what was carried over from what was assigned within the window', () => {
    expect(q2.carriedOver).toMatchObject({ total: 1, overdue: 1 });
    expect(q2.assignedInWindow).toMatchObject({ total: 1, inProgressWithinDeadline: 1 });
    expectPartition(q2);
  });

  it('leaves an assignment added after the window out of it', () => {
    expect(summarize(docs9, { from: '2017-03-15', to: '2017-04-14' }).counts.total).toBe(1);
  });

  it('gives scorecards an official and a requests block per agency', () => {
    const rows = scorecards(docs9, { from: '2017-03-15', to: '2017-06-14' });
    expect(rows.find((r) => r.agencyId === 'mttq')?.requests).toMatchObject({
      counts: { overdue: 1 },
      carriedOver: { total: 1 },
      activity: { completionsReported: 1 },
    });
    expect(rows.map((r) => [r.agencyId, r.counts.total, r.requests.counts.total])).toEqual([
      ['hlhpn', 0, 1],
      ['mttq', 0, 1],
      ['s1', 1, 0],
      ['s2', 1, 0],
    ]);
  });
});

describe('flags and activity', () => {
  const id = assignmentId('1', 's1', 'lead', 'd-8');
  const story = new Story('d-8', '2017-02-10')
    .issue([{ number: '1', deadline: '2017-03-31', lead: ['s1', 's2'] }])
    .changeDeadline('1', '2017-03-31', '2017-06-30', '2017-04-10') // after the due date
    .complete(id, '2017-04-20')
    .confirm(id, '2017-04-20', '2017-04-21')
    .reopen(id, '2017-04-20', '2017-05-02')
    .recordAt('2017-05-10T09:00:00+07:00')
    .progress(id, '2017-05-03'); // recorded five working days later
  const docs8 = [...story.docs().values()] as unknown as AssignmentDoc[];

  it('counts extensions decided after the due date, reopenings and reports recorded late', () => {
    const q2 = summarize(docs8, { from: '2017-04-01', to: '2017-06-30' });
    expect(q2.counts.extendedAfterDue).toBe(2);
    expect(q2.activity).toMatchObject({ reopenings: 1, recordedLate: 1, progressReports: 1 });
    expect(summarize(docs8, { from: '2017-04-01', to: '2017-06-30' }, { recordedLateAfterWorkingDays: 5 }).activity.recordedLate).toBe(0);
    const before = summarize(docs8, { from: '2017-03-01', to: '2017-04-09' });
    expect([before.counts.extendedAfterDue, before.activity.reopenings]).toEqual([0, 0]);
  });
});
