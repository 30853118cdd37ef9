import type { CompletionRequest, ConfirmationRequest, ProgressRequest } from '@dm/contracts';
import type { CommandMeta } from '@dm/platform';
import type { AssignmentViewDoc } from './assignment-view';

export class ReportProgressCommand {
  constructor(readonly assignment: AssignmentViewDoc, readonly request: ProgressRequest, readonly meta: CommandMeta) {}
}

export class ReportCompletionCommand {
  constructor(readonly assignment: AssignmentViewDoc, readonly request: CompletionRequest, readonly meta: CommandMeta) {}
}

export class ConfirmCompletionCommand {
  constructor(readonly assignment: AssignmentViewDoc, readonly request: ConfirmationRequest, readonly meta: CommandMeta) {}
}
