import { periodicReportSubmittedV1, REPORTING_EVENT_TYPES, type PeriodicReportSubmitted } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { DIRECTIVE_ID, duty } from './duties.fixtures';
import { submissionsDecider, SubmitPeriodicReport, type SubmissionEvent, type SubmitPeriodicReportData } from './submit-periodic-report';

const given = DeciderSpecification.for(submissionsDecider);

const attachment = { fileName: 'bao-cao-quy-1.pdf', mediaType: 'application/pdf', size: 1024, sha256: 'ab'.repeat(32) };

/** Mường Lát's 2017-Q1 report (Decree 09: 15/12/2016 → 14/03/2017) under a quarterly duty from 10/02/2017, sent on 16/03. */
const submit = (o: Partial<SubmitPeriodicReportData> = {}) =>
  new SubmitPeriodicReport(
    {
      directiveId: DIRECTIVE_ID,
      dutyId: 'bc-quy',
      agencyId: 'h-muong-lat',
      period: '2017-Q1',
      submittedOn: '2017-03-16',
      attachment,
      note: null,
      incomingDocument: null,
      duty: duty(),
      reporters: ['h-muong-lat', 'h-ba-thuoc'],
      today: '2017-03-16',
      ...o,
    },
    specMetadata(),
  );
const submitted = (o: Partial<PeriodicReportSubmitted> = {}): SubmissionEvent => ({
  type: REPORTING_EVENT_TYPES.periodicReportSubmitted,
  data: {
    directiveId: DIRECTIVE_ID,
    dutyId: 'bc-quy',
    agencyId: 'h-muong-lat',
    period: '2017-Q1',
    submittedOn: '2017-03-16',
    attachment,
    note: null,
    incomingDocument: null,
    ...o,
  },
});
const refusedAt = (field: string) => (e: ValidationError) => expect(e.field).toBe(field);

describe('SubmitPeriodicReport', () => {
  it('given nothing, when an agency submits its report, then periodic-report-submitted, without the command’s context, valid against its schema', () => {
    given([]).when(submit()).then([submitted()]);
    expect(periodicReportSubmittedV1.safeParse(submitted().data).success).toBe(true);
  });

  it('records a paper report with its incoming document and note', () => {
    const incomingDocument = { number: '45/BC-UBND', date: '2017-03-15' };
    given([])
      .when(submit({ submittedOn: '2017-03-15', incomingDocument, note: 'Gửi bản giấy' }))
      .then([submitted({ submittedOn: '2017-03-15', incomingDocument, note: 'Gửi bản giấy' })]);
  });

  it('given a report for the period, when a second one is submitted, then it is accepted too', () => {
    given([submitted()])
      .when(submit({ submittedOn: '2017-03-20', today: '2017-03-20' }))
      .then([submitted({ submittedOn: '2017-03-20' })]);
  });

  it.each([
    ['a month', '2017-03'],
    ['a half-year', '2017-H1'],
    ['the first nine months', '2017-M9'],
    ['a year', '2017'],
    ['not a period', 'quý 1'],
  ])('refuses %s for a quarterly duty, naming period', (_name, period) => {
    given([]).when(submit({ period })).thenThrows(ValidationError, refusedAt('period'));
  });

  it('refuses a period cut off before the duty starts, and takes one cut off on its first day', () => {
    given([])
      .when(submit({ duty: duty({ from: '2017-03-15' }) }))
      .thenThrows(ValidationError, refusedAt('period'));
    given([])
      .when(submit({ duty: duty({ from: '2017-03-14' }) }))
      .then([submitted()]);
  });

  it('refuses a period cut off after the duty ends, and takes one cut off on its last day', () => {
    const q2 = { period: '2017-Q2', submittedOn: '2017-06-20', today: '2017-06-20' };
    given([])
      .when(submit({ ...q2, duty: duty({ to: '2017-06-13' }) }))
      .thenThrows(ValidationError, refusedAt('period'));
    given([])
      .when(submit({ ...q2, duty: duty({ to: '2017-06-14' }) }))
      .then([submitted({ period: '2017-Q2', submittedOn: '2017-06-20' })]);
  });

  it('refuses a period not begun today (2017-Q2 begins on 15/03 by Decree 09), and takes it from its first day', () => {
    given([])
      .when(submit({ period: '2017-Q2', submittedOn: '2017-03-14', today: '2017-03-14' }))
      .thenThrows(ValidationError, refusedAt('period'));
    given([])
      .when(submit({ period: '2017-Q2', submittedOn: '2017-03-15', today: '2017-03-15' }))
      .then([submitted({ period: '2017-Q2', submittedOn: '2017-03-15' })]);
  });

  it('reads the period on the duty’s calendar (2017-Q2 begins on 01/04 on the natural calendar)', () => {
    given([])
      .when(submit({ period: '2017-Q2', submittedOn: '2017-03-20', today: '2017-03-20', duty: duty({ calendar: 'calendar' }) }))
      .thenThrows(ValidationError, refusedAt('period'));
  });

  it('refuses an agency not among the duty’s reporters on the cut-off, naming agencyId', () => {
    given([])
      .when(submit({ agencyId: 'h-quan-hoa' }))
      .thenThrows(ValidationError, (e) => {
        expect(e.field).toBe('agencyId');
        expect(e.message).toContain('h-quan-hoa');
      });
  });

  it('refuses a report dated after today, and takes one dated today', () => {
    given([])
      .when(submit({ submittedOn: '2017-03-17', today: '2017-03-16' }))
      .thenThrows(ValidationError, refusedAt('incomingDocument.date'));
    given([])
      .when(submit({ submittedOn: '2017-03-16', today: '2017-03-16' }))
      .then([submitted()]);
  });

  it('refuses a report dated before its period starts, and takes one dated on its first day', () => {
    const q2 = { period: '2017-Q2', today: '2017-06-20' };
    given([])
      .when(submit({ ...q2, submittedOn: '2017-03-14' }))
      .thenThrows(ValidationError, (e) => {
        expect(e.field).toBe('incomingDocument.date');
        expect(e.message).toContain('2017-03-15');
      });
    given([])
      .when(submit({ ...q2, submittedOn: '2017-03-15' }))
      .then([submitted({ period: '2017-Q2', submittedOn: '2017-03-15' })]);
  });

  it('counts the submissions of each duty and period', () => {
    const events = [
      submitted(),
      submitted({ submittedOn: '2017-03-20' }),
      submitted({ period: '2017-Q2' }),
      submitted({ dutyId: 'bc-nam' }),
    ];
    expect(events.reduce(submissionsDecider.evolve, submissionsDecider.initialState())).toEqual({
      'bc-quy|2017-Q1': 2,
      'bc-quy|2017-Q2': 1,
      'bc-nam|2017-Q1': 1,
    });
  });
});
