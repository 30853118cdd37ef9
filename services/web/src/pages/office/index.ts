export { DirectivesPage } from './DirectivesPage';
export { DirectivePage } from './DirectivePage';
export { OverduePage } from './OverduePage';
export { ConfirmationsPage } from './ConfirmationsPage';
