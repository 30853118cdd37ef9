import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command } from '@dm/eventsourcing';
import { requireNotBeforeRecorded, requireOnOrAfter } from '@dm/periods';
import { directiveToChange, type DirectiveState, type LastRecordedOn } from './directive';

export interface TransferData {
  directiveId: string;
  /** The ended agency, and the successor the registry names for it. */
  from: string;
  to: string;
  transferredOn: string;
  /** The day after the ended agency's last day, when the successor took over its duties. */
  successorFrom: string;
  reason: string;
  authorizingDocument: string;
  /** The assignments whose work is done (a one-off task's standing accepted completion): they stay with their agency. */
  done: string[];
  lastRecordedOn: LastRecordedOn;
  today: string;
}

/** Moves what an ended agency holds in one directive to its successor (POST /api/v1/registry/agencies/{id}/transfer). */
export class TransferToSuccessor extends Command<'TransferToSuccessor', TransferData> {
  readonly type = 'TransferToSuccessor';
}

/**
 * The agency's open assignments (not ended, not done) move to the successor,
 * and so does the directive's monitoring when the agency had it; the same
 * assignments continue, held by the successor from `transferredOn`, which is
 * not before their start nor before a date already recorded on them. Nothing
 * to move decides nothing, so a batch can be run again.
 */
export function decideTransfer({ data }: TransferToSuccessor, state: DirectiveState): DirectiveEvent[] {
  const directive = directiveToChange(state, { value: data.transferredOn, field: 'transferredOn', today: data.today });
  const done = new Set(data.done);
  const moved = Object.values(directive.assignments).filter((a) => a.agencyId === data.from && a.closedOn === null && !done.has(a.id));
  for (const a of moved) {
    requireOnOrAfter(data.transferredOn, 'transferredOn', a.assignedOn, `assignment ${a.id} started`);
    requireNotBeforeRecorded(
      data.transferredOn,
      'transferredOn',
      data.lastRecordedOn[a.id] ?? null,
      `the last date recorded on assignment ${a.id}`,
    );
  }
  const { directiveId, from, to, transferredOn, successorFrom, reason, authorizingDocument } = data;
  const transfer = { directiveId, from, to, transferredOn, successorFrom, reason, authorizingDocument };
  const events: DirectiveEvent[] = [];
  if (moved.length) events.push({ type: EVENT_TYPES.assignmentsTransferred, data: { ...transfer, assignmentIds: moved.map((a) => a.id) } });
  if (directive.monitoringAgency === from)
    events.push({ type: EVENT_TYPES.monitoringTransferred, data: { ...transfer, assignmentIds: Object.keys(directive.assignments) } });
  return events;
}
