import { directiveIssuedV1, EVENT_TYPES, taskCancelledV1, taskDeadlineChangedV1, type DirectiveEvent, type Task } from '@dm/contracts';
import { DomainError, type DomainErrorCode } from '@dm/periods';
import type { CancelTask, ChangeTaskDeadline, DirectiveCommand, IssueDirective } from './commands';
import { decide } from './decide';
import { assignmentIdFor, directiveIdFor } from './ids';
import type { RegistrySnapshot } from './registry-snapshot';
import { evolve, initialState } from './state';

// ---- Given / When / Then --------------------------------------------------

function given(...events: DirectiveEvent[]) {
  const state = events.reduce(evolve, initialState);
  return {
    when: (command: DirectiveCommand) => ({
      then: (expected: DirectiveEvent[]) => expect(decide(command, state)).toEqual(expected),
      thenError: (code: DomainErrorCode, field?: string) => {
        let caught: unknown;
        try {
          decide(command, state);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(DomainError);
        expect({ code: (caught as DomainError).code, field: (caught as DomainError).field }).toEqual({ code, field });
      },
      events: () => decide(command, state),
    }),
  };
}

// ---- Fixtures -------------------------------------------------------------

const agency = (id: string, kind: string, parent: string | null, groups: string[] = []) => ({ id, name: id, kind, parent, groups });

const registry: RegistrySnapshot = {
  version: 'test@1',
  agencies: {
    'ubnd-tinh': agency('ubnd-tinh', 'province', null),
    'vp-ubnd-tinh': agency('vp-ubnd-tinh', 'office', 'ubnd-tinh', ['so-ban-nganh']),
    'so-ldtbxh': agency('so-ldtbxh', 'department', 'ubnd-tinh', ['so-ban-nganh']),
    'so-tc': agency('so-tc', 'department', 'ubnd-tinh', ['so-ban-nganh']),
    'h-a': agency('h-a', 'district', 'ubnd-tinh', ['ubnd-huyen']),
    'h-b': agency('h-b', 'district', 'ubnd-tinh', ['ubnd-huyen']),
    'h-c': agency('h-c', 'district', 'ubnd-tinh', ['ubnd-huyen', 'huyen-ngheo']),
    'mttq-tinh': agency('mttq-tinh', 'front', null),
  },
  groups: {
    'so-ban-nganh': { id: 'so-ban-nganh', name: 'Các sở', members: ['vp-ubnd-tinh', 'so-ldtbxh', 'so-tc'] },
    'ubnd-huyen': { id: 'ubnd-huyen', name: 'UBND các huyện', members: ['h-a', 'h-b', 'h-c'] },
    'huyen-ngheo': { id: 'huyen-ngheo', name: 'Huyện nghèo', members: ['h-c'] },
    'rong': { id: 'rong', name: 'Empty', members: [] },
  },
};

const task = (number: string, lead: string[], coordinating: string[] = [], deadline: string | null = null): Task => ({
  number,
  text: `Nhiệm vụ ${number}`,
  mode: 'giao',
  lead,
  coordinating,
  deadline,
  reportDuty: null,
});

const issue = (overrides: Partial<IssueDirective> = {}): IssueDirective => ({
  type: 'IssueDirective',
  number: '4308/UBND-VX',
  docType: 'cong-van',
  issuer: 'ubnd-tinh',
  issuedOn: '2017-02-10',
  subject: 'V/v thực hiện Chỉ thị số 01/CT-TTg',
  legalBasis: ['01/CT-TTg'],
  addressees: ['so-ban-nganh', 'ubnd-huyen'],
  signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
  monitoringAgency: 'so-ldtbxh',
  tasks: [task('1', ['so-tc'], [], '2017-03-31'), task('2', ['ubnd-huyen'], ['so-ldtbxh', 'huyen-ngheo', 'h-a'])],
  registry,
  ...overrides,
});

const D = directiveIdFor('ubnd-tinh', '2017-02-10', '4308/UBND-VX');
const aid = (taskNo: string, agencyId: string, role: 'lead' | 'coordinating' = 'lead') => assignmentIdFor(D, taskNo, agencyId, role);

const issued = (): DirectiveEvent => given().when(issue()).events()[0];

const changeDeadline = (overrides: Partial<ChangeTaskDeadline> = {}): ChangeTaskDeadline => ({
  type: 'ChangeTaskDeadline',
  taskNumber: '1',
  deadline: '2017-06-30',
  reason: 'Gia hạn theo đề nghị của Sở Tài chính',
  authorizingDocument: '1234/UBND-VX',
  changedOn: '2017-03-20',
  ...overrides,
});

const cancel = (overrides: Partial<CancelTask> = {}): CancelTask => ({
  type: 'CancelTask',
  taskNumber: '2',
  reason: 'Không còn phù hợp',
  authorizingDocument: null,
  cancelledOn: '2017-04-01',
  ...overrides,
});

// ---- IssueDirective -------------------------------------------------------

describe('IssueDirective', () => {
  it('given no directive, when issued, then directive.issued carries the tasks and the resolved assignments', () => {
    given()
      .when(issue())
      .then([
        {
          type: EVENT_TYPES.directiveIssued,
          data: {
            directiveId: D,
            number: '4308/UBND-VX',
            type: 'cong-van',
            issuer: 'ubnd-tinh',
            issuedOn: '2017-02-10',
            subject: 'V/v thực hiện Chỉ thị số 01/CT-TTg',
            legalBasis: ['01/CT-TTg'],
            addressees: ['so-ban-nganh', 'ubnd-huyen'],
            signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
            monitoringAgency: 'so-ldtbxh',
            issuerOffice: 'vp-ubnd-tinh',
            registryVersion: 'test@1',
            tasks: [task('1', ['so-tc'], [], '2017-03-31'), task('2', ['ubnd-huyen'], ['so-ldtbxh', 'huyen-ngheo', 'h-a'])],
            assignments: [
              { id: aid('1', 'so-tc'), taskNumber: '1', agencyId: 'so-tc', role: 'lead', viaGroup: null },
              { id: aid('2', 'h-a'), taskNumber: '2', agencyId: 'h-a', role: 'lead', viaGroup: 'ubnd-huyen' },
              { id: aid('2', 'h-b'), taskNumber: '2', agencyId: 'h-b', role: 'lead', viaGroup: 'ubnd-huyen' },
              { id: aid('2', 'h-c'), taskNumber: '2', agencyId: 'h-c', role: 'lead', viaGroup: 'ubnd-huyen' },
              // huyen-ngheo (h-c) and h-a are lead on task 2: no coordinating assignment for them
              { id: aid('2', 'so-ldtbxh', 'coordinating'), taskNumber: '2', agencyId: 'so-ldtbxh', role: 'coordinating', viaGroup: null },
            ],
          },
        },
      ]);
  });

  it('produces data that satisfies the directive.issued v1 schema', () => {
    const [event] = given().when(issue()).events();
    expect(directiveIssuedV1.safeParse(event.data).success).toBe(true);
  });

  it('keeps an agency reached twice in one role once, with its first way in', () => {
    const [event] = given().when(issue({ tasks: [task('1', ['h-c', 'ubnd-huyen'], ['so-ban-nganh', 'so-tc'])] })).events();
    const assignments = (event.data as { assignments: unknown[] }).assignments;
    expect(assignments).toEqual([
      { id: aid('1', 'h-c'), taskNumber: '1', agencyId: 'h-c', role: 'lead', viaGroup: null },
      { id: aid('1', 'h-a'), taskNumber: '1', agencyId: 'h-a', role: 'lead', viaGroup: 'ubnd-huyen' },
      { id: aid('1', 'h-b'), taskNumber: '1', agencyId: 'h-b', role: 'lead', viaGroup: 'ubnd-huyen' },
      { id: aid('1', 'vp-ubnd-tinh', 'coordinating'), taskNumber: '1', agencyId: 'vp-ubnd-tinh', role: 'coordinating', viaGroup: 'so-ban-nganh' },
      { id: aid('1', 'so-ldtbxh', 'coordinating'), taskNumber: '1', agencyId: 'so-ldtbxh', role: 'coordinating', viaGroup: 'so-ban-nganh' },
      { id: aid('1', 'so-tc', 'coordinating'), taskNumber: '1', agencyId: 'so-tc', role: 'coordinating', viaGroup: 'so-ban-nganh' },
    ]);
  });

  it('records no issuer office when the issuer has none, and a null capacity and reportDuty when absent', () => {
    const [event] = given()
      .when(issue({ issuer: 'so-ldtbxh', signer: { name: 'A', title: 'GIÁM ĐỐC' }, tasks: [{ ...task('1', ['so-tc']), reportDuty: undefined }] }))
      .events();
    expect(event.data).toMatchObject({ issuerOffice: null, signer: { name: 'A', capacity: null, title: 'GIÁM ĐỐC' } });
    expect((event.data as { tasks: Task[] }).tasks[0].reportDuty).toBeNull();
  });

  it('accepts a deadline on the issue date', () => {
    expect(given().when(issue({ tasks: [task('1', ['so-tc'], [], '2017-02-10')] })).events()).toHaveLength(1);
  });

  it('given an issued directive, when issued again, then conflict', () => {
    given(issued()).when(issue()).thenError('conflict');
  });

  it.each<[string, string, Partial<IssueDirective>]>([
    ['empty number', 'number', { number: '  ' }],
    ['empty type', 'type', { docType: '' }],
    ['empty subject', 'subject', { subject: '' }],
    ['bad issue date', 'issuedOn', { issuedOn: '2017-02-30' }],
    ['empty signer name', 'signer.name', { signer: { name: '', title: 'PHÓ CHỦ TỊCH' } }],
    ['unknown issuer', 'issuer', { issuer: 'ubnd-x' }],
    ['a group as issuer', 'issuer', { issuer: 'ubnd-huyen' }],
    ['unknown monitoring agency', 'monitoringAgency', { monitoringAgency: 'so-x' }],
    ['empty legal basis entry', 'legalBasis[1]', { legalBasis: ['01/CT-TTg', ' '] }],
    ['unknown addressee', 'addressees[1]', { addressees: ['so-ban-nganh', 'cac-nganh'] }],
    ['no task', 'tasks', { tasks: [] }],
    ['unknown lead', 'tasks[2].lead[1]', { tasks: [task('1', ['so-tc']), task('2', ['so-tc']), task('3', ['so-tc', 'nobody'])] }],
    ['unknown coordinating', 'tasks[0].coordinating[1]', { tasks: [task('1', ['so-tc'], ['h-a', 'nobody'])] }],
    ['a group without members', 'tasks[0].lead[0]', { tasks: [task('1', ['rong'])] }],
    ['no lead', 'tasks[1].lead', { tasks: [task('1', ['so-tc']), task('2', [], ['so-tc'])] }],
    ['repeated task number', 'tasks[1].number', { tasks: [task('1', ['so-tc']), task('1', ['h-a'])] }],
    ['empty task number', 'tasks[0].number', { tasks: [task(' ', ['so-tc'])] }],
    ['empty task text', 'tasks[0].text', { tasks: [{ ...task('1', ['so-tc']), text: '' }] }],
    ['unknown mode', 'tasks[0].mode', { tasks: [{ ...task('1', ['so-tc']), mode: 'ra-lenh' as Task['mode'] }] }],
    ['deadline before issue date', 'tasks[0].deadline', { tasks: [task('1', ['so-tc'], [], '2017-02-09')] }],
    ['deadline not a date', 'tasks[0].deadline', { tasks: [task('1', ['so-tc'], [], '2017-02-31')] }],
  ])('given no directive, when issued with %s, then invalid at %s', (_name, field, overrides) => {
    given().when(issue(overrides)).thenError('invalid', field);
  });
});

// ---- ChangeTaskDeadline ---------------------------------------------------

describe('ChangeTaskDeadline', () => {
  const changed = (overrides: Partial<ChangeTaskDeadline> = {}): DirectiveEvent => given(issued()).when(changeDeadline(overrides)).events()[0];

  it('given an issued directive, when a deadline is extended, then task-deadline-changed names the previous deadline and the assignments', () => {
    given(issued())
      .when(changeDeadline())
      .then([
        {
          type: EVENT_TYPES.taskDeadlineChanged,
          data: {
            directiveId: D,
            taskNumber: '1',
            assignmentIds: [aid('1', 'so-tc')],
            previousDeadline: '2017-03-31',
            deadline: '2017-06-30',
            reason: 'Gia hạn theo đề nghị của Sở Tài chính',
            authorizingDocument: '1234/UBND-VX',
            changedOn: '2017-03-20',
          },
        },
      ]);
    expect(taskDeadlineChangedV1.safeParse(changed().data).success).toBe(true);
  });

  it('given a changed deadline, when changed again, then the previous deadline is the changed one', () => {
    const [event] = given(issued(), changed()).when(changeDeadline({ deadline: '2017-09-30', changedOn: '2017-06-25' })).events();
    expect(event.data).toMatchObject({ previousDeadline: '2017-06-30', deadline: '2017-09-30' });
  });

  it('sets a deadline on a task without one, with all of its assignments, and can remove it again', () => {
    const [set] = given(issued()).when(changeDeadline({ taskNumber: '2', deadline: '2017-12-31' })).events();
    expect(set.data).toMatchObject({
      previousDeadline: null,
      deadline: '2017-12-31',
      assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
    });
    const [removed] = given(issued(), set).when(changeDeadline({ taskNumber: '2', deadline: null })).events();
    expect(removed.data).toMatchObject({ previousDeadline: '2017-12-31', deadline: null });
  });

  it('accepts a new deadline on the issue date', () => {
    expect(given(issued()).when(changeDeadline({ deadline: '2017-02-10' })).events()).toHaveLength(1);
  });

  it('given no directive, then not_found', () => {
    given().when(changeDeadline()).thenError('not_found');
  });

  it('given an issued directive, when the task is unknown, then not_found at taskNo', () => {
    given(issued()).when(changeDeadline({ taskNumber: '12' })).thenError('not_found', 'taskNo');
  });

  it('does not mistake an inherited property for a task', () => {
    given(issued()).when(changeDeadline({ taskNumber: 'constructor' })).thenError('not_found', 'taskNo');
  });

  it('given a cancelled task, then conflict', () => {
    const cancelled = given(issued()).when(cancel({ taskNumber: '1' })).events()[0];
    given(issued(), cancelled).when(changeDeadline()).thenError('conflict');
  });

  it('given the same deadline, then conflict', () => {
    given(issued()).when(changeDeadline({ deadline: '2017-03-31' })).thenError('conflict');
    given(issued()).when(changeDeadline({ taskNumber: '2', deadline: null })).thenError('conflict');
    given(issued(), changed()).when(changeDeadline({ deadline: '2017-06-30' })).thenError('conflict');
  });

  it.each<[string, string, Partial<ChangeTaskDeadline>]>([
    ['a deadline before the issue date', 'deadline', { deadline: '2017-02-09' }],
    ['a deadline that is not a date', 'deadline', { deadline: '2017-13-01' }],
    ['an empty reason', 'reason', { reason: ' ' }],
    ['an empty authorising document', 'authorizingDocument', { authorizingDocument: '' }],
    ['a change date that is not a date', 'changedOn', { changedOn: '20/03/2017' }],
    ['a change date before the issue date', 'changedOn', { changedOn: '2017-01-31' }],
  ])('given an issued directive, when changed with %s, then invalid at %s', (_name, field, overrides) => {
    given(issued()).when(changeDeadline(overrides)).thenError('invalid', field);
  });
});

// ---- CancelTask -----------------------------------------------------------

describe('CancelTask', () => {
  it('given an issued directive, when a task is cancelled, then task-cancelled names its assignments', () => {
    given(issued())
      .when(cancel())
      .then([
        {
          type: EVENT_TYPES.taskCancelled,
          data: {
            directiveId: D,
            taskNumber: '2',
            assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
            reason: 'Không còn phù hợp',
            authorizingDocument: null,
            cancelledOn: '2017-04-01',
          },
        },
      ]);
    expect(taskCancelledV1.safeParse(given(issued()).when(cancel()).events()[0].data).success).toBe(true);
  });

  it('keeps the authorising document when there is one', () => {
    const [event] = given(issued()).when(cancel({ authorizingDocument: '99/QĐ-UBND' })).events();
    expect(event.data).toMatchObject({ authorizingDocument: '99/QĐ-UBND' });
  });

  it('given no directive, then not_found', () => {
    given().when(cancel()).thenError('not_found');
  });

  it('given an unknown task, then not_found at taskNo', () => {
    given(issued()).when(cancel({ taskNumber: '9' })).thenError('not_found', 'taskNo');
  });

  it('given a cancelled task, when cancelled again, then conflict', () => {
    const cancelled = given(issued()).when(cancel()).events()[0];
    given(issued(), cancelled).when(cancel()).thenError('conflict');
  });

  it('given another task cancelled, a task can still be cancelled', () => {
    const cancelled = given(issued()).when(cancel()).events()[0];
    expect(given(issued(), cancelled).when(cancel({ taskNumber: '1' })).events()).toHaveLength(1);
  });

  it.each<[string, string, Partial<CancelTask>]>([
    ['an empty reason', 'reason', { reason: '' }],
    ['an empty authorising document', 'authorizingDocument', { authorizingDocument: ' ' }],
    ['a bad date', 'cancelledOn', { cancelledOn: '2017-04-31' }],
    ['a date before the issue date', 'cancelledOn', { cancelledOn: '2017-02-01' }],
  ])('given an issued directive, when cancelled with %s, then invalid at %s', (_name, field, overrides) => {
    given(issued()).when(cancel(overrides)).thenError('invalid', field);
  });
});

// ---- evolve -----------------------------------------------------------------

describe('evolve', () => {
  it('knows the directive, its tasks, their current deadlines, cancellation and assignments', () => {
    const change = given(issued()).when(changeDeadline()).events()[0];
    const cancelled = given(issued()).when(cancel()).events()[0];
    const state = [issued(), change, cancelled].reduce(evolve, initialState);
    expect(state).toEqual({
      exists: true,
      directiveId: D,
      number: '4308/UBND-VX',
      issuedOn: '2017-02-10',
      issuer: 'ubnd-tinh',
      issuerOffice: 'vp-ubnd-tinh',
      monitoringAgency: 'so-ldtbxh',
      taskNumbers: ['1', '2'],
      tasks: {
        '1': { number: '1', deadline: '2017-06-30', cancelled: false, assignmentIds: [aid('1', 'so-tc')] },
        '2': {
          number: '2',
          deadline: null,
          cancelled: true,
          assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
        },
      },
    });
  });

  it('does not change the state it is given', () => {
    const before = evolve(initialState, issued());
    const snapshot = JSON.parse(JSON.stringify(before));
    evolve(before, given(issued()).when(changeDeadline()).events()[0]);
    expect(before).toEqual(snapshot);
    expect(initialState).toEqual({ exists: false });
  });
});
