import type { ReportAssignmentRow, ReportContent } from '@dm/contracts';
import { content, docsOf, id, newStory } from './report-content.fixtures';
import { diffReports } from './report-diff';

/** A copy as the store keeps it (JSON): the summary and the province row share no object, as they do in memory. */
const copy = (c: ReportContent): ReportContent => JSON.parse(JSON.stringify(c)) as ReportContent;

describe('diffReports', () => {
  const base = content();

  it('finds nothing between identical contents, computed twice', () => {
    expect(diffReports(base, content())).toEqual([]);
    expect(diffReports(base, base)).toEqual([]);
  });

  it('names a changed count by its path, with the value in each', () => {
    const to = copy(base);
    to.summary.counts.overdue = 4;
    expect(diffReports(base, to)).toEqual([{ path: 'summary.counts.overdue', from: 3, to: 4 }]);
  });

  it('matches rates by name, scorecards and groups by id', () => {
    const to = copy(base);
    to.summary.rates.reverse();
    (to.summary.rates.find((r) => r.name === 'completed/due') as { numerator: number }).numerator += 1;
    to.groups.reverse();
    (to.groups.find((g) => g.id === 'so-ban-nganh') as { counts: { overdue: number } }).counts.overdue = 2;
    expect(diffReports(base, to)).toEqual([
      { path: 'summary.rates[completed/due].numerator', from: base.summary.rates[4].numerator, to: base.summary.rates[4].numerator + 1 },
      { path: 'groups[so-ban-nganh].counts.overdue', from: 1, to: 2 },
    ]);
  });

  it('finds no change in a reordered list of scorecards', () => {
    const to = copy(base);
    to.scorecards.reverse();
    expect(to.scorecards[0].id).not.toBe(base.scorecards[0].id);
    expect(diffReports(base, to)).toEqual([]);
  });

  it('names a changed figure of one agency’s row by its id', () => {
    const to = copy(base);
    to.scorecards.reverse();
    (to.scorecards.find((r) => r.id === 'h-ba-thuoc') as { name: string }).name = 'UBND huyện Bá Thước (mới)';
    expect(diffReports(base, to)).toEqual([
      { path: 'scorecards[h-ba-thuoc].name', from: 'UBND huyện Bá Thước', to: 'UBND huyện Bá Thước (mới)' },
    ]);
  });

  describe('a row of lateAndOverdue, keyed by assignmentId', () => {
    const added: ReportAssignmentRow = { ...base.lateAndOverdue[0], assignmentId: 'd-1-9-h-nga-son-lead', agencyId: 'h-nga-son' };

    it('added, even first, is one change', () => {
      const to = copy(base);
      to.lateAndOverdue.unshift(added);
      expect(diffReports(base, to)).toEqual([{ path: 'lateAndOverdue[d-1-9-h-nga-son-lead]', from: undefined, to: added }]);
    });

    it('removed, even first, is one change', () => {
      const to = copy(base);
      const [removed] = to.lateAndOverdue.splice(0, 1);
      expect(diffReports(base, to)).toEqual([{ path: `lateAndOverdue[${removed.assignmentId}]`, from: removed, to: undefined }]);
    });
  });

  it('compares a list without keys as a whole (the recipients, in their order)', () => {
    const to = copy(base);
    to.heading.recipients = ['Lưu: VT', ...base.heading.recipients];
    expect(diffReports(base, to)).toEqual([{ path: 'heading.recipients', from: base.heading.recipients, to: to.heading.recipients }]);
  });

  it('names a field that appears or disappears', () => {
    const to = copy(base);
    to.directive = null;
    expect(diffReports(base, to)).toEqual([{ path: 'directive', from: base.directive, to: null }]);
  });

  it('follows a completion known later to the fields of its row, not the whole row (Bá Thước completes task 1 on 10/03)', () => {
    const later = content({
      docs: docsOf(newStory().complete(id('1', 'h-ba-thuoc'), '2017-03-10').confirm(id('1', 'h-ba-thuoc'), '2017-03-10', '2017-03-11')),
    });
    const changes = diffReports(base, later);
    const row = `lateAndOverdue[${id('1', 'h-ba-thuoc')}]`;
    expect(changes.filter((c) => c.path.startsWith('lateAndOverdue'))).toEqual([
      { path: `${row}.status`, from: 'overdue', to: 'completedLate' },
      { path: `${row}.statusLabel`, from: 'Quá hạn chưa hoàn thành', to: 'Hoàn thành quá hạn' },
      { path: `${row}.lifecycle`, from: 'notStarted', to: 'completed' },
      { path: `${row}.completedOn`, from: null, to: '2017-03-10' },
      { path: `${row}.daysLate`, from: 14, to: 10 },
    ]);
    expect(changes).toContainEqual({ path: 'summary.counts.overdue', from: 3, to: 2 });
    expect(changes).toContainEqual({ path: 'scorecards[h-ba-thuoc].counts.completedLate', from: 0, to: 1 });
    expect(changes).toContainEqual({ path: 'groups[huyen-ngheo-30a].counts.completedLate', from: 1, to: 2 });
  });
});
