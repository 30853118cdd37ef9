export { ImportDirectivePage } from './ImportDirectivePage';
export { IssueDirectivePage } from './IssueDirectivePage';
export { ReviewImportPage } from './ReviewImportPage';
