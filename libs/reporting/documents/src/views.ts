import type { ReportContent } from '@dm/contracts';
import { assignmentTable } from './assignment-tables';
import { groupTable, scorecardTable } from './rollup-tables';
import { submissionTable } from './submission-tables';
import { summaryTables } from './summary-tables';
import type { ReportTable } from './table';

/** The views of an issued report: one xlsx sheet and one csv file each, one pdf section each. */
export const REPORT_VIEWS = [
  { key: 'summary', sheetName: 'Tổng hợp', title: 'Tổng hợp kết quả thực hiện', landscape: false },
  { key: 'scorecards', sheetName: 'Theo cơ quan', title: 'Kết quả thực hiện theo cơ quan, đơn vị', landscape: true },
  { key: 'groups', sheetName: 'Theo nhóm', title: 'Kết quả thực hiện theo nhóm cơ quan, đơn vị', landscape: true },
  {
    key: 'late',
    sheetName: 'Chậm, quá hạn',
    title: 'Danh mục nhiệm vụ hoàn thành quá hạn, quá hạn chưa hoàn thành',
    landscape: true,
  },
  { key: 'requests', sheetName: 'Đề nghị', title: 'Danh mục nhiệm vụ đề nghị', landscape: true },
  { key: 'submissions', sheetName: 'Báo cáo định kỳ', title: 'Tình hình thực hiện chế độ báo cáo định kỳ', landscape: true },
] as const;

export type ReportView = (typeof REPORT_VIEWS)[number];
export type ReportViewKey = ReportView['key'];

export function reportView(key: ReportViewKey): ReportView {
  const view = REPORT_VIEWS.find((v) => v.key === key);
  if (!view) throw new RangeError(`no report view ${JSON.stringify(key)}: one of ${REPORT_VIEWS.map((v) => v.key).join(', ')}`);
  return view;
}

/** The tables of a view, in order. */
export function viewTables(content: ReportContent, key: ReportViewKey): ReportTable[] {
  const { title } = reportView(key);
  switch (key) {
    case 'summary':
      return summaryTables(content);
    case 'scorecards':
      return [scorecardTable(content, title)];
    case 'groups':
      return [groupTable(content, title)];
    case 'late':
      return [assignmentTable(title, content.lateAndOverdue)];
    case 'requests':
      return [assignmentTable(title, content.requestRows)];
    case 'submissions':
      return [submissionTable(title, content.submissions)];
  }
}
