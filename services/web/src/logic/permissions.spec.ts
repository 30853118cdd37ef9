import { awaitingPeriods, mayDecide, mayReopen, mayReportCompletion, openPeriods, reportingMode } from './permissions';

const assignment = (over: Record<string, unknown> = {}) => ({
  agencyId: 'h-ba-thuoc',
  role: 'lead' as const,
  lifecycle: 'inProgress' as const,
  recurrence: null,
  obligations: [],
  ...over,
});
const officer = { roles: ['agency_officer' as const], agencyId: 'h-ba-thuoc' };
const other = { roles: ['agency_officer' as const], agencyId: 'h-nga-son' };
const office = { roles: ['monitoring_officer' as const], agencyId: 'so-ldtbxh' };
const inspector = { roles: ['inspector' as const], agencyId: null };

describe('what the assignment page offers', () => {
  it('lets an agency officer report its own assignment, and the office record a paper report', () => {
    expect(reportingMode(officer, assignment())).toBe('own');
    expect(reportingMode(other, assignment())).toBeNull();
    expect(reportingMode(office, assignment())).toBe('onBehalf');
    expect(reportingMode(inspector, assignment())).toBeNull();
    expect(reportingMode(officer, assignment({ lifecycle: 'cancelled' }))).toBeNull();
    expect(reportingMode(officer, assignment({ lifecycle: 'completed' }))).toBeNull();
    expect(reportingMode(officer, assignment({ lifecycle: 'completed', recurrence: { every: 'year', day: 15 } }))).toBe('own');
  });

  it('offers a completion to a lead assignment that is open', () => {
    expect(mayReportCompletion(assignment())).toBe(true);
    expect(mayReportCompletion(assignment({ lifecycle: 'returned' }))).toBe(true);
    expect(mayReportCompletion(assignment({ lifecycle: 'awaitingConfirmation' }))).toBe(false);
    expect(mayReportCompletion(assignment({ role: 'coordinating' }))).toBe(false);
  });

  it('offers a recurring assignment’s completion for its open periods', () => {
    const recurring = assignment({
      recurrence: { every: 'quarter', day: 20 },
      lifecycle: 'completed',
      obligations: [
        { period: '2017-Q1', lifecycle: 'completed' },
        { period: '2017-Q2', lifecycle: 'awaitingConfirmation' },
        { period: '2017-Q3', lifecycle: 'notStarted' },
      ],
    });
    expect(openPeriods(recurring)).toEqual(['2017-Q3']);
    expect(awaitingPeriods(recurring)).toEqual(['2017-Q2']);
    expect(mayReportCompletion(recurring)).toBe(true);
    expect(mayDecide(office, recurring)).toBe(true);
  });

  it('lets the office decide an awaiting completion and reopen an accepted one', () => {
    expect(mayDecide(office, assignment({ lifecycle: 'awaitingConfirmation' }))).toBe(true);
    expect(mayDecide(officer, assignment({ lifecycle: 'awaitingConfirmation' }))).toBe(false);
    expect(mayReopen(office, assignment({ lifecycle: 'completed' }))).toBe(true);
    expect(mayReopen(office, assignment())).toBe(false);
  });
});
