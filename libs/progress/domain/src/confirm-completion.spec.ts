import { completionConfirmedV1, completionReturnedV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import { accept, cancelledContext, completed, confirmed, progressed, ref, returned, returnIt } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

describe('ConfirmCompletion', () => {
  it('given a reported completion, when accepted, then completion-confirmed carries its completedOn', () => {
    given([completed()])
      .when(accept())
      .then([{ type: EVENT_TYPES.completionConfirmed, data: { ...ref, completedOn: '2017-05-20', confirmedOn: '2017-05-25' } }]);
    expect(completionConfirmedV1.safeParse(confirmed().data).success).toBe(true);
  });

  it('given a reported completion, when returned, then completion-returned carries its completedOn and the reason', () => {
    given([completed()])
      .when(returnIt())
      .then([
        {
          type: EVENT_TYPES.completionReturned,
          data: { ...ref, completedOn: '2017-05-20', reason: 'Thiếu số liệu', returnedOn: '2017-05-24' },
        },
      ]);
    expect(completionReturnedV1.safeParse(returned().data).success).toBe(true);
  });

  it('takes a decision on the day of the completion', () => {
    given([completed()])
      .when(accept({ confirmedOn: '2017-05-20' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.completionConfirmed })]);
  });

  it('given a returned and re-reported completion, the confirmation carries the new completedOn', () => {
    given([completed(), returned(), completed('2017-06-01')])
      .when(accept({ confirmedOn: '2017-06-02', today: '2017-06-02' }))
      .then([{ type: EVENT_TYPES.completionConfirmed, data: { ...ref, completedOn: '2017-06-01', confirmedOn: '2017-06-02' } }]);
  });

  it('given nothing awaiting, then conflict', () => {
    given([])
      .when(accept())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toBe('no reported completion is awaiting confirmation'));
    given([progressed]).when(returnIt()).thenThrows(IllegalStateError);
    given([completed(), returned()]).when(accept()).thenThrows(IllegalStateError);
  });

  it('given a confirmed completion, then conflict', () => {
    given([completed(), confirmed()])
      .when(accept())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('already confirmed'));
  });

  it('given a cancelled task, then conflict', () => {
    given([completed()])
      .when(accept({ context: cancelledContext }))
      .thenThrows(IllegalStateError);
  });

  it.each([
    ['confirmedOn before the completion', 'confirmedOn', accept({ confirmedOn: '2017-05-19' })],
    ['returnedOn before the completion', 'returnedOn', returnIt({ returnedOn: '2017-05-19' })],
    ['confirmedOn after today', 'confirmedOn', accept({ confirmedOn: '2017-05-26' })],
    ['returnedOn before the issue date', 'returnedOn', returnIt({ returnedOn: '2017-01-01' })],
  ])('given a reported completion, when decided with %s, then invalid at that field', (_name, field, command) => {
    given([completed()])
      .when(command)
      .thenThrows(ValidationError, (e) => expect(e.field).toBe(field));
  });
});
