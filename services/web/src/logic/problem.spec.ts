import { issueDirectiveRequest, progressRequest } from '@dm/contracts/web';
import { changedPaths, parseFieldPath, placeErrors, problemErrors, readProblem, touchedBy, zodErrors } from './problem';

describe('problem+json', () => {
  const answer = {
    type: 'about:blank',
    title: 'Invalid request',
    status: 400,
    detail: 'The request has invalid fields',
    instance: '/api/v1/assignments/x/progress',
    errors: [
      { field: 'reportedOn', message: 'is not a calendar date' },
      { field: 'summary', message: 'must not be empty' },
      { field: 'percent', message: 'must be at most 100' },
    ],
  };

  it('reads the answer of the problem filter', () => {
    expect(readProblem(400, answer)).toEqual(answer);
  });

  it('reads errors that name a path instead of a field, and bodies that are no problem', () => {
    expect(readProblem(422, { errors: [{ path: 'tasks[0].deadline', message: 'x' }] }).errors).toEqual([
      { field: 'tasks[0].deadline', message: 'x' },
    ]);
    expect(readProblem(502, 'Bad gateway')).toEqual({ type: 'about:blank', title: 'HTTP 502', status: 502, errors: [] });
  });

  it('parses JSON paths into form name paths', () => {
    expect(parseFieldPath('tasks[2].lead[0]')).toEqual(['tasks', 2, 'lead', 0]);
    expect(parseFieldPath('incomingDocument.number')).toEqual(['incomingDocument', 'number']);
    expect(parseFieldPath('(body)')).toEqual([]);
    expect(parseFieldPath('Idempotency-Key')).toEqual(['Idempotency-Key']);
  });
});

describe('placing errors beside fields', () => {
  const translate = (m: string) => (m === 'must not be empty' ? 'Không được để trống' : m);

  it('puts each error at the field it names, translated', () => {
    const placed = placeErrors(
      problemErrors(readProblem(400, { errors: [{ field: 'summary', message: 'must not be empty' }] })),
      [['summary']],
      translate,
    );
    expect(placed).toEqual({ fields: [{ name: ['summary'], errors: ['Không được để trống'] }], general: [] });
  });

  it('puts an item of a list at the list field, within its task', () => {
    const errors = problemErrors(
      readProblem(422, {
        errors: [
          { field: 'tasks[2].lead[0]', message: 'h-x is not valid on 10/02/2017' },
          { field: 'tasks[2].lead[3]', message: 'h-x is not valid on 10/02/2017' },
        ],
      }),
    );
    expect(
      placeErrors(errors, [
        ['tasks', '*', 'lead'],
        ['tasks', '*', 'deadline'],
      ]).fields,
    ).toEqual([{ name: ['tasks', 2, 'lead'], errors: ['h-x is not valid on 10/02/2017'] }]);
  });

  it('prefers the longest field that matches', () => {
    const errors = [{ path: ['incomingDocument', 'number'], message: 'is required' }];
    expect(placeErrors(errors, [['incomingDocument'], ['incomingDocument', 'number']]).fields[0].name).toEqual([
      'incomingDocument',
      'number',
    ]);
  });

  it('says errors of no field of the form above it', () => {
    const placed = placeErrors(
      [
        { path: [], message: 'a JSON object is required' },
        { path: ['Idempotency-Key'], message: 'must be 1 to 200 characters' },
      ],
      [['summary']],
    );
    expect(placed.general).toEqual(['a JSON object is required', 'Idempotency-Key: must be 1 to 200 characters']);
  });

  it('places the issues of a client-side parse with the request schema', () => {
    const parsed = progressRequest.safeParse({ reportedOn: '2017-02-30', summary: '  ', percent: 120 });
    expect(parsed.success).toBe(false);
    const placed = placeErrors(zodErrors(parsed.error!.issues), [['reportedOn'], ['summary'], ['percent']]);
    expect(placed.fields.map((f) => f.name[0]).sort()).toEqual(['percent', 'reportedOn', 'summary']);
  });

  it('names a task field of the directive being issued', () => {
    const parsed = issueDirectiveRequest.safeParse({
      number: '1/UBND',
      type: 'cong-van',
      issuer: 'ubnd-tinh',
      issuedOn: '2017-02-10',
      subject: 'V/v',
      signer: { name: 'A', title: 'B' },
      monitoringAgency: 'so-ldtbxh',
      tasks: [{ number: '1', text: 'x', mode: 'giao', lead: [], deadline: null }],
    });
    const placed = placeErrors(zodErrors(parsed.error!.issues), [['tasks', '*', 'lead']]);
    expect(placed.fields).toEqual([{ name: ['tasks', 0, 'lead'], errors: ['needs at least one lead agency or group'] }]);
  });
});

describe('clearing an error once its field is edited', () => {
  it('finds the leaves AntD says changed, a list of values as one', () => {
    expect(changedPaths({ summary: 'x' })).toEqual([['summary']]);
    expect(changedPaths({ incomingDocument: { number: '45' } })).toEqual([['incomingDocument', 'number']]);
    expect(changedPaths({ tasks: [, { lead: ['ubnd-huyen'] }] })).toEqual([['tasks', 1, 'lead']]);
    expect(changedPaths({ issuedOn: { format: () => '2017-03-01' } })).toEqual([['issuedOn']]);
  });

  it('names the fields shown in error that the change concerns', () => {
    const shown = [['summary'], ['tasks', 1, 'lead'], ['tasks', 0, 'text']];
    expect(touchedBy(shown, [['tasks', 1, 'lead']])).toEqual([['tasks', 1, 'lead']]);
    expect(touchedBy(shown, [['summary']])).toEqual([['summary']]);
    expect(touchedBy(shown, [['percent']])).toEqual([]);
  });
});
