import { seed4308Directive } from '@dm/testing';
import { everyone, inspectors, monitoringOfficers, narrowed, paperReport, scoped, type Action } from './authorization-table.fixtures';
import { reportingActions, type ReportingRecords } from './authorization-reporting.fixtures';
import { progressFileActions } from './authorization-progress.fixtures';
import { identityActionsOn } from './authorization-identity.fixtures';

/**
 * The records the actions of the authorisation table act on, by id. The
 * hand-written table (authorization.e2e.spec.ts) gives the letter 4308 and its
 * spare directives; the generated matrix (authorization-matrix.e2e.spec.ts)
 * gives, for each state of a resource, a resource in that state.
 */
export interface TableIds extends ReportingRecords {
  /** The directive whose task 4 gets a deadline, whose task 9 is cancelled, and which the reads read. */
  directiveId: string;
  /** The directive a task, an agency, a lead and a corrected text are added to (its task 1), and the successor a supersession names. */
  amended: string;
  superseded: string;
  revoked: string;
  /** Mường Lát's assignment of task 3 (reports, decisions, timeline, state) and the SHA-256 of a file one of its reports carries. */
  muongLat: string;
  progressFile: string;
  /** The account the account routes name. */
  username: string;
  /** An import draft of vp-ubnd-tinh's (docs/import.md); issuing it is 422 (its text lacks what a directive needs). */
  draftId: string;
  /** A new number each call, for what must be unique (a directive's number, a deadline). */
  next: () => string;
}

export const amendment = { reason: 'Điều chỉnh', authorizingDocument: '12/QĐ-UBND', effectiveOn: '2017-03-01' };
const registryChange = { reason: 'Kiểm tra phân quyền', authorizingDocument: '1/QĐ-UBND' };

/**
 * Every action of the authorisation table: the route it calls, the request it
 * sends (on the records `ids` gives once they are made), and who the
 * hand-written table expects may do it (the generated matrix reads only the
 * route, the request and the agencies).
 */
