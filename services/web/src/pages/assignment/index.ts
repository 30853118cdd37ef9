export { AssignmentPage } from './AssignmentPage';
