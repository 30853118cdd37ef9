import { directiveIssuedV1, EVENT_TYPES, type DirectiveIssued } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider } from './directive';
import { aid, D, decided, issue, issued, task } from './directive.fixtures';
import type { IssueDirectiveData } from './issue-directive';

const given = DeciderSpecification.for(directiveDecider);
const issuedData = (overrides: Partial<IssueDirectiveData>) => decided([], issue(overrides))[0].data as DirectiveIssued;

describe('IssueDirective', () => {
  it('given no directive, when issued, then directive.issued carries the tasks and the resolved assignments', () => {
    given([])
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
            tasks: [task('1', ['so-tc'], [], '2017-03-31'), task('2', ['ubnd-huyen'], ['so-ldtbxh', 'huyen-ngheo', 'h-a'])].map((t) => ({
              ...t,
              recurrence: null,
            })),
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
    expect(directiveIssuedV1.safeParse(issued().data).success).toBe(true);
  });

  it('keeps an agency reached twice in one role once, with its first way in', () => {
    expect(issuedData({ tasks: [task('1', ['h-c', 'ubnd-huyen'], ['so-ban-nganh', 'so-tc'])] }).assignments).toEqual([
      { id: aid('1', 'h-c'), taskNumber: '1', agencyId: 'h-c', role: 'lead', viaGroup: null },
      { id: aid('1', 'h-a'), taskNumber: '1', agencyId: 'h-a', role: 'lead', viaGroup: 'ubnd-huyen' },
      { id: aid('1', 'h-b'), taskNumber: '1', agencyId: 'h-b', role: 'lead', viaGroup: 'ubnd-huyen' },
      {
        id: aid('1', 'vp-ubnd-tinh', 'coordinating'),
        taskNumber: '1',
        agencyId: 'vp-ubnd-tinh',
        role: 'coordinating',
        viaGroup: 'so-ban-nganh',
      },
      { id: aid('1', 'so-ldtbxh', 'coordinating'), taskNumber: '1', agencyId: 'so-ldtbxh', role: 'coordinating', viaGroup: 'so-ban-nganh' },
      { id: aid('1', 'so-tc', 'coordinating'), taskNumber: '1', agencyId: 'so-tc', role: 'coordinating', viaGroup: 'so-ban-nganh' },
    ]);
  });

  it('records no issuer office when the issuer has none, and a null capacity and reportDuty when absent', () => {
    const data = issuedData({
      issuer: 'so-ldtbxh',
      signer: { name: 'A', capacity: null, title: 'GIÁM ĐỐC' },
      tasks: [{ ...task('1', ['so-tc']), reportDuty: null }],
    });
    expect(data).toMatchObject({ issuerOffice: null, signer: { name: 'A', capacity: null, title: 'GIÁM ĐỐC' } });
    expect(data.tasks[0].reportDuty).toBeNull();
  });

  it('takes a deadline on the issue date, and an issue date of today', () => {
    expect(issuedData({ tasks: [task('1', ['so-tc'], [], '2017-02-10')] }).tasks[0].deadline).toBe('2017-02-10');
  });

  it('given an issued directive, when issued again, then conflict', () => {
    given([issued()])
      .when(issue())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toBe('directive 4308/UBND-VX is already issued'));
  });

  it.each<[string, string, Partial<IssueDirectiveData>]>([
    ['an issue date after today', 'issuedOn', { issuedOn: '2017-02-11' }],
    ['an unknown issuer', 'issuer', { issuer: 'ubnd-x' }],
    ['a group as issuer', 'issuer', { issuer: 'ubnd-huyen' }],
    ['an unknown monitoring agency', 'monitoringAgency', { monitoringAgency: 'so-x' }],
    ['an unknown addressee', 'addressees[1]', { addressees: ['so-ban-nganh', 'cac-nganh'] }],
    ['an unknown lead', 'tasks[2].lead[1]', { tasks: [task('1', ['so-tc']), task('2', ['so-tc']), task('3', ['so-tc', 'nobody'])] }],
    ['an unknown coordinating agency', 'tasks[0].coordinating[1]', { tasks: [task('1', ['so-tc'], ['h-a', 'nobody'])] }],
    ['a group without members', 'tasks[0].lead[0]', { tasks: [task('1', ['rong'])] }],
    ['a repeated task number', 'tasks[1].number', { tasks: [task('1', ['so-tc']), task('1', ['h-a'])] }],
    ['a deadline before the issue date', 'tasks[0].deadline', { tasks: [task('1', ['so-tc'], [], '2017-02-09')] }],
  ])('given no directive, when issued with %s, then invalid at %s', (_name, field, overrides) => {
    given([])
      .when(issue(overrides))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe(field));
  });
});
