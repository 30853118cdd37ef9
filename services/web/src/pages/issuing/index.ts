export { IssueDirectivePage } from './IssueDirectivePage';
