import { DIRECTIVE_ID, calendar, duty, instance } from './duties.fixtures';
import { complianceRows, dutyInstances, outcomeOf, submissionKey, type InstancesInput, type SubmittedReport } from './compliance';

describe('outcomeOf', () => {
  const due = '2017-03-20';

  it('is on time when submitted on the due day itself, or before it', () => {
    expect(outcomeOf(due, '2017-03-20', '2017-03-20')).toBe('onTime');
    expect(outcomeOf(due, '2017-03-20', '2017-06-30')).toBe('onTime');
    expect(outcomeOf(due, '2017-03-01', '2017-03-01')).toBe('onTime');
  });

  it('is late when submitted the day after the due day, or later', () => {
    expect(outcomeOf(due, '2017-03-21', '2017-03-21')).toBe('late');
    expect(outcomeOf(due, '2017-05-02', '2017-06-30')).toBe('late');
  });

  it('is pending while nothing was submitted, up to and including the due day', () => {
    expect(outcomeOf(due, null, '2017-03-01')).toBe('pending');
    expect(outcomeOf(due, null, '2017-03-20')).toBe('pending');
  });

  it('is missing only from the day after the due day', () => {
    expect(outcomeOf(due, null, '2017-03-21')).toBe('missing');
  });

  it('does not count a submission dated after asOf: not known then', () => {
    expect(outcomeOf(due, '2017-03-18', '2017-03-17')).toBe('pending');
    expect(outcomeOf(due, '2017-03-25', '2017-03-22')).toBe('missing');
    // dated asOf itself, it counts
    expect(outcomeOf(due, '2017-03-22', '2017-03-22')).toBe('late');
  });
});

describe('submissionKey', () => {
  it('names the directive, the duty, the agency and the period', () => {
    expect(submissionKey('d-1', 'bc-quy', 'h-ba-thuoc', '2017-Q1')).toBe('d-1|bc-quy|h-ba-thuoc|2017-Q1');
  });
});

