import { completionRequest, confirmationRequest, progressRequest } from './progress';

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
