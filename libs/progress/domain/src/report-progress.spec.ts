import { EVENT_TYPES, MAX_ATTACHMENT_BYTES, progressReportedV1 } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import { cancelledContext, completed, confirmed, file, progress, progressed, ref, returned } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

describe('ReportProgress', () => {
  it('given nothing, when progress is reported, then progress-reported, valid against its schema', () => {
    given([])
      .when(progress({ difficulties: 'Thiếu vốn' }))
      .then([
        {
          type: EVENT_TYPES.progressReported,
          data: {
            ...ref,
            reportedOn: '2017-03-10',
            summary: 'Đã triển khai 5 mô hình',
            percent: 40,
            difficulties: 'Thiếu vốn',
            proposals: null,
            incomingDocument: null,
          },
        },
      ]);
    expect(progressReportedV1.safeParse(progressed.data).success).toBe(true);
  });

  it('takes the issue date and today as bounds', () => {
    given([])
      .when(progress({ reportedOn: '2017-02-10' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.progressReported })]);
    given([])
      .when(progress({ reportedOn: '2017-03-10', today: '2017-03-10' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.progressReported })]);
  });

  it('given a completion awaiting confirmation, or a returned one, progress may still be reported', () => {
    given([completed()])
      .when(progress({ reportedOn: '2017-05-21', today: '2017-05-21' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ reportedOn: '2017-05-21' }) })]);
    given([completed(), returned()])
      .when(progress({ reportedOn: '2017-05-26', today: '2017-05-26' }))
      .then([expect.anything()]);
  });

  it('given a cancelled task, then conflict', () => {
    given([])
      .when(progress({ context: cancelledContext }))
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('cancelled'));
  });

  it('given a confirmed completion, then conflict', () => {
    given([completed(), confirmed()])
      .when(progress({ reportedOn: '2017-05-26', today: '2017-05-26' }))
      .thenThrows(IllegalStateError);
  });

  it.each([
    ['before the issue date', '2017-02-09'],
    ['after today', '2017-03-11'],
  ])('refuses a date %s, naming reportedOn', (_name, reportedOn) => {
    given([])
      .when(progress({ reportedOn }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('reportedOn'));
  });

  describe('with a file', () => {
    it('given nothing, when progress is reported with a file, then the event records its name, media type, size and SHA-256', () => {
      given([])
        .when(progress({ attachment: file }))
        .then([
          {
            type: EVENT_TYPES.progressReported,
            data: {
              ...ref,
              reportedOn: '2017-03-10',
              summary: 'Đã triển khai 5 mô hình',
              percent: 40,
              difficulties: null,
              proposals: null,
              incomingDocument: null,
              attachment: file,
            },
          },
        ]);
      expect(progressReportedV1.safeParse({ ...progressed.data, attachment: file }).success).toBe(true);
    });

    it('given nothing, when progress is reported without one (absent or null), then the event names none, as before files', () => {
      for (const attachment of [undefined, null]) {
        const [event] = assignmentDecider.decide(progress({ attachment }), assignmentDecider.initialState());
        expect(Object.keys(event.data)).not.toContain('attachment');
      }
      expect(progressReportedV1.safeParse({ ...progressed.data, attachment: null }).success).toBe(true);
    });

    it('records the file only: what else the service handed on is not the event’s', () => {
      given([])
        .when(progress({ attachment: { ...file, contentBase64: 'QUJD' } as typeof file }))
        .then([expect.objectContaining({ data: expect.objectContaining({ attachment: file }) })]);
    });

    it.each([
      ['an empty file', { size: 0 }],
      ['a file over the limit', { size: MAX_ATTACHMENT_BYTES + 1 }],
      ['a hash that is not a SHA-256', { sha256: 'abc' }],
    ])('refuses %s, naming attachment.contentBase64', (_name, change) => {
      given([])
        .when(progress({ attachment: { ...file, ...change } }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('attachment.contentBase64'));
    });

    it('given a confirmed completion, a report with a file is refused like any other', () => {
      given([completed(), confirmed()])
        .when(progress({ reportedOn: '2017-05-26', today: '2017-05-26', attachment: file }))
        .thenThrows(IllegalStateError);
    });
  });
});
