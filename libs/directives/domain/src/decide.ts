import type { DirectiveEvent } from '@dm/contracts';
import type { DirectiveCommand } from './commands';
import { decideIssue } from './decide-issue';
import { decideCancelTask, decideChangeDeadline } from './decide-task-changes';
import type { DirectiveState } from './state';

/** The directive decider: the events a command produces on a directive stream, or a DomainError. */
export function decide(command: DirectiveCommand, state: DirectiveState): DirectiveEvent[] {
  switch (command.type) {
    case 'IssueDirective':
      return decideIssue(command, state);
    case 'ChangeTaskDeadline':
      return decideChangeDeadline(command, state);
    case 'CancelTask':
      return decideCancelTask(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown directive command ${(unknown as { type?: string }).type}`);
    }
  }
}
