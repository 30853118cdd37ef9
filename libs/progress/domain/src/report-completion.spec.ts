import { completionReportedV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import {
  cancelledContext,
  completed,
  completion,
  confirmed,
  context,
  file,
  progressed,
  ref,
  reopened,
  returned,
} from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

describe('ReportCompletion', () => {
  it('given progress, when completion is reported, then completion-reported, valid against its schema', () => {
    given([progressed])
      .when(completion())
      .then([
        {
          type: EVENT_TYPES.completionReported,
          data: { ...ref, completedOn: '2017-05-20', summary: 'Hoàn thành', evidence: '123/BC-UBND', incomingDocument: null },
        },
      ]);
    expect(completionReportedV1.safeParse(completed().data).success).toBe(true);
  });

  it('given progress, when completion is reported with its evidence as a file, then the event records its name, media type, size and SHA-256', () => {
    given([progressed])
      .when(completion({ attachment: file }))
      .then([
        {
          type: EVENT_TYPES.completionReported,
          data: {
            ...ref,
            completedOn: '2017-05-20',
            summary: 'Hoàn thành',
            evidence: '123/BC-UBND',
            incomingDocument: null,
            attachment: file,
          },
        },
      ]);
    expect(completionReportedV1.safeParse({ ...completed().data, attachment: file }).success).toBe(true);
    expect(completionReportedV1.safeParse({ ...completed().data, attachment: { ...file, size: 'big' } }).success).toBe(false);
  });

  it('refuses a file that is not 1 to MAX_ATTACHMENT_BYTES named by its SHA-256, naming attachment.contentBase64', () => {
    given([])
      .when(completion({ attachment: { ...file, sha256: file.sha256.toUpperCase() } }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('attachment.contentBase64'));
  });

  it('given a completion awaiting confirmation, one with a file is refused like any other', () => {
    given([completed()])
      .when(completion({ attachment: file }))
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('awaiting confirmation'));
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

  describe('after a return', () => {
    it('given a returned completion, when the same (earlier) date is reported again, then 422 naming completedOn', () => {
      given([completed('2017-05-20'), returned('2017-05-20', '2017-05-24')])
        .when(completion({ completedOn: '2017-05-20', today: '2017-06-01' }))
        .thenThrows(RuleViolationError, (e) => {
          expect(e.field).toBe('completedOn');
          expect(e.message).toContain('2017-05-24');
        });
    });

    it('given a returned completion, when a new one is dated the day of the return, then it is taken', () => {
      given([completed('2017-05-20'), returned('2017-05-20', '2017-05-24')])
        .when(completion({ completedOn: '2017-05-24', today: '2017-06-01' }))
        .then([expect.objectContaining({ data: expect.objectContaining({ completedOn: '2017-05-24' }) })]);
    });
  });

  describe('after a reopening', () => {
    it('given a reopened completion, when a completion dated before the reopening is reported, then 422', () => {
      given([completed(), confirmed(), reopened('2017-05-20', '2017-06-10')])
        .when(completion({ completedOn: '2017-06-09', today: '2017-06-20' }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('completedOn'));
    });

    it('given a reopened completion, a new completion on or after the reopening is taken', () => {
      given([completed(), confirmed(), reopened('2017-05-20', '2017-06-10')])
        .when(completion({ completedOn: '2017-06-15', today: '2017-06-20' }))
        .then([expect.objectContaining({ type: EVENT_TYPES.completionReported })]);
    });
  });

  it('given a coordinating assignment, when completion is reported, then conflict: the lead completes', () => {
    given([])
      .when(completion({ context: { ...context, role: 'coordinating' } }))
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('coordinating'));
  });

  it('given an assignment added later, a completion before its start is refused, naming completedOn', () => {
    given([])
      .when(completion({ context: { ...context, assignedOn: '2017-05-21' }, completedOn: '2017-05-20' }))
      .thenThrows(ValidationError, (e) =>
        expect([e.field, e.message]).toEqual(['completedOn', expect.stringContaining('assignment started')]),
      );
  });

  describe('recorded on behalf', () => {
    const paper = { number: '45/BC-UBND', date: '2017-05-21' };

    it('when a monitoring officer records the paper report, then the event names the incoming document', () => {
      given([])
        .when(completion({ incomingDocument: paper }))
        .then([expect.objectContaining({ data: expect.objectContaining({ agencyId: 'h-muong-lat', incomingDocument: paper }) })]);
    });

    it.each([
      ['dated before the completion it reports', '2017-05-19'],
      ['dated after today', '2017-05-23'],
    ])('refuses an incoming document %s, naming incomingDocument.date', (_name, date) => {
      given([])
        .when(completion({ incomingDocument: { ...paper, date } }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('incomingDocument.date'));
    });
  });
});
