import type { ChangeDeadlineRequest, CancelTaskRequest, IssueDirectiveRequest } from '@dm/contracts';
import type { CommandMeta } from '@dm/platform';

export class IssueDirectiveCommand {
  constructor(
    readonly request: IssueDirectiveRequest,
    readonly meta: CommandMeta,
  ) {}
}

export class ChangeTaskDeadlineCommand {
  constructor(
    readonly directiveId: string,
    readonly taskNumber: string,
    readonly request: ChangeDeadlineRequest,
    readonly meta: CommandMeta,
  ) {}
}

export class CancelTaskCommand {
  constructor(
    readonly directiveId: string,
    readonly taskNumber: string,
    readonly request: CancelTaskRequest,
    readonly meta: CommandMeta,
  ) {}
}
