import { EVENT_TYPES, type DirectiveEvent, type IssueDirectiveRequest, type ResolvedAssignment, type Task } from '@dm/contracts';
import { Command, IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
import { isAgency, isGroup, officeOf, resolveParty, type RegistrySnapshot } from '@dm/registry';
import type { DirectiveState } from './directive';
import { assignmentIdFor, directiveIdFor } from './ids';

export type IssueDirectiveData = IssueDirectiveRequest & {
  /** The registry as it stood on the issue date: groups fan out to its members. */
  registry: RegistrySnapshot;
  /** The current business date; a directive is not issued in the future. */
  today: string;
};

/** A directive is issued with its tasks (POST /api/v1/directives). */
export class IssueDirective extends Command<'IssueDirective', IssueDirectiveData> {
  readonly type = 'IssueDirective';
}

/**
 * Issues a directive: checks it against the registry of its issue date and
 * resolves every task's lead and coordinating ids (groups fan out to their
 * members now) into one assignment per (task, agency, role).
 */
export function decideIssue({ data }: IssueDirective, state: DirectiveState): DirectiveEvent[] {
  const issuedOn = requireNotAfterToday(data.issuedOn, 'issuedOn', data.today);
  if (state.exists) throw new IllegalStateError(`directive ${state.number} is already issued`);
  const { registry } = data;
  requireAgency(registry, data.issuer, 'issuer');
  requireAgency(registry, data.monitoringAgency, 'monitoringAgency');
  data.addressees.forEach((id, i) => requireParty(registry, id, `addressees[${i}]`));
  const seen = new Set<string>();
  data.tasks.forEach((task, i) => {
    task.lead.forEach((id, j) => requireParty(registry, id, `tasks[${i}].lead[${j}]`));
    task.coordinating.forEach((id, j) => requireParty(registry, id, `tasks[${i}].coordinating[${j}]`));
    if (task.deadline !== null) requireOnOrAfter(task.deadline, `tasks[${i}].deadline`, issuedOn, 'the issue date');
    if (seen.has(task.number)) throw new ValidationError(`task number ${task.number} is repeated`, `tasks[${i}].number`);
    seen.add(task.number);
  });

  const directiveId = directiveIdFor(data.issuer, issuedOn, data.number);
  const tasks: Task[] = data.tasks.map((t) => ({
    ...t,
    lead: [...t.lead],
    coordinating: [...t.coordinating],
    reportDuty: t.reportDuty ?? null,
    recurrence: t.recurrence ?? null,
  }));
  return [
    {
      type: EVENT_TYPES.directiveIssued,
      data: {
        directiveId,
        number: data.number,
        type: data.type,
        issuer: data.issuer,
        issuedOn,
        subject: data.subject,
        legalBasis: [...data.legalBasis],
        addressees: [...data.addressees],
        signer: { name: data.signer.name, capacity: data.signer.capacity ?? null, title: data.signer.title },
        monitoringAgency: data.monitoringAgency,
        issuerOffice: officeOf(registry.agencies, data.issuer),
        registryVersion: registry.version,
        tasks,
        assignments: tasks.flatMap((t) => resolveAssignments(directiveId, t, registry)),
      },
    },
  ];
}

/**
 * One assignment per (agency, role) of a task, in order: lead ids then
 * coordinating ids, group members in registry order. An agency reached twice
 * in a role keeps its first way in; a lead agency gets no coordinating assignment.
 */
export function resolveAssignments(
  directiveId: string,
  task: Pick<Task, 'number' | 'lead' | 'coordinating'>,
  registry: RegistrySnapshot,
): ResolvedAssignment[] {
  const result: ResolvedAssignment[] = [];
  const reached = new Set<string>();
  for (const role of ['lead', 'coordinating'] as const) {
    for (const id of task[role]) {
      for (const { agencyId, viaGroup } of resolveParty(registry, id)) {
        if (reached.has(agencyId)) continue;
        reached.add(agencyId);
        result.push({ id: assignmentIdFor(directiveId, task.number, agencyId, role), taskNumber: task.number, agencyId, role, viaGroup });
      }
    }
  }
  return result;
}

function requireAgency(registry: RegistrySnapshot, id: string, field: string): void {
  if (!isAgency(registry, id)) throw new ValidationError(`${id} is not an agency of registry ${registry.version}`, field);
}

/** An addressee, lead or coordinating id: an agency, or a group with at least one member. */
export function requireParty(registry: RegistrySnapshot, id: string, field: string): void {
  if (!isAgency(registry, id) && !isGroup(registry, id)) {
    throw new ValidationError(`${id} is neither an agency nor a group of registry ${registry.version}`, field);
  }
  if (resolveParty(registry, id).length === 0)
    throw new ValidationError(`group ${id} has no members in registry ${registry.version}`, field);
}
