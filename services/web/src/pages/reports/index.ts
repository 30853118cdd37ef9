export { ReportsPage } from './ReportsPage';
export { IssueReportPage } from './IssueReportPage';
