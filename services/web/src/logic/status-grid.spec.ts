import { statusGrid, tallyStatuses } from './status-grid';

const a = (taskNumber: string, agencyId: string, status: 'overdue' | 'noDeadline' | null = 'noDeadline') => ({
  id: `${taskNumber}-${agencyId}`,
  taskNumber,
  agencyId,
  status,
  lifecycle: 'notStarted' as const,
});

describe('status grid', () => {
  const names: Record<string, string> = { 'h-ba-thuoc': 'UBND huyện Bá Thước', 'h-an-dinh': 'UBND huyện Ân Định', 'so-yt': 'Sở Y tế' };
  const grid = statusGrid(
    [a('10', 'h-ba-thuoc'), a('2', 'h-an-dinh', 'overdue'), a('2', 'so-yt', null)],
    ['10', '2', '1'],
    (id) => names[id],
  );

  it('orders tasks by number and agencies by name in Vietnamese order', () => {
    expect(grid.tasks).toEqual(['1', '2', '10']);
    expect(grid.agencies).toEqual(['so-yt', 'h-an-dinh', 'h-ba-thuoc']);
  });

  it('finds the assignment of a task for an agency, or none', () => {
    expect(grid.cell('h-an-dinh', '2')?.status).toBe('overdue');
    expect(grid.cell('h-an-dinh', '10')).toBeUndefined();
  });

  it('tallies the official statuses shown', () => {
    expect(tallyStatuses([a('1', 'x', 'overdue'), a('2', 'x', 'overdue'), a('3', 'x', null)])).toEqual({ overdue: 2 });
  });
});
