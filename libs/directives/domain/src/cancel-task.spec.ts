import { EVENT_TYPES, taskCancelledV1 } from '@dm/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider } from './directive';
import { aid, cancel, cancelled, D, issued } from './directive.fixtures';

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
});
