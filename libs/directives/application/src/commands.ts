import type { ChangeDeadlineRequest, CancelTaskRequest, IssueDirectiveRequest } from '@dm/contracts';
import type { CommandIdentity, Principal } from '@dm/platform';

interface CommandMeta {
  principal: Principal;
  identity: CommandIdentity;
  correlationId: string;
}

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
