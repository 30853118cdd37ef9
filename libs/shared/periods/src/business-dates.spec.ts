import { ValidationError } from '@dm/eventsourcing';
import { requireBusinessDate, requireNotAfterToday, requireOnOrAfter } from './business-dates';

describe('business dates', () => {
  const bounds = { from: '2017-02-10', fromName: 'the directive was issued', today: '2017-03-10' };

  it('takes the first and the last day of the window', () => {
    expect(requireBusinessDate('2017-02-10', 'reportedOn', bounds)).toBe('2017-02-10');
    expect(requireBusinessDate('2017-03-10', 'reportedOn', bounds)).toBe('2017-03-10');
  });

  it('refuses a date before the start, naming the field and the start', () => {
    expect(() => requireOnOrAfter('2017-02-09', 'reportedOn', '2017-02-10', 'the directive was issued')).toThrow(
      new ValidationError('reportedOn 2017-02-09 is before the directive was issued (2017-02-10)', 'reportedOn'),
    );
    expect(() => requireBusinessDate('2017-02-09', 'completedOn', bounds)).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'completedOn' }),
    );
  });

  it('refuses a date after today', () => {
    expect(() => requireNotAfterToday('2017-03-11', 'confirmedOn', '2017-03-10')).toThrow(
      'confirmedOn 2017-03-11 is in the future (today is 2017-03-10)',
    );
    expect(() => requireBusinessDate('2017-03-11', 'reportedOn', bounds)).toThrow(expect.objectContaining({ field: 'reportedOn' }));
  });
});
