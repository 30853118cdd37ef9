import { expect } from '@jest/globals';
import type { ApiClient } from '@dm/testing';
import { seed4308Directive } from '@dm/testing';
import type { EmbeddedFixture } from './fixture';
import type { TableIds } from './authorization-actions.fixtures';
import { amendment } from './authorization-actions.fixtures';
import { recordProgressFile } from './authorization-progress.fixtures';
import { recordReporting, type ReportingRecords } from './authorization-reporting.fixtures';

/**
 * The resources of the generated authorisation matrix, each made in the
 * states its routes act on: a small letter of ubnd-tinh (its office
 * vp-ubnd-tinh) monitored by so-ldtbxh, in force, amended, superseded or
 * revoked; Mường Lát's assignment of its task 3, open, with a completion
 * awaiting confirmation, confirmed or returned; accounts enabled or disabled.
 */
export const DIRECTIVE_STATES = ['in force', 'amended', 'superseded', 'revoked'] as const;
export type DirectiveState = (typeof DIRECTIVE_STATES)[number];
export const ASSIGNMENT_STATES = ['open', 'completion awaiting confirmation', 'completion confirmed', 'completion returned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ACCOUNT_STATES = ['enabled', 'disabled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** A letter as issued: who issued, changes and monitors it, and its assignments. */
export interface Letter {
  id: string;
  number: string;
  issuer: string;
  issuerOffice: string;
  monitoringAgency: string;
  assignments: Array<{ id: string; taskNumber: string; agencyId: string }>;
  /** Mường Lát's assignment of task 3, and the SHA-256 of the file its progress report of 28/02/2017 carries. */
  muongLat: string;
  progressFile: string;
}

const task = (number: string, lead: string[], deadline: string | null) => ({
  number,
  text: `Nhiệm vụ ${number}`,
  mode: 'giao' as const,
  lead,
  coordinating: [],
  deadline,
  reportDuty: null,
});

/** Tasks 1 (so-tc: an agency, a lead, a text changed), 3 (Mường Lát and Bá Thước), 4 (so-yt: a deadline), 9 (so-khdt: cancelled). */
const smallLetter = (number: string) => ({
  ...seed4308Directive(),
  number,
  tasks: [
    task('1', ['so-tc'], null),
    task('3', ['h-muong-lat', 'h-ba-thuoc'], '2017-06-30'),
    task('4', ['so-yt'], '2017-12-31'),
    task('9', ['so-khdt'], null),
  ],
});

const ok = (response: { status: number; body: unknown }, status: number, what: string) =>
  expect([what, response.status, response.status === status ? null : response.body]).toEqual([what, status, null]);

/** What the handlers see of a letter, for the rules of each policy module. */
export const views = {
  /** directivesPolicy.change: the directive as the task-assignment context has it. */
  issued: (l: Letter) => ({ number: l.number, issuer: l.issuer, issuerOffice: l.issuerOffice, monitoringAgency: l.monitoringAgency }),
  /** dutiesPolicy's office rules: the directive's number, monitoring agency and issuer's office. */
  overseen: (l: Letter) => ({ number: l.number, monitoringAgency: l.monitoringAgency, issuerOffice: l.issuerOffice }),
  /** progressPolicy: the assignment as progress-events knows it. */
  context: (l: Letter, assignmentId = l.muongLat) => {
    const a = l.assignments.find((x) => x.id === assignmentId);
    if (!a) throw new Error(`no assignment ${assignmentId} of ${l.number}`);
    return {
      assignmentId,
      directiveId: l.id,
      directiveNumber: l.number,
      taskNumber: a.taskNumber,
      agencyId: a.agencyId,
      issuer: l.issuer,
      issuerOffice: l.issuerOffice,
      monitoringAgency: l.monitoringAgency,
    } as never;
  },
  /** reportingPolicy.readAssignment: the assignment's document in the report projection. */
  assignmentDoc: (l: Letter, assignmentId = l.muongLat) => {
    const a = l.assignments.find((x) => x.id === assignmentId);
    if (!a) throw new Error(`no assignment ${assignmentId} of ${l.number}`);
    return {
      _id: a.id,
      rev: {},
      directiveId: l.id,
      directiveNumber: l.number,
      taskNumber: a.taskNumber,
      agencyId: a.agencyId,
      issuer: l.issuer,
      issuerOffice: l.issuerOffice,
      monitoringAgency: l.monitoringAgency,
      facts: {},
    } as never;
  },
  /** reportingPolicy.readDirective: the directive's document and its assignments' documents. */
  directiveDoc: (l: Letter) =>
    ({
      directive: {
        directiveId: l.id,
        number: l.number,
        issuer: l.issuer,
        issuerOffice: l.issuerOffice,
        monitoringAgency: l.monitoringAgency,
        changes: {},
      },
      assignments: l.assignments.map((a) => views.assignmentDoc(l, a.id)),
    }) as never,
  /** reportingPolicy.readTask: a task's assignments' documents. */
  task: (l: Letter, taskNumber: string) =>
    ({
      taskNumber,
      assignments: l.assignments.filter((a) => a.taskNumber === taskNumber).map((a) => views.assignmentDoc(l, a.id)),
    }) as never,
};

/** Makes and keeps the matrix's resources on a running embedded system. */
export class MatrixWorld {
  private n = 0;
  private readonly shared = new Map<string, Promise<unknown>>();
  reporting!: ReportingRecords & { letter: Letter };

  constructor(private readonly fx: EmbeddedFixture) {}

  /** A new number each call, for what must be unique. */
  next = () => String(++this.n);

  private get office(): ApiClient {
    return this.fx.monitoring('vp-ubnd-tinh');
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.shared.has(key)) this.shared.set(key, make());
    return this.shared.get(key) as Promise<T>;
  }

  /** A new letter in force, Mường Lát's progress report with a file on it. */
  async issue(): Promise<Letter> {
    const number = `${this.next()}/MATRIX`;
    const issued = await this.office.post('/api/v1/directives', smallLetter(number));
    ok(issued, 201, `issue ${number}`);
    const assignments = (issued.body.assignments as Array<{ id: string; taskNumber: string; agencyId: string }>).map(
      ({ id, taskNumber, agencyId }) => ({ id, taskNumber, agencyId }),
    );
    const muongLat = assignments.find((a) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat')?.id as string;
    const progressFile = await recordProgressFile(this.fx, muongLat);
    return {
      id: issued.body.id,
      number,
      issuer: 'ubnd-tinh',
      issuerOffice: 'vp-ubnd-tinh',
      monitoringAgency: 'so-ldtbxh',
      assignments,
      muongLat,
      progressFile,
    };
  }

  /** A new letter in the state: amended (task 1's text corrected), superseded (by another letter), revoked. */
  async directive(state: DirectiveState): Promise<Letter> {
    const letter = await this.issue();
    const path = `/api/v1/directives/${letter.id}`;
    if (state === 'amended') ok(await this.office.post(`${path}/tasks/1/text`, { text: 'Nhiệm vụ 1 (sửa)', ...amendment }), 200, state);
    if (state === 'superseded') {
      const successor = await this.sharedDirective('in force');
      ok(await this.office.post(`${path}/supersede`, { supersededBy: successor.id, ...amendment }), 200, state);
    }
    if (state === 'revoked') ok(await this.office.post(`${path}/revoke`, amendment), 200, state);
    return letter;
  }

  /** A new letter whose Mường Lát assignment is in the state. */
  async assignment(state: AssignmentState): Promise<Letter> {
    const letter = await this.issue();
    const path = `/api/v1/assignments/${letter.muongLat}`;
    if (state !== 'open')
      ok(await this.fx.officer('h-muong-lat').post(`${path}/completion`, { completedOn: '2017-05-20', summary: 'Hoàn thành' }), 201, state);
    if (state === 'completion confirmed')
      ok(await this.fx.monitoring().post(`${path}/confirmation`, { accepted: true, confirmedOn: '2017-05-22' }), 200, state);
    if (state === 'completion returned')
      ok(
        await this.fx.monitoring().post(`${path}/confirmation`, { accepted: false, reason: 'Thiếu số liệu', returnedOn: '2017-05-22' }),
        200,
        state,
      );
    return letter;
  }

  /** One letter in the state, shared by the reads. */
  sharedDirective(state: DirectiveState): Promise<Letter> {
    return this.once(`directive:${state}`, () => (state === 'in force' ? this.issue() : this.directive(state)));
  }

  sharedAssignment(state: AssignmentState): Promise<Letter> {
    return this.once(`assignment:${state}`, () => this.assignment(state));
  }

  /** A new account of an agency officer of so-ldtbxh, enabled or disabled; answers its username. */
  async account(state: AccountState): Promise<string> {
    const username = `matrix.${this.next()}`;
    const admin = this.fx.client('admin-matrix', 'admin', null);
    const created = await admin.post('/api/v1/accounts', {
      username,
      password: 'một mật khẩu đủ dài',
      displayName: 'Cán bộ ma trận',
      roles: ['agency_officer'],
      agencyId: 'so-ldtbxh',
    });
    ok(created, 201, `create ${username}`);
    if (state === 'disabled') ok(await admin.post(`/api/v1/accounts/${username}/disable`, { reason: 'Kiểm tra phân quyền' }), 200, state);
    return username;
  }

  sharedAccount(state: AccountState): Promise<string> {
    return this.once(`account:${state}`, () => this.account(state));
  }

  /** The reporting records (a regime, a submission, a report issued twice, a reminder) on a letter in force of their own. */
  async recordReporting(): Promise<void> {
    const letter = await this.issue();
    this.reporting = { ...(await recordReporting(this.fx, letter.id)), letter };
  }

  /** An import draft of vp-ubnd-tinh's officer (mo-vp-ubnd-tinh), shared by the draft routes' cases. */
  importDraft(): Promise<string> {
    return this.once('import-draft', async () => {
      const imported = await this.office.postRaw('/api/v1/directives/import', 'Kính gửi: Sở Tài chính.', {
        'content-type': 'text/plain; charset=utf-8',
      });
      ok(imported, 201, 'import a draft');
      return imported.body.draftId as string;
    });
  }

  /** The ids the table's actions are sent on: every directive slot the letter, Mường Lát's assignment of it. */
  ids(letter: Letter, more: Partial<TableIds> = {}): TableIds {
    let n = 0;
    return {
      directiveId: letter.id,
      amended: letter.id,
      superseded: letter.id,
      revoked: letter.id,
      muongLat: letter.muongLat,
      progressFile: letter.progressFile,
      attachment: this.reporting.attachment,
      reportId: this.reporting.reportId,
      reminderId: this.reporting.reminderId,
      username: 'khong-co-tai-khoan',
      draftId: '00000000-0000-7000-8000-000000000000',
      next: () => String(++n),
      ...more,
    };
  }
}
