/** What the application knows about an assignment from its view of directive events. */
export interface AssignmentContext {
  assignmentId: string;
  directiveId: string;
  taskNumber: string;
  agencyId: string;
  issuedOn: string;
  /** True once the assignment's task is cancelled. */
  cancelled: boolean;
}

export interface ReportProgress {
  type: 'ReportProgress';
  context: AssignmentContext;
  reportedOn: string;
  summary: string;
  percent: number | null;
  difficulties: string | null;
  proposals: string | null;
  /** The current business date (Asia/Ho_Chi_Minh); no business date may lie after it. */
  today: string;
}

export interface ReportCompletion {
  type: 'ReportCompletion';
  context: AssignmentContext;
  completedOn: string;
  summary: string;
  evidence: string | null;
  today: string;
}

interface ConfirmCompletionBase {
  type: 'ConfirmCompletion';
  context: AssignmentContext;
  /** The current business date; when given, the decision date may not lie after it. */
  today?: string;
}

export interface AcceptCompletion extends ConfirmCompletionBase {
  accepted: true;
  confirmedOn: string;
}

export interface ReturnCompletion extends ConfirmCompletionBase {
  accepted: false;
  reason: string;
  returnedOn: string;
}

export type ConfirmCompletion = AcceptCompletion | ReturnCompletion;

export type AssignmentCommand = ReportProgress | ReportCompletion | ConfirmCompletion;
