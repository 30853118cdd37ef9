export { MyAssignmentsPage } from './MyAssignmentsPage';
export { RemindersPage } from './RemindersPage';
