import { agenciesQuery, assignmentsQuery, directiveQuery, knownAtQuery, stateQuery, summaryQuery } from './reporting';

const fieldsAtFault = (result: { success: boolean; error?: { issues: Array<{ path: Array<string | number> }> } }) =>
  result.success ? [] : [...new Set(result.error!.issues.map((i) => i.path.join('.') || '(body)'))];

describe('knownAt, a record time', () => {
  it.each([
    ['2017-04-05T10:00:00Z', '2017-04-05T10:00:00.000Z'],
    ['2017-04-05T10:00:00.123Z', '2017-04-05T10:00:00.123Z'],
    ['2017-04-05T10:00:00.123999Z', '2017-04-05T10:00:00.123Z'],
    ['2017-04-05T17:00:00+07:00', '2017-04-05T10:00:00.000Z'],
    ['2017-04-05T10:00+07:00', '2017-04-05T03:00:00.000Z'],
    ['2017-04-05T00:30:00-02:00', '2017-04-05T02:30:00.000Z'],
    ['2017-04-05', '2017-04-05T16:59:59.999Z'],
    ['2017-12-31', '2017-12-31T16:59:59.999Z'],
  ])('reads %s as the instant %s (a date: the end of that day in Vietnam)', (text, instant) => {
    expect(knownAtQuery.parse({ knownAt: text })).toEqual({ knownAt: instant });
  });

  it.each([
    'garbage',
    '2017-02-30',
    '2017-04-05T10:00:00',
    '2017-04-05 10:00:00Z',
    '2017-04-05T24:00:00Z',
    '2017-04-05T10:60:00Z',
    '2017-04-05T10:00:00+24:00',
    '1491386400000',
    '',
  ])('refuses %p, naming knownAt', (text) => {
    for (const schema of [knownAtQuery, stateQuery, directiveQuery, assignmentsQuery])
      expect(fieldsAtFault(schema.safeParse({ knownAt: text }))).toEqual(['knownAt']);
    for (const schema of [summaryQuery, agenciesQuery])
      expect(fieldsAtFault(schema.safeParse({ period: '2017-Q1', knownAt: text }))).toEqual(['knownAt']);
  });

  it('is optional everywhere, and refused when repeated', () => {
    expect(knownAtQuery.parse({})).toEqual({});
    expect(summaryQuery.parse({ period: '2017-Q1' }).knownAt).toBeUndefined();
    expect(fieldsAtFault(knownAtQuery.safeParse({ knownAt: ['2017-04-05', '2017-04-06'] }))).toEqual(['knownAt']);
  });
});
