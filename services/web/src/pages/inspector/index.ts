export { HistoryPage } from './HistoryPage';
export { VerifyPage } from './VerifyPage';
export { AnnualReviewPage } from './AnnualReviewPage';
export { AccessLogPage } from './AccessLogPage';
