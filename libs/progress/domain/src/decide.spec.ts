import {
  completionConfirmedV1,
  completionReportedV1,
  completionReturnedV1,
  EVENT_TYPES,
  progressReportedV1,
  type AssignmentEvent,
} from '@dm/contracts';
import { DomainError, type DomainErrorCode } from '@dm/periods';
import type { AssignmentCommand, AssignmentContext, ConfirmCompletion, ReportCompletion, ReportProgress } from './commands';
import { decide } from './decide';
import { evolve, initialState } from './state';

// ---- Given / When / Then --------------------------------------------------

function given(...events: AssignmentEvent[]) {
  const state = events.reduce(evolve, initialState);
  return {
    when: (command: AssignmentCommand) => ({
      then: (expected: AssignmentEvent[]) => expect(decide(command, state)).toEqual(expected),
      thenError: (code: DomainErrorCode, field?: string) => {
        let caught: unknown;
        try {
          decide(command, state);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(DomainError);
        expect({ code: (caught as DomainError).code, field: (caught as DomainError).field }).toEqual({ code, field });
      },
      event: () => {
        const events = decide(command, state);
        expect(events).toHaveLength(1);
        return events[0];
      },
    }),
  };
}

// ---- Fixtures -------------------------------------------------------------

const context: AssignmentContext = {
  assignmentId: 'a-1',
  directiveId: 'd-1',
  taskNumber: '3',
  agencyId: 'h-muong-lat',
  issuedOn: '2017-02-10',
  cancelled: false,
};
const ref = { assignmentId: 'a-1', directiveId: 'd-1', taskNumber: '3', agencyId: 'h-muong-lat' };
const cancelledContext = { ...context, cancelled: true };

const progress = (o: Partial<ReportProgress> = {}): ReportProgress => ({
  type: 'ReportProgress',
  context,
  reportedOn: '2017-03-10',
  summary: 'Đã triển khai 5 mô hình',
  percent: 40,
  difficulties: null,
  proposals: null,
  today: '2017-03-10',
  ...o,
});
const completion = (o: Partial<ReportCompletion> = {}): ReportCompletion => ({
  type: 'ReportCompletion',
  context,
  completedOn: '2017-05-20',
  summary: 'Hoàn thành',
  evidence: '123/BC-UBND',
  today: '2017-05-22',
  ...o,
});
const accept = (o: Partial<Extract<ConfirmCompletion, { accepted: true }>> = {}): ConfirmCompletion => ({
  type: 'ConfirmCompletion',
  context,
  accepted: true,
  confirmedOn: '2017-05-25',
  today: '2017-05-25',
  ...o,
});
const returnIt = (o: Partial<Extract<ConfirmCompletion, { accepted: false }>> = {}): ConfirmCompletion => ({
  type: 'ConfirmCompletion',
  context,
  accepted: false,
  reason: 'Thiếu số liệu',
  returnedOn: '2017-05-24',
  today: '2017-05-25',
  ...o,
});

const progressed = (): AssignmentEvent => given().when(progress()).event();
const completed = (): AssignmentEvent => given().when(completion()).event();
const confirmed = (): AssignmentEvent => given(completed()).when(accept()).event();
const returned = (): AssignmentEvent => given(completed()).when(returnIt()).event();

// ---- ReportProgress -------------------------------------------------------

describe('ReportProgress', () => {
  it('given nothing, when progress is reported, then progress-reported', () => {
    given()
      .when(progress({ difficulties: 'Thiếu vốn', proposals: ' ' }))
      .then([
        {
          type: EVENT_TYPES.progressReported,
          data: { ...ref, reportedOn: '2017-03-10', summary: 'Đã triển khai 5 mô hình', percent: 40, difficulties: 'Thiếu vốn', proposals: null },
        },
      ]);
    expect(progressReportedV1.safeParse(progressed().data).success).toBe(true);
  });

  it.each([0, 100, null])('accepts percent %p', (percent) => {
    expect(given().when(progress({ percent })).event().data).toMatchObject({ percent });
  });

  it('accepts the issue date and today as bounds', () => {
    given().when(progress({ reportedOn: '2017-02-10' })).event();
    given().when(progress({ reportedOn: '2017-03-10', today: '2017-03-10' })).event();
  });

  it('given a completion awaiting confirmation, progress may still be reported', () => {
    given(completed()).when(progress({ reportedOn: '2017-05-21', today: '2017-05-21' })).event();
  });

  it('given a returned completion, progress may be reported again', () => {
    given(completed(), returned()).when(progress({ reportedOn: '2017-05-26', today: '2017-05-26' })).event();
  });

  it('given a cancelled task, then conflict', () => {
    given().when(progress({ context: cancelledContext })).thenError('conflict');
  });

  it('given a confirmed completion, then conflict', () => {
    given(completed(), confirmed()).when(progress({ reportedOn: '2017-05-26', today: '2017-05-26' })).thenError('conflict');
  });

  it.each<[string, string, Partial<ReportProgress>]>([
    ['a date before the issue date', 'reportedOn', { reportedOn: '2017-02-09' }],
    ['a date after today', 'reportedOn', { reportedOn: '2017-03-11' }],
    ['a date that is not a date', 'reportedOn', { reportedOn: '2017-02-29' }],
    ['an empty summary', 'summary', { summary: '  ' }],
    ['a negative percent', 'percent', { percent: -1 }],
    ['a percent above 100', 'percent', { percent: 100.5 }],
    ['a percent that is not a number', 'percent', { percent: Number.NaN }],
  ])('given nothing, when reported with %s, then invalid at %s', (_name, field, o) => {
    given().when(progress(o)).thenError('invalid', field);
  });
});

// ---- ReportCompletion -----------------------------------------------------

describe('ReportCompletion', () => {
  it('given progress, when completion is reported, then completion-reported', () => {
    given(progressed())
      .when(completion())
      .then([
        { type: EVENT_TYPES.completionReported, data: { ...ref, completedOn: '2017-05-20', summary: 'Hoàn thành', evidence: '123/BC-UBND' } },
      ]);
    expect(completionReportedV1.safeParse(completed().data).success).toBe(true);
  });

  it('given a completion awaiting confirmation, then conflict', () => {
    given(completed()).when(completion()).thenError('conflict');
  });

  it('given a confirmed completion, then conflict', () => {
    given(completed(), confirmed()).when(completion({ today: '2017-06-01' })).thenError('conflict');
  });

  it('given a returned completion, completion may be reported again', () => {
    const again = given(completed(), returned()).when(completion({ completedOn: '2017-06-01', today: '2017-06-01' })).event();
    expect(again.data).toMatchObject({ completedOn: '2017-06-01' });
  });

  it('given a cancelled task, then conflict', () => {
    given().when(completion({ context: cancelledContext })).thenError('conflict');
  });

  it.each<[string, string, Partial<ReportCompletion>]>([
    ['a date before the issue date', 'completedOn', { completedOn: '2017-01-20' }],
    ['a date after today', 'completedOn', { completedOn: '2017-05-23' }],
    ['an empty summary', 'summary', { summary: '' }],
  ])('given nothing, when reported with %s, then invalid at %s', (_name, field, o) => {
    given().when(completion(o)).thenError('invalid', field);
  });
});

// ---- ConfirmCompletion ----------------------------------------------------

describe('ConfirmCompletion', () => {
  it('given a reported completion, when accepted, then completion-confirmed carries its completedOn', () => {
    given(completed())
      .when(accept())
      .then([{ type: EVENT_TYPES.completionConfirmed, data: { ...ref, completedOn: '2017-05-20', confirmedOn: '2017-05-25' } }]);
    expect(completionConfirmedV1.safeParse(confirmed().data).success).toBe(true);
  });

  it('given a reported completion, when returned, then completion-returned carries its completedOn and the reason', () => {
    given(completed())
      .when(returnIt())
      .then([
        { type: EVENT_TYPES.completionReturned, data: { ...ref, completedOn: '2017-05-20', reason: 'Thiếu số liệu', returnedOn: '2017-05-24' } },
      ]);
    expect(completionReturnedV1.safeParse(returned().data).success).toBe(true);
  });

  it('accepts a decision on the day of the completion', () => {
    given(completed()).when(accept({ confirmedOn: '2017-05-20' })).event();
  });

  it('given a returned and re-reported completion, the confirmation carries the new completedOn', () => {
    const again = given(completed(), returned()).when(completion({ completedOn: '2017-06-01', today: '2017-06-01' })).event();
    const event = given(completed(), returned(), again).when(accept({ confirmedOn: '2017-06-02', today: '2017-06-02' })).event();
    expect(event.data).toMatchObject({ completedOn: '2017-06-01', confirmedOn: '2017-06-02' });
  });

  it('without today, only the lower bounds are checked', () => {
    given(completed()).when(accept({ today: undefined, confirmedOn: '2030-01-01' })).event();
  });

  it('given nothing awaiting, then conflict', () => {
    given().when(accept()).thenError('conflict');
    given(progressed()).when(returnIt()).thenError('conflict');
    given(completed(), returned()).when(accept()).thenError('conflict');
  });

  it('given a confirmed completion, then conflict', () => {
    given(completed(), confirmed()).when(accept()).thenError('conflict');
  });

  it('given a cancelled task, then conflict', () => {
    given(completed()).when(accept({ context: cancelledContext })).thenError('conflict');
  });

  it.each<[string, string, ConfirmCompletion]>([
    ['confirmedOn before the completion', 'confirmedOn', accept({ confirmedOn: '2017-05-19' })],
    ['returnedOn before the completion', 'returnedOn', returnIt({ returnedOn: '2017-05-19' })],
    ['confirmedOn after today', 'confirmedOn', accept({ confirmedOn: '2017-05-26' })],
    ['returnedOn not a date', 'returnedOn', returnIt({ returnedOn: 'hôm nay' })],
    ['an empty reason', 'reason', returnIt({ reason: '' })],
  ])('given a reported completion, when decided with %s, then invalid at %s', (_name, field, command) => {
    given(completed()).when(command).thenError('invalid', field);
  });
});

// ---- evolve -----------------------------------------------------------------

describe('evolve', () => {
  it('follows progress, completion, return and confirmation', () => {
    const again = given(completed(), returned()).when(completion({ completedOn: '2017-06-01', today: '2017-06-01' })).event();
    const final = given(completed(), returned(), again).when(accept({ confirmedOn: '2017-06-02', today: '2017-06-02' })).event();
    const states = [progressed(), completed(), returned(), again, final].reduce(
      (acc, e) => [...acc, evolve(acc[acc.length - 1], e)],
      [initialState],
    );
    expect(states.map((s) => [s.events, s.lastReportedOn, s.awaiting, s.confirmed, s.lastReturned?.returnedOn ?? null])).toEqual([
      [0, null, null, null, null],
      [1, '2017-03-10', null, null, null],
      [2, '2017-03-10', { completedOn: '2017-05-20' }, null, null],
      [3, '2017-03-10', null, null, '2017-05-24'],
      [4, '2017-03-10', { completedOn: '2017-06-01' }, null, '2017-05-24'],
      [5, '2017-03-10', null, { completedOn: '2017-06-01', confirmedOn: '2017-06-02' }, '2017-05-24'],
    ]);
  });
});
