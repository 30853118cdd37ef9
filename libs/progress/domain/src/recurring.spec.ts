import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import type { AssignmentContext } from './assignment';
import { assignmentDecider } from './assignment';
import { accept, completion, context, reopen } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);
/** Báo cáo hằng quý, trước ngày 20 tháng cuối quý. */
const quarterly: AssignmentContext = {
  ...context,
  recurrence: { every: 'quarter', day: 20, phrase: 'hằng quý, trước ngày 20 tháng cuối quý' },
};
const reported = (period: string, completedOn: string): AssignmentEvent => ({
  type: EVENT_TYPES.completionReported,
  data: {
    assignmentId: 'a-1',
    directiveId: 'd-1',
    taskNumber: '3',
    agencyId: 'h-muong-lat',
    period,
    completedOn,
    summary: 'x',
    evidence: null,
  },
});
const confirmedFor = (period: string, completedOn: string, confirmedOn: string): AssignmentEvent => ({
  type: EVENT_TYPES.completionConfirmed,
  data: { assignmentId: 'a-1', directiveId: 'd-1', taskNumber: '3', agencyId: 'h-muong-lat', period, completedOn, confirmedOn },
});

describe('a recurring task: one obligation per period', () => {
  it('given a quarterly task, when the Q1 report is completed, then the event names its period', () => {
    given([])
      .when(completion({ context: quarterly, period: '2017-Q1', completedOn: '2017-03-18', today: '2017-03-20' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ period: '2017-Q1', completedOn: '2017-03-18' }) })]);
  });

  it('given a quarterly task, a completion without a period, of another rule, not yet begun or due before the start is invalid at period', () => {
    for (const [period, today] of [
      [undefined, '2017-03-20'],
      ['2017', '2017-03-20'],
      ['2017-03', '2017-03-20'],
      ['2017-Q3', '2017-06-30'],
      ['2016-Q4', '2017-03-20'],
    ] as const) {
      given([])
        .when(completion({ context: quarterly, period, completedOn: '2017-03-18', today }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('period'));
    }
  });

  it('given a one-off task, a period is invalid', () => {
    given([])
      .when(completion({ period: '2017-Q1' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('period'));
  });

  it('given Q1 accepted, Q2 may still be reported; Q1 again is a conflict', () => {
    const history = [reported('2017-Q1', '2017-03-18'), confirmedFor('2017-Q1', '2017-03-18', '2017-03-19')];
    given(history)
      .when(completion({ context: quarterly, period: '2017-Q2', completedOn: '2017-06-15', today: '2017-06-20' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ period: '2017-Q2' }) })]);
    given(history)
      .when(completion({ context: quarterly, period: '2017-Q1', completedOn: '2017-03-19', today: '2017-06-20' }))
      .thenThrows(IllegalStateError);
  });

  it('given one period awaiting, the decision applies to it without naming it; with two awaiting it must be named', () => {
    given([reported('2017-Q1', '2017-03-18')])
      .when(accept({ context: quarterly, confirmedOn: '2017-03-19', today: '2017-03-19' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.completionConfirmed, data: expect.objectContaining({ period: '2017-Q1' }) })]);
    given([reported('2017-Q1', '2017-03-18'), reported('2017-Q2', '2017-06-18')])
      .when(accept({ context: quarterly, confirmedOn: '2017-06-19', today: '2017-06-19' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('period'));
  });

  it('reopens one period', () => {
    given([reported('2017-Q1', '2017-03-18'), confirmedFor('2017-Q1', '2017-03-18', '2017-03-19')])
      .when(reopen({ context: quarterly, period: '2017-Q1', reopenedOn: '2017-04-02', today: '2017-04-02' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.completionReopened, data: expect.objectContaining({ period: '2017-Q1' }) })]);
  });
});
