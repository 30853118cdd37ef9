import { completionOf, evolve, initialState, type AssignmentState } from './assignment';
import type { AssignmentEvent } from '@dm/contracts';
import { completed, confirmed, progressed, returned } from './assignment.fixtures';

describe('assignment evolve', () => {
  it('follows progress, completion, return and confirmation', () => {
    const events = [progressed, completed(), returned(), completed('2017-06-01'), confirmed('2017-06-01', '2017-06-02')];
    const states = events.reduce((acc, e) => [...acc, evolve(acc[acc.length - 1], e)], [initialState()]);
    const one = (s: AssignmentState) => completionOf(s, '');
    expect(
      states.map((s) => [s.events, s.lastReportedOn, one(s).awaiting, one(s).confirmed, one(s).lastReturned?.returnedOn ?? null]),
    ).toEqual([
      [0, null, null, null, null],
      [1, '2017-03-10', null, null, null],
      [2, '2017-03-10', { completedOn: '2017-05-20' }, null, null],
      [3, '2017-03-10', null, null, '2017-05-24'],
      [4, '2017-03-10', { completedOn: '2017-06-01' }, null, '2017-05-24'],
      [5, '2017-03-10', null, { completedOn: '2017-06-01', confirmedOn: '2017-06-02' }, '2017-05-24'],
    ]);
  });

  it('never changes the state it is given', () => {
    const start = Object.freeze(initialState());
    expect(() => evolve(start, progressed)).not.toThrow();
    expect(start.events).toBe(0);
  });

  it('keeps each period of a recurring task apart', () => {
    const q1 = { ...completed('2017-03-20'), data: { ...completed('2017-03-20').data, period: '2017-Q1' } } as AssignmentEvent;
    const q2 = { ...completed('2017-06-20'), data: { ...completed('2017-06-20').data, period: '2017-Q2' } } as AssignmentEvent;
    const state = [q1, q2].reduce(evolve, initialState());
    expect([completionOf(state, '2017-Q1').awaiting, completionOf(state, '2017-Q2').awaiting, completionOf(state, '').awaiting]).toEqual([
      { completedOn: '2017-03-20' },
      { completedOn: '2017-06-20' },
      null,
    ]);
  });
});
