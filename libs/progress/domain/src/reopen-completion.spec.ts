import { completionReopenedV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import { cancelledContext, completed, confirmed, progress, ref, reopen, reopened, returned } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

describe('ReopenCompletion', () => {
  it('given an accepted completion, when the monitoring office reopens it, then completion-reopened with its date and reason', () => {
    given([completed('2017-05-20'), confirmed('2017-05-20', '2017-05-25')])
      .when(reopen())
      .then([
        {
          type: EVENT_TYPES.completionReopened,
          data: { ...ref, completedOn: '2017-05-20', reason: 'Kiểm tra lại: số liệu chưa đúng', reopenedOn: '2017-06-10' },
        },
      ]);
    expect(completionReopenedV1.safeParse(reopened().data).success).toBe(true);
  });

  it('given a reopened completion, progress may be reported again', () => {
    given([completed(), confirmed(), reopened()])
      .when(progress({ reportedOn: '2017-06-12', today: '2017-06-12' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.progressReported })]);
  });

  it.each([
    ['nothing', []],
    ['a completion awaiting confirmation', [completed()]],
    ['a returned completion', [completed(), returned()]],
    ['a completion already reopened', [completed(), confirmed(), reopened()]],
  ])('given %s, then conflict: only an accepted completion reopens', (_name, events) => {
    given(events).when(reopen()).thenThrows(IllegalStateError);
  });

  it('given an accepted completion, a reopening dated before the acceptance is refused (422, reopenedOn)', () => {
    given([completed('2017-05-20'), confirmed('2017-05-20', '2017-05-25')])
      .when(reopen({ reopenedOn: '2017-05-24' }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('reopenedOn'));
  });

  it('refuses a reopening after today (400, reopenedOn)', () => {
    given([completed(), confirmed()])
      .when(reopen({ reopenedOn: '2017-06-11', today: '2017-06-10' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('reopenedOn'));
  });

  it('given a closed assignment, then conflict', () => {
    given([completed(), confirmed()])
      .when(reopen({ context: cancelledContext }))
      .thenThrows(IllegalStateError);
  });
});
