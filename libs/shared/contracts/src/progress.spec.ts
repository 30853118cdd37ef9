import { MAX_ATTACHMENT_BYTES } from './attachments';
import { completionReportedV1, completionRequest, confirmationRequest, progressReportedV1, progressRequest } from './progress';

const fieldsAtFault = (result: { success: boolean; error?: { issues: Array<{ path: Array<string | number> }> } }) =>
  result.success ? [] : [...new Set(result.error!.issues.map((i) => i.path.join('.') || '(body)'))];

/** The shape of an assignment's requests is checked here, once; the decider checks the dates against the directive and today. */
describe('progressRequest', () => {
  it('takes a report, trims its texts and reads blank ones as null', () => {
    expect(
      progressRequest.parse({ reportedOn: '2017-03-01', summary: ' Đã triển khai ', difficulties: ' ', proposals: 'Bổ sung vốn' }),
    ).toEqual({
      reportedOn: '2017-03-01',
      summary: 'Đã triển khai',
      percent: null,
      difficulties: null,
      proposals: 'Bổ sung vốn',
    });
  });

  it.each([0, 100, null])('takes percent %p', (percent) => {
    expect(progressRequest.parse({ reportedOn: '2017-03-01', summary: 'x', percent }).percent).toBe(percent);
  });

  it.each<[string, string, object]>([
    ['no summary', 'summary', { summary: undefined }],
    ['an empty summary', 'summary', { summary: '  ' }],
    ['a date that is not a date', 'reportedOn', { reportedOn: '2017-02-29' }],
    ['a negative percent', 'percent', { percent: -1 }],
    ['a percent above 100', 'percent', { percent: 100.5 }],
    ['a percent that is not a number', 'percent', { percent: 'half' }],
  ])('refuses %s, naming %s', (_name, field, change) => {
    expect(fieldsAtFault(progressRequest.safeParse({ reportedOn: '2017-03-01', summary: 'x', ...change }))).toContain(field);
  });
});

describe('completionRequest and confirmationRequest', () => {
  it('a completion needs a date and a summary', () => {
    expect(fieldsAtFault(completionRequest.safeParse({ completedOn: '2017-05-20', summary: '' }))).toEqual(['summary']);
    expect(fieldsAtFault(completionRequest.safeParse({ completedOn: 'hôm nay', summary: 'x' }))).toEqual(['completedOn']);
  });

  it('a decision is an acceptance or a return with its reason', () => {
    expect(confirmationRequest.parse({ accepted: true })).toEqual({ accepted: true });
    expect(fieldsAtFault(confirmationRequest.safeParse({ accepted: false, reason: '' }))).toEqual(['reason']);
    expect(fieldsAtFault(confirmationRequest.safeParse({ accepted: false, reason: 'x', returnedOn: 'hôm nay' }))).toEqual(['returnedOn']);
    expect(fieldsAtFault(confirmationRequest.safeParse({ accepted: 'yes' }))).toEqual(['accepted']);
  });
});

describe('a file on a progress or completion report', () => {
  const attachment = { fileName: 'báo cáo.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0xLjQ=' };
  const recorded = { fileName: 'báo cáo.pdf', mediaType: 'application/pdf', size: 8, sha256: 'a'.repeat(64) };
  const ref = { assignmentId: 'a-1', directiveId: 'd-1', taskNumber: '3', agencyId: 'h-muong-lat' };

  it('is optional on both requests, and taken as sent', () => {
    expect(progressRequest.parse({ reportedOn: '2017-03-01', summary: 'x', attachment }).attachment).toEqual(attachment);
    expect(completionRequest.parse({ completedOn: '2017-05-20', summary: 'x', attachment }).attachment).toEqual(attachment);
    expect(progressRequest.parse({ reportedOn: '2017-03-01', summary: 'x' })).not.toHaveProperty('attachment');
  });

  it.each<[string, string, object]>([
    ['content that is not base64', 'attachment.contentBase64', { contentBase64: 'không phải base64' }],
    ['content over the limit', 'attachment.contentBase64', { contentBase64: 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) }],
    ['a name with a path', 'attachment.fileName', { fileName: '../x.pdf' }],
    ['a media type with a parameter', 'attachment.mediaType', { mediaType: 'text/html; charset=utf-8' }],
    ['a field of its own', 'attachment', { url: 'http://x' }],
  ])('refuses %s, naming %s', (_name, field, change) => {
    const body = { attachment: { ...attachment, ...change } };
    expect(fieldsAtFault(progressRequest.safeParse({ reportedOn: '2017-03-01', summary: 'x', ...body }))).toEqual([field]);
    expect(fieldsAtFault(completionRequest.safeParse({ completedOn: '2017-05-20', summary: 'x', ...body }))).toEqual([field]);
  });

  it('is recorded on the events, which read as before without one (absent or null)', () => {
    const progress = { ...ref, reportedOn: '2017-03-01', summary: 'x', percent: null, difficulties: null, proposals: null };
    const completion = { ...ref, completedOn: '2017-05-20', summary: 'x', evidence: null };
    for (const extra of [{}, { attachment: null }, { attachment: recorded }]) {
      expect(progressReportedV1.parse({ ...progress, ...extra })).toEqual({ ...progress, ...extra });
      expect(completionReportedV1.parse({ ...completion, ...extra })).toEqual({ ...completion, ...extra });
    }
    expect(progressReportedV1.safeParse({ ...progress, attachment: { ...recorded, sha256: undefined } }).success).toBe(false);
  });
});
