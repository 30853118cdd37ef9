import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command, RuleViolationError } from '@dm/eventsourcing';
import type { Amendment } from './amend-task';
import { directiveToChange, requireNotBeforeActivity, type DirectiveState, type IssuedDirective, type LastRecordedOn } from './directive';

type Closing = Amendment & {
  /** The last business date recorded on each assignment: the closure is not dated before it. */
  lastRecordedOn: LastRecordedOn;
};

/** The directive that supersedes, as its own stream tells it. */
export interface Successor {
  directiveId: string;
  number: string;
  issuedOn: string;
  closed: boolean;
}

/** A directive replaced by another one, already issued (POST /api/v1/directives/{id}/supersede). */
export class SupersedeDirective extends Command<'SupersedeDirective', Closing & { successor: Successor }> {
  readonly type = 'SupersedeDirective';
}

/** A directive revoked (POST /api/v1/directives/{id}/revoke). */
export class RevokeDirective extends Command<'RevokeDirective', Closing> {
  readonly type = 'RevokeDirective';
}

export type CloseCommand = SupersedeDirective | RevokeDirective;

/** Closes every open assignment from the effective date; completed work stays completed (the read side keeps it). */
export function decideClose(command: CloseCommand, state: DirectiveState): DirectiveEvent[] {
  const { data } = command;
  const effectiveOn = { value: data.effectiveOn, field: 'effectiveOn', today: data.today };
  const directive = directiveToChange(state, effectiveOn);
  const open = openAssignments(directive);
  if (command.type === 'SupersedeDirective') requireSuccessor(directive, command.data.successor, data.effectiveOn);
  requireNotBeforeActivity(effectiveOn, open, data.lastRecordedOn);
  const base = {
    directiveId: directive.directiveId,
    reason: data.reason,
    authorizingDocument: data.authorizingDocument,
    effectiveOn: data.effectiveOn,
    assignmentIds: open.map((a) => a.id),
  };
  if (command.type === 'RevokeDirective') return [{ type: EVENT_TYPES.directiveRevoked, data: base }];
  const { successor } = command.data;
  return [
    { type: EVENT_TYPES.directiveSuperseded, data: { ...base, supersededBy: successor.directiveId, supersededByNumber: successor.number } },
  ];
}

/** Another directive, in force, issued by the effective date (422 at supersededBy otherwise). */
function requireSuccessor(directive: IssuedDirective, successor: Successor, effectiveOn: string): void {
  const refuse = (why: string) => new RuleViolationError(`${successor.number} ${why}`, 'supersededBy');
  if (successor.directiveId === directive.directiveId) throw refuse('cannot supersede itself');
  if (successor.closed) throw refuse('is itself superseded or revoked');
  if (successor.issuedOn > effectiveOn) throw refuse(`was issued on ${successor.issuedOn}, after ${effectiveOn}`);
}

const openAssignments = (d: IssuedDirective) =>
  d.taskNumbers
    .flatMap((n) => d.tasks[n].assignmentIds)
    .map((id) => d.assignments[id])
    .filter((a) => a.closedOn === null);
