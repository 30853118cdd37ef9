import { EVENT_TYPES, taskCancelledV1 } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider } from './directive';
import { aid, cancel, cancelled, changeDeadline, D, decided, issued } from './directive.fixtures';

const given = DeciderSpecification.for(directiveDecider);

describe('CancelTask', () => {
  it('given an issued directive, when a task is cancelled, then task-cancelled names its assignments', () => {
    given([issued()])
      .when(cancel())
      .then([
        {
          type: EVENT_TYPES.taskCancelled,
          data: {
            directiveId: D,
            taskNumber: '2',
            agencyId: null,
            assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
            reason: 'Không còn phù hợp',
            authorizingDocument: null,
            cancelledOn: '2017-04-01',
          },
        },
      ]);
    expect(taskCancelledV1.safeParse(cancelled().data).success).toBe(true);
  });

  it('keeps the authorising document when there is one', () => {
    expect(cancelled({ authorizingDocument: '99/QĐ-UBND' }).data).toMatchObject({ authorizingDocument: '99/QĐ-UBND' });
  });

  it('given no directive, or an unknown task, then not found', () => {
    given([]).when(cancel()).thenThrows(NotFoundError);
    given([issued()])
      .when(cancel({ taskNumber: '9' }))
      .thenThrows(NotFoundError, (e) => expect(e.field).toBe('taskNo'));
  });

  it('given a cancelled task, when cancelled again, then conflict; another task can still be cancelled', () => {
    given([issued(), cancelled()])
      .when(cancel())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toBe('task 2 is cancelled'));
    given([issued(), cancelled()])
      .when(cancel({ taskNumber: '1' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.taskCancelled })]);
  });

  it.each([
    ['before the issue date', '2017-02-01'],
    ['after today', '2018-01-01'],
  ])('refuses a cancellation date %s', (_name, cancelledOn) => {
    given([issued()])
      .when(cancel({ cancelledOn }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('cancelledOn'));
  });
});

describe('CancelTask refusals', () => {
  it('names a date after today before it looks at the task', () => {
    given([issued(), cancelled()])
      .when(cancel({ cancelledOn: '2018-01-01' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('cancelledOn'));
  });

  describe('keeps history', () => {
    it('given a report dated 2017-05-10 on an assignment, when the task is cancelled on 2017-05-01, then 422 naming cancelledOn', () => {
      given([issued()])
        .when(cancel({ cancelledOn: '2017-05-01', lastRecordedOn: { [aid('2', 'h-b')]: '2017-05-10' } }))
        .thenThrows(RuleViolationError, (e) => expect([e.field, e.message]).toEqual(['cancelledOn', expect.stringContaining('h-b')]));
    });

    it('given the same report, a cancellation on or after its date is taken', () => {
      given([issued()])
        .when(cancel({ cancelledOn: '2017-05-10', lastRecordedOn: { [aid('2', 'h-b')]: '2017-05-10' } }))
        .then([expect.objectContaining({ type: EVENT_TYPES.taskCancelled })]);
    });

    it('refuses a cancellation after today', () => {
      given([issued()])
        .when(cancel({ cancelledOn: '2018-01-01' }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('cancelledOn'));
    });
  });

  describe('one agency', () => {
    it('given a task of three districts, when one is cancelled (removed), then only its assignment closes; the task stays live', () => {
      const [one] = decided([issued()], cancel({ agencyId: 'h-b' }));
      expect(one.data).toMatchObject({ agencyId: 'h-b', assignmentIds: [aid('2', 'h-b')] });
      given([issued(), one])
        .when(changeDeadline({ taskNumber: '2', deadline: '2017-12-31', changedOn: '2017-05-01' }))
        .then([
          expect.objectContaining({
            data: expect.objectContaining({ assignmentIds: [aid('2', 'h-a'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')] }),
          }),
        ]);
    });

    it('given a removed agency, removing it again is not found at agencyId', () => {
      given([issued(), cancelled({ agencyId: 'h-b' })])
        .when(cancel({ agencyId: 'h-b', cancelledOn: '2017-05-01' }))
        .thenThrows(NotFoundError, (e) => expect(e.field).toBe('agencyId'));
    });
  });
});
