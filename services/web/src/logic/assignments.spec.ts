import { byUrgency, compareTaskNumbers, countByFilter, filterAssignments, standingOf, type AssignmentLike } from './assignments';

const row = (
  id: string,
  status: AssignmentLike['status'],
  lifecycle: AssignmentLike['lifecycle'],
  deadline: string | null,
  taskNumber = '1',
) => ({
  id,
  directiveNumber: '4308/UBND-VX',
  taskNumber,
  status,
  lifecycle,
  state: { deadline, completedOn: lifecycle === 'completed' ? '2017-03-01' : null },
});

describe('my assignments', () => {
  const rows = [
    row('done', 'completedOnTime', 'completed', '2017-03-15'),
    row('later', 'inProgressWithinDeadline', 'inProgress', '2017-06-30'),
    row('soon', 'inProgressWithinDeadline', 'notStarted', '2017-03-20'),
    row('late', 'overdue', 'inProgress', '2017-03-01'),
    row('returned', 'inProgressWithinDeadline', 'returned', '2017-06-30'),
    row('none', 'noDeadline', 'notStarted', null, '10'),
    row('none2', 'noDeadline', 'notStarted', null, '2'),
  ];

  it('puts returned completions and overdue work first, then by deadline, then by task number', () => {
    expect([...rows].sort(byUrgency).map((r) => r.id)).toEqual(['returned', 'late', 'soon', 'later', 'none2', 'none', 'done']);
  });

  it('orders task numbers as numbers', () => {
    expect(['10', '2', '1a', '1'].sort(compareTaskNumbers)).toEqual(['1', '1a', '2', '10']);
  });

  it('says days left or overdue only for open work with a deadline', () => {
    expect(standingOf(rows[3], '2017-03-05')).toEqual({ kind: 'overdue', days: 4 });
    expect(standingOf(rows[2], '2017-03-05')).toEqual({ kind: 'daysLeft', days: 15 });
    expect(standingOf(rows[0], '2017-03-05')).toEqual({ kind: 'none' });
    expect(standingOf(row('closed', null, 'cancelled', '2017-03-01'), '2017-03-05')).toEqual({ kind: 'none' });
  });

  it('filters and counts', () => {
    expect(filterAssignments(rows, 'returned').map((r) => r.id)).toEqual(['returned']);
    expect(countByFilter(rows)).toEqual({ all: 7, open: 6, overdue: 1, returned: 1, awaiting: 0, done: 1 });
  });
});
