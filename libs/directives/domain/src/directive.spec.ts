import { evolve, initialState } from './directive';
import { aid, cancelled, D, deadlineChanged, issued } from './directive.fixtures';

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
    const before = evolve(initialState(), issued());
    const snapshot = JSON.parse(JSON.stringify(before));
    evolve(before, deadlineChanged());
    expect(before).toEqual(snapshot);
    expect(initialState()).toEqual({ exists: false });
  });
});