export function tableActions(ids: () => TableIds): Record<string, Action> {
  const next = () => ids().next();
  return {
    'issue a directive in the name of ubnd-tinh': {
      route: 'POST /api/v1/directives',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-ldtbxh' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post('/api/v1/directives', { ...seed4308Directive(), number: `${next()}/TABLE` }),
    },
    'import a directive text': {
      route: 'POST /api/v1/directives/import',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'any' },
      send: (as) => as.postRaw('/api/v1/directives/import', `Số: ${next()}/TABLE`, { 'content-type': 'text/plain; charset=utf-8' }),
    },
    'read an import draft': {
      route: 'GET /api/v1/directives/imports/:draftId',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.get(`/api/v1/directives/imports/${ids().draftId}`),
    },
    'correct an import draft': {
      route: 'PUT /api/v1/directives/imports/:draftId',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.put(`/api/v1/directives/imports/${ids().draftId}`, { subject: next() }),
    },
    'issue an import draft': {
      route: 'POST /api/v1/directives/imports/:draftId/issue',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/imports/${ids().draftId}/issue`, undefined),
    },
    'discard an import draft': {
      route: 'POST /api/v1/directives/imports/:draftId/discard',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/imports/${ids().draftId}/discard`, { reason: 'Kiểm tra phân quyền' }),
    },
    'change a task deadline': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/deadline',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${ids().directiveId}/tasks/4/deadline`, {
          deadline: `2018-01-${next().padStart(2, '0')}`,
          reason: 'Gia hạn',
          authorizingDocument: '1/UBND',
        }),
    },
    'cancel a task': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/cancel',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${ids().directiveId}/tasks/9/cancel`, { reason: 'Gộp nhiệm vụ', cancelledOn: '2017-09-01' }),
    },
    'add a task': {
      route: 'POST /api/v1/directives/:id/tasks',
      agencies: { own: 'so-ldtbxh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${ids().amended}/tasks`, {
          number: `T${next()}`,
          text: 'Nhiệm vụ bổ sung',
          mode: 'giao',
          lead: ['so-khdt'],
          coordinating: [],
          deadline: null,
          ...amendment,
        }),
    },
    'add an agency to a task': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/agencies',
      agencies: { own: 'ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${ids().amended}/tasks/1/agencies`, { agencyId: 'so-xd', role: 'coordinating', ...amendment }),
    },
    'change a task lead': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/lead',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${ids().amended}/tasks/1/lead`, { lead: ['so-tc', 'so-khdt'], ...amendment }),
    },
    'correct a task text': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/text',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${ids().amended}/tasks/1/text`, { text: `Báo cáo kết quả (${next()})`, ...amendment }),
    },
    'supersede a directive': {
      route: 'POST /api/v1/directives/:id/supersede',
      agencies: { own: 'ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${ids().superseded}/supersede`, { supersededBy: ids().amended, ...amendment }),
    },
    'revoke a directive': {
      route: 'POST /api/v1/directives/:id/revoke',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${ids().revoked}/revoke`, amendment),
    },
    // The assigned agency reports for itself; a monitoring officer of h-muong-lat decides nothing on it. The
    // deciders (so-ldtbxh, ubnd-tinh, vp-ubnd-tinh) record its paper reports: the two "paper" actions below.
    'report progress': {
      route: 'POST /api/v1/assignments/:id/progress',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${ids().muongLat}/progress`, { reportedOn: '2017-03-01', summary: 'Tiến độ' }),
    },
    'report a completion': {
      route: 'POST /api/v1/assignments/:id/completion',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${ids().muongLat}/completion`, { completedOn: '2017-05-21', summary: 'Hoàn thành' }),
    },
    'record a paper progress report for an agency': {
      route: 'POST /api/v1/assignments/:id/progress',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${ids().muongLat}/progress`, {
          reportedOn: '2017-03-02',
          summary: 'Tiến độ',
          incomingDocument: paperReport,
        }),
    },
    'record a paper completion for an agency': {
      route: 'POST /api/v1/assignments/:id/completion',
      agencies: { own: 'ubnd-tinh', other: 'h-ba-thuoc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${ids().muongLat}/completion`, {
          completedOn: '2017-05-21',
          summary: 'Hoàn thành',
          // The paper report is dated the day it reports, so an open assignment takes it (the matrix's "open" state).
          incomingDocument: { ...paperReport, date: '2017-05-21' },
        }),
    },
    'confirm or return a completion': {
      route: 'POST /api/v1/assignments/:id/confirmation',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${ids().muongLat}/confirmation`, {
          accepted: false,
          reason: 'Thiếu số liệu',
          returnedOn: '2017-05-22',
        }),
    },
    'reopen a completion': {
      route: 'POST /api/v1/assignments/:id/reopen',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${ids().muongLat}/reopen`, { reason: 'Số liệu chưa khớp', reopenedOn: '2017-05-23' }),
    },
    ...progressFileActions(() => ({ assignmentId: ids().muongLat, sha256: ids().progressFile })),
    'list directives': {
      route: 'GET /api/v1/directives',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/directives'),
    },
    'read a directive': {
      route: 'GET /api/v1/directives/:id',
      agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'hdnd-tinh' } },
      allowed: scoped,
      send: (as) => as.get(`/api/v1/directives/${ids().directiveId}?asOf=2017-03-01`),
    },
    'list assignments': {
      route: 'GET /api/v1/assignments',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/assignments?asOf=2017-03-01'),
    },
    "list one agency's assignments": {
      route: 'GET /api/v1/assignments',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-03-01'),
    },
    'read a summary': {
      route: 'GET /api/v1/reports/summary',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/summary?period=2017-Q1'),
    },
    "read one agency's summary": {
      route: 'GET /api/v1/reports/summary',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/summary?period=2017-Q1&agencyId=h-muong-lat'),
    },
    'read scorecards': {
      route: 'GET /api/v1/reports/agencies',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/agencies?period=2017'),
    },
    'read a timeline': {
      route: 'GET /api/v1/audit/assignments/:id/timeline',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      byRole: monitoringOfficers,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/assignments/${ids().muongLat}/timeline`),
    },
    "read a task's timeline": {
      route: 'GET /api/v1/audit/directives/:id/tasks/:taskNo/timeline',
      agencies: { own: 'h-muong-lat', other: 'so-yt' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'so-yt' } },
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/directives/${ids().directiveId}/tasks/3/timeline`),
    },
    'read a state': {
      route: 'GET /api/v1/audit/assignments/:id/state',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      byRole: monitoringOfficers,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/assignments/${ids().muongLat}/state?asOf=2017-03-01`),
    },
    'read the annual reviews': {
      route: 'GET /api/v1/reports/annual-review',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/annual-review?year=2017'),
    },
    "read one agency's annual review": {
      route: 'GET /api/v1/reports/annual-review',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/annual-review?year=2017&agencyId=h-muong-lat'),
    },
    "export one agency's annual review": {
      route: 'GET /api/v1/reports/annual-review/export',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/annual-review/export?year=2017&agencyId=h-muong-lat'),
    },
    'read the registry': {
      route: 'GET /api/v1/agencies',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies'),
    },
    'read a group': {
      route: 'GET /api/v1/agencies/groups/:id',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies/groups/ubnd-huyen?asOf=2017-02-10'),
    },
    'read an agency': {
      route: 'GET /api/v1/agencies/:id',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies/so-ldtbxh'),
    },
    "read the registry's timeline": {
      route: 'GET /api/v1/registry/timeline',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/registry/timeline?limit=5'),
    },
    'verify the audit trail': {
      route: 'GET /api/v1/audit/verify',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/verify'),
    },
    'follow a verification': {
      route: 'GET /api/v1/audit/verify/progress',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/verify/progress'),
    },
    'fetch the checkpoint key': {
      route: 'GET /api/v1/audit/public-key',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/audit/public-key'),
    },
    "read a directive's events": {
      route: 'GET /api/v1/audit/events',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get(`/api/v1/audit/events?directiveId=${ids().directiveId}`),
    },
    'read the changes of a time span': {
      route: 'GET /api/v1/audit/changes',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/changes?from=2017-01-01T00:00:00Z'),
    },
    'read the access log': {
      route: 'GET /api/v1/audit/access-log',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/access-log?limit=5'),
    },
    'list checkpoints': {
      route: 'GET /api/v1/audit/checkpoints',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/checkpoints'),
    },
    'take a checkpoint': {
      route: 'POST /api/v1/audit/checkpoints',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.post('/api/v1/audit/checkpoints', {}),
    },
    'read the tree heads': {
      route: 'GET /api/v1/audit/tree',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/tree'),
    },
    'prove an event is in the log': {
      route: 'GET /api/v1/audit/proofs/inclusion',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/proofs/inclusion?store=task-assignment&position=1'),
    },
    'prove the log only grew': {
      route: 'GET /api/v1/audit/proofs/consistency',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/proofs/consistency?store=task-assignment&from=1'),
    },
    'export the audit trail': {
      route: 'GET /api/v1/audit/export',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get(`/api/v1/audit/export?directiveId=${ids().directiveId}`),
    },
    // Registry changes an admin may make are refused for what they say (an id taken, none such), so the table changes nothing.
    'create an agency': {
      route: 'POST /api/v1/registry/agencies',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/agencies', {
          ...registryChange,
          id: 'so-tc',
          name: 'Sở Tài chính',
          kind: 'department',
          validFrom: '2017-01-01',
        }),
    },
    'rename an agency': {
      route: 'POST /api/v1/registry/agencies/:id/rename',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/agencies/no-such-agency/rename', { ...registryChange, name: 'X', effectiveOn: '2017-01-01' }),
    },
    'end an agency': {
      route: 'POST /api/v1/registry/agencies/:id/end',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/agencies/no-such-agency/end', { ...registryChange, validTo: '2017-01-01' }),
    },
    "transfer an ended agency's work": {
      route: 'POST /api/v1/registry/agencies/:id/transfer',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
          ...registryChange,
          to: 'so-nnmt',
          transferredOn: '2025-03-01',
          directiveIds: ['00000000-0000-4000-8000-000000000000'],
        }),
    },
    'create a group': {
      route: 'POST /api/v1/registry/groups',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/groups', { ...registryChange, id: 'ubnd-huyen', name: 'X', validFrom: '2017-01-01' }),
    },
    "change a group's members": {
      route: 'POST /api/v1/registry/groups/:id/members',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/groups/no-such-group/members', { ...registryChange, effectiveOn: '2017-01-01', add: ['so-tc'] }),
    },
    'end a group': {
      route: 'POST /api/v1/registry/groups/:id/end',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/groups/no-such-group/end', { ...registryChange, validTo: '2017-01-01' }),
    },
    'import an edition': {
      route: 'POST /api/v1/registry/import',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/import', { ...registryChange, edition: 'table', effectiveOn: '2017-01-01', agencies: 'none' }),
    },
    ...reportingActions(ids),
    ...identityActionsOn(() => ids().username),
    'rebuild the read models': {
      route: 'POST /api/v1/admin/rebuild',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/admin/rebuild', {}),
    },
    'follow a rebuild': {
      route: 'GET /api/v1/admin/rebuild',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any', inspector: 'any' },
      send: (as) => as.get('/api/v1/admin/rebuild'),
    },
  };
}
