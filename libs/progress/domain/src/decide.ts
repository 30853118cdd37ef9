import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { DomainError } from '@dm/periods';
import type { AssignmentCommand, ConfirmCompletion, ReportCompletion, ReportProgress } from './commands';
import {
  optionalText,
  refOf,
  requireBusinessDate,
  requireLive,
  requireNotConfirmed,
  requirePercent,
  requireText,
} from './rules';
import type { AssignmentState } from './state';

/**
 * The assignment decider. Refusals, in this order: the task is cancelled
 * (conflict); the state forbids the command (conflict); the input is wrong
 * (invalid, with the field).
 */
export function decide(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  switch (command.type) {
    case 'ReportProgress':
      return reportProgress(command, state);
    case 'ReportCompletion':
      return reportCompletion(command, state);
    case 'ConfirmCompletion':
      return confirmCompletion(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown assignment command ${(unknown as { type?: string }).type}`);
    }
  }
}

function reportProgress(command: ReportProgress, state: AssignmentState): AssignmentEvent[] {
  const { context } = command;
  requireLive(context);
  requireNotConfirmed(state);
  const reportedOn = requireBusinessDate(command.reportedOn, 'reportedOn', context, command.today);
  return [
    {
      type: EVENT_TYPES.progressReported,
      data: {
        ...refOf(context),
        reportedOn,
        summary: requireText(command.summary, 'summary'),
        percent: requirePercent(command.percent),
        difficulties: optionalText(command.difficulties, 'difficulties'),
        proposals: optionalText(command.proposals, 'proposals'),
      },
    },
  ];
}

function reportCompletion(command: ReportCompletion, state: AssignmentState): AssignmentEvent[] {
  const { context } = command;
  requireLive(context);
  requireNotConfirmed(state);
  if (state.awaiting) {
    throw new DomainError('conflict', `the completion of ${state.awaiting.completedOn} is still awaiting confirmation`);
  }
  const completedOn = requireBusinessDate(command.completedOn, 'completedOn', context, command.today);
  return [
    {
      type: EVENT_TYPES.completionReported,
      data: {
        ...refOf(context),
        completedOn,
        summary: requireText(command.summary, 'summary'),
        evidence: optionalText(command.evidence, 'evidence'),
      },
    },
  ];
}

function confirmCompletion(command: ConfirmCompletion, state: AssignmentState): AssignmentEvent[] {
  const { context } = command;
  requireLive(context);
  requireNotConfirmed(state);
  if (!state.awaiting) throw new DomainError('conflict', 'no reported completion is awaiting confirmation');
  const { completedOn } = state.awaiting;
  const field = command.accepted ? 'confirmedOn' : 'returnedOn';
  const decidedOn = requireBusinessDate(command.accepted ? command.confirmedOn : command.returnedOn, field, context, command.today);
  if (decidedOn < completedOn) {
    throw new DomainError('invalid', `${field} ${decidedOn} is before the reported completion (${completedOn})`, field);
  }
  if (command.accepted) {
    return [{ type: EVENT_TYPES.completionConfirmed, data: { ...refOf(context), completedOn, confirmedOn: decidedOn } }];
  }
  return [
    {
      type: EVENT_TYPES.completionReturned,
      data: { ...refOf(context), completedOn, reason: requireText(command.reason, 'reason'), returnedOn: decidedOn },
    },
  ];
}
