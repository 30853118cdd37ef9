import { expect } from '@jest/globals';
import { everyone, narrowed, paperReport, scoped, type Action } from './authorization-table.fixtures';
import type { EmbeddedFixture } from './fixture';

/**
 * The reporting routes of the authorisation table (docs/reporting.md, "Who
 * may do what"): a quarterly duty of the letter's districts, Mường Lát's
 * report under it, so-ldtbxh's 2017-Q1 report issued twice, a reminder.
 */
export interface ReportingRecords {
  attachment: string;
  reportId: string;
  reminderId: string;
}

const regime = {
  duties: [
    {
      id: 'quy',
      reporters: ['ubnd-huyen'],
      recipient: 'so-ldtbxh',
      frequency: 'quarter',
      deadline: { kind: 'dayOfMonth', day: 20 },
      from: '2017-02-10',
    },
  ],
};
const periodicReport = {
  dutyId: 'quy',
  period: '2017-Q1',
  agencyId: 'h-muong-lat',
  attachment: { fileName: 'bao-cao.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('Báo cáo quý I').toString('base64') },
};
const reportRequest = {
  period: '2017-Q1',
  number: '12/BC-SLĐTBXH',
  place: 'Thanh Hóa',
  date: '2017-03-20',
  reason: 'Kiểm tra phân quyền',
};
/** Who reads a directive's reporting: Mường Lát (addressed) and so-ldtbxh (its monitoring agency); hdnd-tinh is neither. */
const reportReaders = {
  agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
  byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'hdnd-tinh' } },
};

/** Records what the reporting actions read: the regime, a submission, an issued report's two revisions, a reminder. */
export async function recordReporting(fx: EmbeddedFixture, directiveId: string): Promise<ReportingRecords> {
  expect((await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, regime)).status).toBe(200);
  const submitted = await fx.officer('h-muong-lat').post(`/api/v1/reporting/regimes/${directiveId}/submissions`, periodicReport);
  expect(submitted.status).toBe(201);
  const report = await fx.monitoring().post('/api/v1/reports/issued', { ...reportRequest, directiveId });
  expect(report.status).toBe(201);
  expect((await fx.monitoring().post('/api/v1/reports/issued', { ...reportRequest, directiveId, reason: 'Bổ sung' })).status).toBe(201);
  const reminder = await fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-muong-lat', directiveId, text: 'Đề nghị báo cáo' });
  expect(reminder.status).toBe(201);
  return {
    attachment: submitted.body.data.attachment.sha256,
    reportId: encodeURIComponent(report.body.reportId),
    reminderId: reminder.body.reminderId,
  };
}

/** The reporting actions, on the records and the letter `ids` gives once they are made. */
export function reportingActions(ids: () => ReportingRecords & { directiveId: string }): Record<string, Action> {
  return {
    'read a period rolled up by agency, group and province': {
      route: 'GET /api/v1/reports/rollup',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/rollup?period=2017-Q1&directiveId=${ids().directiveId}`),
    },
    'read the working calendar': {
      route: 'GET /api/v1/calendar',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/calendar?year=2017'),
    },
    'ask whether a date is a working day': {
      route: 'GET /api/v1/calendar/day',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/calendar/day?date=2017-05-02'),
    },
    'record a make-up day': {
      route: 'POST /api/v1/calendar/adjustments',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/calendar/adjustments', { date: '2031-01-04', kind: 'workingDay', name: 'Làm bù' }),
    },
    'set a reporting regime': {
      route: 'PUT /api/v1/reporting/regimes/:directiveId',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.put(`/api/v1/reporting/regimes/${ids().directiveId}`, regime),
    },
    'read a reporting regime': {
      route: 'GET /api/v1/reporting/regimes/:directiveId',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reporting/regimes/${ids().directiveId}`),
    },
    "submit Mường Lát's periodic report": {
      route: 'POST /api/v1/reporting/regimes/:directiveId/submissions',
      agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'so-yt' } },
      allowed: { agency_officer: 'own', monitoring_officer: 'own', admin: 'any' },
      send: (as) =>
        as.post(`/api/v1/reporting/regimes/${ids().directiveId}/submissions`, { ...periodicReport, incomingDocument: paperReport }),
    },
    'list periodic reports of an agency': {
      route: 'GET /api/v1/reporting/submissions',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reporting/submissions?agencyId=h-muong-lat'),
    },
    "read an agency's periodic report compliance": {
      route: 'GET /api/v1/reporting/compliance',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reporting/compliance?agencyId=h-muong-lat&from=2017-01-01&to=2017-12-31'),
    },
    'download a submitted file': {
      route: 'GET /api/v1/reporting/attachments/:hash',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reporting/attachments/${ids().attachment}`),
    },
    "issue a directive's period report": {
      route: 'POST /api/v1/reports/issued',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.post('/api/v1/reports/issued', { ...reportRequest, directiveId: ids().directiveId }),
    },
    'list issued reports': {
      route: 'GET /api/v1/reports/issued',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/issued'),
    },
    'read an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${ids().reportId}`),
    },
    'read a revision of an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId/revisions/:revision',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${ids().reportId}/revisions/1`),
    },
    'compare two revisions': {
      route: 'GET /api/v1/reports/issued/:reportId/diff',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${ids().reportId}/diff?from=1&to=2`),
    },
    'download an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${ids().reportId}/export?format=csv`),
    },
    'download a revision': {
      route: 'GET /api/v1/reports/issued/:reportId/revisions/:revision/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${ids().reportId}/revisions/1/export?format=csv&view=late`),
    },
    "download a draft of a directive's report": {
      route: 'GET /api/v1/reports/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/export?period=2017-Q1&directiveId=${ids().directiveId}&format=csv`),
    },
    "list an agency's reminders": {
      route: 'GET /api/v1/reminders',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reminders?agencyId=h-muong-lat'),
    },
    'read a reminder': {
      route: 'GET /api/v1/reminders/:id',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reminders/${ids().reminderId}`),
    },
    'send a reminder': {
      route: 'POST /api/v1/reminders',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.post('/api/v1/reminders', { agencyId: 'h-muong-lat', directiveId: ids().directiveId, text: 'Đề nghị báo cáo' }),
    },
    'run the urging scheduler': {
      route: 'POST /api/v1/admin/urging/run',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/admin/urging/run', {}),
    },
  };
}