describe('dutyInstances', () => {
  // A quarterly duty on the Decree 09 cut-off, due on the 20th: Q1 cut off 14/03, due Monday 20/03;
  // Q2 14/06 → 20/06; Q3 14/09 → 20/09; Q4 14/12 → 20/12/2017.
  const quarterly = duty();
  const members: Record<string, string[]> = {
    '2017-03-14': ['h-muong-lat', 'h-ba-thuoc'],
    '2017-06-14': ['h-muong-lat', 'h-quan-hoa'],
    '2017-09-14': ['h-muong-lat'],
    '2017-12-14': ['h-muong-lat'],
  };
  const submissions = new Map<string, SubmittedReport>([
    [submissionKey(DIRECTIVE_ID, 'bc-quy', 'h-muong-lat', '2017-Q1'), { firstSubmittedOn: '2017-03-20' }],
    [submissionKey(DIRECTIVE_ID, 'bc-quy', 'h-ba-thuoc', '2017-Q1'), { firstSubmittedOn: '2017-03-21' }],
    [submissionKey(DIRECTIVE_ID, 'bc-quy', 'h-quan-hoa', '2017-Q2'), { firstSubmittedOn: '2017-06-19' }],
    // another directive's and another duty's reports of the same agency and period do not count
    [submissionKey('d-other', 'bc-quy', 'h-muong-lat', '2017-Q2'), { firstSubmittedOn: '2017-06-01' }],
    [submissionKey(DIRECTIVE_ID, 'bc-thang', 'h-muong-lat', '2017-Q2'), { firstSubmittedOn: '2017-06-01' }],
  ]);
  const input = (o: Partial<InstancesInput> = {}): InstancesInput => ({
    directiveId: DIRECTIVE_ID,
    duties: [quarterly],
    reportersOn: (_reporters, date) => members[date] ?? [],
    submitted: (key) => submissions.get(key),
    days: calendar,
    window: { from: '2017-01-01', to: '2017-12-31' },
    asOf: '2017-10-01',
    ...o,
  });
  const brief = (o: Partial<InstancesInput> = {}) =>
    dutyInstances(input(o)).map((i) => [i.period, i.agencyId, i.dueOn, i.submittedOn, i.outcome]);

  it('gives one instance per period and reporting agency, each with its cut-off, due day, first submission and outcome', () => {
    expect(dutyInstances(input())[0]).toEqual({
      directiveId: DIRECTIVE_ID,
      dutyId: 'bc-quy',
      agencyId: 'h-muong-lat',
      recipient: 'so-ldtbxh',
      period: '2017-Q1',
      cutOff: '2017-03-14',
      dueOn: '2017-03-20',
      submittedOn: '2017-03-20',
      outcome: 'onTime',
    });
    expect(brief()).toEqual([
      ['2017-Q1', 'h-muong-lat', '2017-03-20', '2017-03-20', 'onTime'],
      ['2017-Q1', 'h-ba-thuoc', '2017-03-20', '2017-03-21', 'late'],
      ['2017-Q2', 'h-muong-lat', '2017-06-20', null, 'missing'],
      ['2017-Q2', 'h-quan-hoa', '2017-06-20', '2017-06-19', 'onTime'],
      ['2017-Q3', 'h-muong-lat', '2017-09-20', null, 'missing'],
      ['2017-Q4', 'h-muong-lat', '2017-12-20', null, 'pending'],
    ]);
  });

  it('counts only the reports due within the window, its first and last days included', () => {
    const periods = (from: string, to: string) => [...new Set(brief({ window: { from, to } }).map(([period]) => period))];
    expect(periods('2017-03-20', '2017-09-20')).toEqual(['2017-Q1', '2017-Q2', '2017-Q3']);
    expect(periods('2017-03-21', '2017-09-19')).toEqual(['2017-Q2']);
    // Q3 is cut off on 14/09, inside the window, but due on 20/09, after it: not counted
    expect(periods('2017-06-01', '2017-09-15')).toEqual(['2017-Q2']);
    // Q4 was cut off before the window (14/12) and is due within it (20/12)
    expect(periods('2017-12-15', '2017-12-31')).toEqual(['2017-Q4']);
  });

  it('asks for each period’s reporters on the period’s cut-off, with the duty’s reporters', () => {
    const asked: Array<[string[], string]> = [];
    dutyInstances(
      input({
        reportersOn: (reporters, date) => {
          asked.push([reporters, date]);
          return members[date] ?? [];
        },
      }),
    );
    expect(asked).toEqual([
      [['ubnd-huyen'], '2017-03-14'],
      [['ubnd-huyen'], '2017-06-14'],
      [['ubnd-huyen'], '2017-09-14'],
      [['ubnd-huyen'], '2017-12-14'],
    ]);
  });

  it('looks submissions up by directive, duty, agency and period', () => {
    const keys: string[] = [];
    dutyInstances(
      input({
        submitted: (key) => {
          keys.push(key);
          return submissions.get(key);
        },
      }),
    );
    expect(keys).toContain('d-4308|bc-quy|h-quan-hoa|2017-Q2');
    expect(keys).toHaveLength(6);
  });

  it('judges each as of asOf: a report due after it is pending, one dated after it is not known', () => {
    expect(brief({ asOf: '2017-06-19' }).slice(2, 4)).toEqual([
      ['2017-Q2', 'h-muong-lat', '2017-06-20', null, 'pending'],
      ['2017-Q2', 'h-quan-hoa', '2017-06-20', '2017-06-19', 'onTime'],
    ]);
    expect(brief({ asOf: '2017-06-18' })[3]).toEqual(['2017-Q2', 'h-quan-hoa', '2017-06-20', '2017-06-19', 'pending']);
  });

  it('moves a due day off a day off (Decree 09 month 2017-01 due on the 27th: Tết, so 02/02/2017)', () => {
    const monthly = duty({ id: 'bc-thang', frequency: 'month', deadline: { kind: 'dayOfMonth', day: 27 }, from: '2017-01-01' });
    const got = dutyInstances(
      input({ duties: [monthly], reportersOn: () => ['h-muong-lat'], window: { from: '2017-01-01', to: '2017-02-28' } }),
    );
    expect(got.map((i) => [i.period, i.cutOff, i.dueOn])).toEqual([
      ['2017-01', '2017-01-14', '2017-02-02'],
      ['2017-02', '2017-02-14', '2017-02-27'],
    ]);
  });

  it('keeps within the duty’s span, and gives nothing for a duty without reporters then', () => {
    expect(brief({ duties: [duty({ to: '2017-06-14' })] }).map(([period]) => period)).toEqual(['2017-Q1', '2017-Q1', '2017-Q2', '2017-Q2']);
    expect(dutyInstances(input({ reportersOn: () => [] }))).toEqual([]);
  });

  it('gives each duty its own instances', () => {
    const yearly = duty({ id: 'bc-nam', frequency: 'year', deadline: { kind: 'workingDaysAfterCutOff', days: 5 }, from: '2017-01-01' });
    const got = dutyInstances(input({ duties: [quarterly, yearly], reportersOn: () => ['h-muong-lat'] }));
    // 2017 on Decree 09: cut off Thursday 14/12/2017, 5 working days: 15, 18, 19, 20, 21/12
    expect(got.filter((i) => i.dutyId === 'bc-nam').map((i) => [i.period, i.cutOff, i.dueOn])).toEqual([
      ['2017', '2017-12-14', '2017-12-21'],
    ]);
    expect(got.filter((i) => i.dutyId === 'bc-quy')).toHaveLength(4);
  });
});

