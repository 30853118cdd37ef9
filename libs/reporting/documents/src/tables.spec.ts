import type { ReportAssignmentRow } from '@dm/contracts';
import { countLine } from './assignment-tables';
import { statusTextOf } from './labels';
import { reportContentFixture } from './report-content.fixtures';
import { indexColumn, integerColumn, percentColumn, TOTAL_LABEL, type TableColumn } from './table';
import { totalsRow } from './totals';
import { REPORT_VIEWS, viewTables } from './views';

describe('the tables every format draws', () => {
  const content = reportContentFixture();

  it('names six views, each with a sheet name Excel accepts', () => {
    expect(REPORT_VIEWS.map((v) => v.key)).toEqual(['summary', 'scorecards', 'groups', 'late', 'requests', 'submissions']);
    for (const view of REPORT_VIEWS) {
      expect(view.sheetName.length).toBeLessThanOrEqual(31);
      expect(view.sheetName).not.toMatch(/[/\\?*[\]:]/);
    }
  });

  it('sums counts and recomputes a rate from the summed numerator and denominator, not the mean of the rates', () => {
    const columns: TableColumn[] = [
      indexColumn(),
      { header: 'Cơ quan', kind: 'text', width: 10, weight: 1 },
      integerColumn('Tử số'),
      integerColumn('Mẫu số'),
      percentColumn('%'),
    ];
    const rows = [
      [1, 'A', 1, 1, 1],
      [2, 'B', 1, 3, 0.3333],
      [3, 'C', 0, 0, null],
    ];
    // The mean of 100% and 33.33% is 66.67%; 2 of 4 is 50%.
    expect(totalsRow(columns, rows)).toEqual([null, TOTAL_LABEL, 2, 4, 0.5]);
  });

  it('leaves a rate blank when its denominator adds up to 0', () => {
    const columns: TableColumn[] = [
      { header: 'Cơ quan', kind: 'text', width: 10, weight: 1 },
      integerColumn('Tử số'),
      integerColumn('Mẫu số'),
      percentColumn('%'),
    ];
    expect(totalsRow(columns, [['A', 0, 0, null]])).toEqual([TOTAL_LABEL, 0, 0, null]);
  });

  it('puts the carried-over and in-window counts in their own columns', () => {
    const summary = { ...content.summary, carriedOver: { ...content.summary.carriedOver, overdue: 2 } };
    const [statuses] = viewTables({ ...content, summary }, 'summary');
    expect(statuses.columns.map((c) => c.header)).toEqual(['STT', 'Tình trạng', 'Kỳ trước chuyển sang', 'Giao trong kỳ', 'Tổng số']);
    expect(statuses.rows[3]).toEqual([
      4,
      'Quá hạn chưa hoàn thành',
      2,
      content.summary.assignedInWindow.overdue,
      content.summary.counts.overdue,
    ]);
  });

  it('shows the groups, then the province as their totals, never the province twice', () => {
    const withProvinceLast = { ...content, groups: [...content.groups, content.province] };
    const [groups] = viewTables(withProvinceLast, 'groups');
    expect(groups.rows.map((row) => row[1])).toEqual(content.groups.map((g) => g.name));
    expect(groups.totals?.[1]).toBe('Tổng cộng (Toàn tỉnh)');
    expect(groups.totals?.[3]).toBe(content.province.assigned);
  });

  it('shows a closed assignment by its stage, and counts a list by status', () => {
    const closed = { ...content.requestRows[0], status: null, statusLabel: null, lifecycle: 'cancelled' } as ReportAssignmentRow;
    expect(statusTextOf(closed)).toBe('Đã hủy');
    expect(countLine([...content.requestRows, closed])).toBe(
      'Tổng cộng: 3 nhiệm vụ, trong đó: Hoàn thành đúng hạn: 1; Quá hạn chưa hoàn thành: 1; Đã hủy: 1.',
    );
    expect(countLine([])).toBe('Tổng cộng: 0 nhiệm vụ.');
  });
});

describe('the fixture', () => {
  const content = reportContentFixture();
  const statuses = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline'] as const;

  it('agrees with itself as an issued report does: statuses partition totals, agencies add up to the summary', () => {
    for (const block of [content.summary, content.requests, ...content.scorecards, ...content.groups]) {
      expect(statuses.reduce((sum, s) => sum + block.counts[s], 0)).toBe(block.counts.total);
    }
    for (const s of [...statuses, 'total'] as const) {
      expect(content.scorecards.reduce((sum, row) => sum + row.counts[s], 0)).toBe(content.summary.counts[s]);
      expect(content.scorecards.reduce((sum, row) => sum + row.requests.counts[s], 0)).toBe(content.requests.counts[s]);
    }
    expect(content.lateAndOverdue).toHaveLength(
      content.summary.counts.completedLate +
        content.summary.counts.overdue +
        content.requests.counts.completedLate +
        content.requests.counts.overdue,
    );
  });
});
