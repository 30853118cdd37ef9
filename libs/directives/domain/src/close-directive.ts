import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command, ValidationError } from '@dm/eventsourcing';
import { directiveToChange, type DirectiveState, type IssuedDirective } from './directive';

interface Closing {
  directiveId: string;
  reason: string;
  authorizingDocument: string;
  effectiveOn: string;
  today: string;
}

/** A directive replaced by another one, already issued (POST /api/v1/directives/{id}/supersede). */
export class SupersedeDirective extends Command<'SupersedeDirective', Closing & { supersededBy: string; supersededByNumber: string }> {
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
  const directive = directiveToChange(state, { value: data.effectiveOn, field: 'effectiveOn', today: data.today });
  const base = {
    directiveId: directive.directiveId,
    reason: data.reason,
    authorizingDocument: data.authorizingDocument,
    effectiveOn: data.effectiveOn,
    assignmentIds: openAssignmentIds(directive),
  };
  if (command.type === 'RevokeDirective') return [{ type: EVENT_TYPES.directiveRevoked, data: base }];
  const { supersededBy, supersededByNumber } = command.data;
  if (supersededBy === directive.directiveId) throw new ValidationError('a directive cannot supersede itself', 'supersededBy');
  return [{ type: EVENT_TYPES.directiveSuperseded, data: { ...base, supersededBy, supersededByNumber } }];
}

const openAssignmentIds = (d: IssuedDirective) =>
  d.taskNumbers.flatMap((n) => d.tasks[n].assignmentIds).filter((id) => d.assignments[id].closedOn === null);
