import { completionReportedV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import { cancelledContext, completed, completion, confirmed, progressed, ref, returned } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

describe('ReportCompletion', () => {
  it('given progress, when completion is reported, then completion-reported, valid against its schema', () => {
    given([progressed])
      .when(completion())
      .then([
        {
          type: EVENT_TYPES.completionReported,
          data: { ...ref, completedOn: '2017-05-20', summary: 'Hoàn thành', evidence: '123/BC-UBND' },
        },
      ]);
    expect(completionReportedV1.safeParse(completed().data).success).toBe(true);
  });

  it('given a completion awaiting confirmation, then conflict', () => {
    given([completed()])
      .when(completion())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('awaiting confirmation'));
  });

  it('given a confirmed completion, then conflict', () => {
    given([completed(), confirmed()])
      .when(completion({ today: '2017-06-01' }))
      .thenThrows(IllegalStateError);
  });

  it('given a returned completion, completion may be reported again', () => {
    given([completed(), returned()])
      .when(completion({ completedOn: '2017-06-01', today: '2017-06-01' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ completedOn: '2017-06-01' }) })]);
  });

  it('given a cancelled task, then conflict', () => {
    given([])
      .when(completion({ context: cancelledContext }))
      .thenThrows(IllegalStateError);
  });

  it.each([
    ['before the issue date', '2017-01-20'],
    ['after today', '2017-05-23'],
  ])('refuses a date %s, naming completedOn', (_name, completedOn) => {
    given([])
      .when(completion({ completedOn }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('completedOn'));
  });
});
