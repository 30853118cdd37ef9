import type { DirectiveEvent, IssueDirectiveRequest } from '@dm/contracts';
import { specMetadata } from '@dm/eventsourcing/testing';
import type { RegistrySnapshot } from '@dm/registry';
import {
  AddTask,
  AddTaskAgency,
  ChangeTaskLead,
  CorrectTaskText,
  type AddTaskAgencyData,
  type AddTaskData,
  type ChangeTaskLeadData,
  type CorrectTaskTextData,
} from './amend-task';
import { CancelTask, type CancelTaskData } from './cancel-task';
import { RevokeDirective, SupersedeDirective } from './close-directive';
import { ChangeTaskDeadline, type ChangeTaskDeadlineData } from './change-deadline';
import { directiveDecider } from './directive';
import { assignmentIdFor, directiveIdFor } from './ids';
import { IssueDirective, type IssueDirectiveData } from './issue-directive';

const agency = (id: string, kind: string, parent: string | null, groups: string[] = []) => ({ id, name: id, kind, parent, groups });

/** A small registry: the province, its office, two departments, three districts, a front, and an empty group. */
export const registry: RegistrySnapshot = {
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
    rong: { id: 'rong', name: 'Empty', members: [] },
  },
};

type TaskRequest = IssueDirectiveRequest['tasks'][number];

export const task = (number: string, lead: string[], coordinating: string[] = [], deadline: string | null = null): TaskRequest => ({
  number,
  text: `Nhiệm vụ ${number}`,
  mode: 'giao',
  lead,
  coordinating,
  deadline,
  reportDuty: null,
});

export const issue = (overrides: Partial<IssueDirectiveData> = {}) =>
  new IssueDirective(
    {
      number: '4308/UBND-VX',
      type: 'cong-van',
      issuer: 'ubnd-tinh',
      issuedOn: '2017-02-10',
      subject: 'V/v thực hiện Chỉ thị số 01/CT-TTg',
      legalBasis: ['01/CT-TTg'],
      addressees: ['so-ban-nganh', 'ubnd-huyen'],
      signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
      monitoringAgency: 'so-ldtbxh',
      tasks: [task('1', ['so-tc'], [], '2017-03-31'), task('2', ['ubnd-huyen'], ['so-ldtbxh', 'huyen-ngheo', 'h-a'])],
      registry,
      today: '2017-02-10',
      ...overrides,
    },
    specMetadata(),
  );

export const D = directiveIdFor('ubnd-tinh', '2017-02-10', '4308/UBND-VX');
export const aid = (taskNo: string, agencyId: string, role: 'lead' | 'coordinating' = 'lead') => assignmentIdFor(D, taskNo, agencyId, role);

/** The events a command decides after the given ones (for fixtures built from the decider itself). */
export const decided = (given: DirectiveEvent[], command: Parameters<typeof directiveDecider.decide>[0]) =>
  directiveDecider.decide(command, given.reduce(directiveDecider.evolve, directiveDecider.initialState()));

export const issued = (): DirectiveEvent => decided([], issue())[0];

export const changeDeadline = (overrides: Partial<ChangeTaskDeadlineData> = {}) =>
  new ChangeTaskDeadline(
    {
      directiveId: D,
      taskNumber: '1',
      agencyId: null,
      deadline: '2017-06-30',
      reason: 'Gia hạn theo đề nghị của Sở Tài chính',
      authorizingDocument: '1234/UBND-VX',
      changedOn: '2017-03-20',
      lastRecordedOn: {},
      today: '2017-12-31',
      ...overrides,
    },
    specMetadata(),
  );

export const cancel = (overrides: Partial<CancelTaskData> = {}) =>
  new CancelTask(
    {
      directiveId: D,
      taskNumber: '2',
      agencyId: null,
      reason: 'Không còn phù hợp',
      authorizingDocument: null,
      cancelledOn: '2017-04-01',
      lastRecordedOn: {},
      today: '2017-12-31',
      ...overrides,
    },
    specMetadata(),
  );

export const deadlineChanged = (overrides: Partial<ChangeTaskDeadlineData> = {}) => decided([issued()], changeDeadline(overrides))[0];
export const cancelled = (overrides: Partial<CancelTaskData> = {}) => decided([issued()], cancel(overrides))[0];

const amendment = {
  lastRecordedOn: {} as Record<string, string>,
  directiveId: D,
  reason: 'Bổ sung theo Kết luận 12-KL/TU',
  authorizingDocument: '567/UBND-VX',
  effectiveOn: '2017-05-02',
  today: '2017-12-31',
};

export const addTask = (overrides: Partial<AddTaskData> = {}) =>
  new AddTask({ ...amendment, task: task('12', ['ubnd-huyen'], [], '2017-09-30'), registry, ...overrides }, specMetadata());
export const addAgency = (overrides: Partial<AddTaskAgencyData> = {}) =>
  new AddTaskAgency({ ...amendment, taskNumber: '1', agencyId: 'h-a', role: 'lead', registry, ...overrides }, specMetadata());
export const changeLead = (overrides: Partial<ChangeTaskLeadData> = {}) =>
  new ChangeTaskLead({ ...amendment, taskNumber: '1', lead: ['so-ldtbxh'], registry, ...overrides }, specMetadata());
export const correctText = (overrides: Partial<CorrectTaskTextData> = {}) =>
  new CorrectTaskText({ ...amendment, taskNumber: '1', text: 'Nhiệm vụ 1 (đã đính chính)', ...overrides }, specMetadata());
export const supersede = (overrides: Partial<SupersedeDirective['data']> = {}) =>
  new SupersedeDirective(
    { ...amendment, successor: { directiveId: 'd-new', number: '999/UBND-VX', issuedOn: '2017-03-01', closed: false }, ...overrides },
    specMetadata(),
  );
export const revoke = (overrides: Partial<RevokeDirective['data']> = {}) =>
  new RevokeDirective({ ...amendment, ...overrides }, specMetadata());
