import { evolve, initialState, type AssignmentEntry } from './directive';
import { aid, cancelled, D, deadlineChanged, issued } from './directive.fixtures';

const entry = (taskNumber: string, agencyId: string, role: 'lead' | 'coordinating', o: Partial<AssignmentEntry>): AssignmentEntry => ({
  id: aid(taskNumber, agencyId, role),
  taskNumber,
  agencyId,
  role,
  assignedOn: '2017-02-10',
  deadline: null,
  lastChangedOn: '2017-02-10',
  closedOn: null,
  ...o,
});

describe('directive evolve', () => {
  it('knows the directive, its tasks, their current deadlines, cancellation and assignments', () => {
    const state = [issued(), deadlineChanged(), cancelled()].reduce(evolve, initialState());
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
        '1': {
          number: '1',
          addedOn: '2017-02-10',
          text: 'Nhiệm vụ 1',
          mode: 'giao',
          recurrence: null,
          deadline: '2017-06-30',
          lastChangedOn: '2017-03-20',
          cancelled: false,
          assignmentIds: [aid('1', 'so-tc')],
        },
        '2': {
          number: '2',
          addedOn: '2017-02-10',
          text: 'Nhiệm vụ 2',
          mode: 'giao',
          recurrence: null,
          deadline: null,
          lastChangedOn: '2017-02-10',
          cancelled: true,
          assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
        },
      },
      assignments: {
        [aid('1', 'so-tc')]: entry('1', 'so-tc', 'lead', { deadline: '2017-06-30', lastChangedOn: '2017-03-20' }),
        [aid('2', 'h-a')]: entry('2', 'h-a', 'lead', { closedOn: '2017-04-01' }),
        [aid('2', 'h-b')]: entry('2', 'h-b', 'lead', { closedOn: '2017-04-01' }),
        [aid('2', 'h-c')]: entry('2', 'h-c', 'lead', { closedOn: '2017-04-01' }),
        [aid('2', 'so-ldtbxh', 'coordinating')]: entry('2', 'so-ldtbxh', 'coordinating', { closedOn: '2017-04-01' }),
      },
      closed: null,
    });
  });

  it('does not change the state it is given', () => {
    const before = evolve(initialState(), issued());
    const snapshot = JSON.parse(JSON.stringify(before));
    evolve(before, deadlineChanged());
    expect(before).toEqual(snapshot);
    expect(initialState()).toEqual({ exists: false });
  });
});