describe('complianceRows', () => {
  const names: Record<string, string> = {
    'a-yen-dinh': 'UBND huyện Yên Định',
    'b-dong-son': 'UBND huyện Đông Sơn',
    'c-ba-thuoc': 'UBND huyện Bá Thước',
    'd-dan-chu': 'UBND huyện Dân Chủ',
    'e-an-thi': 'UBND huyện Ân Thi',
    'f-anh-son': 'UBND huyện Anh Sơn',
    'g-ung-hoa': 'UBND huyện Ưng Hòa',
    'h-uy-lo': 'UBND huyện Uy Lỗ',
  };
  const nameOf = (id: string) => names[id] ?? id;
  const of = (agencyId: string, ...outcomes: Array<'onTime' | 'late' | 'missing' | 'pending'>) =>
    outcomes.map((outcome, i) => instance({ agencyId, outcome, period: `2017-0${i + 1}` }));

  it('counts each agency’s outcomes; `due` is what has fallen due, pending reports apart', () => {
    const [row] = complianceRows(of('c-ba-thuoc', 'onTime', 'onTime', 'late', 'missing', 'pending', 'pending'), nameOf);
    expect(row).toMatchObject({
      agencyId: 'c-ba-thuoc',
      agencyName: 'UBND huyện Bá Thước',
      due: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      pending: 2,
    });
  });

  it('names each rate by its numerator and denominator: submitted/due and onTime/due', () => {
    const [row] = complianceRows(of('c-ba-thuoc', 'onTime', 'onTime', 'late', 'missing', 'pending', 'pending'), nameOf);
    expect(row.completeness).toEqual({
      name: 'submitted/due',
      label: 'Tỷ lệ báo cáo đã gửi trên số báo cáo phải gửi',
      numerator: 3,
      denominator: 4,
      value: 0.75,
    });
    expect(row.timeliness).toEqual({
      name: 'onTime/due',
      label: 'Tỷ lệ báo cáo gửi đúng hạn trên số báo cáo phải gửi',
      numerator: 2,
      denominator: 4,
      value: 0.5,
    });
  });

  it('gives null rates to an agency with only pending reports', () => {
    const [row] = complianceRows(of('c-ba-thuoc', 'pending'), nameOf);
    expect([row.due, row.pending, row.completeness.value, row.timeliness.value]).toEqual([0, 1, null, null]);
  });

  it('sorts the rows by Vietnamese name (A < Ă < Â, D < Đ, U < Ư), not by id nor by code point', () => {
    const rows = complianceRows(
      [
        ...of('a-yen-dinh', 'onTime'),
        ...of('b-dong-son', 'late'),
        ...of('c-ba-thuoc', 'missing'),
        ...of('d-dan-chu', 'pending'),
        ...of('e-an-thi', 'onTime'),
        ...of('f-anh-son', 'onTime'),
        ...of('g-ung-hoa', 'onTime'),
        ...of('h-uy-lo', 'onTime'),
      ],
      nameOf,
    );
    expect(rows.map((r) => r.agencyName)).toEqual([
      'UBND huyện Anh Sơn',
      'UBND huyện Ân Thi',
      'UBND huyện Bá Thước',
      'UBND huyện Dân Chủ',
      'UBND huyện Đông Sơn',
      'UBND huyện Uy Lỗ',
      'UBND huyện Ưng Hòa',
      'UBND huyện Yên Định',
    ]);
  });

  it('breaks a tie of names by agency id', () => {
    const rows = complianceRows([...of('x-2', 'onTime'), ...of('x-1', 'late')], () => 'UBND xã Xuân Lộc');
    expect(rows.map((r) => r.agencyId)).toEqual(['x-1', 'x-2']);
  });

  it('gives no row for no instance', () => {
    expect(complianceRows([], nameOf)).toEqual([]);
  });
});
