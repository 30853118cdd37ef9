import { EVENT_TYPES, TASK_MODES, type DirectiveEvent, type ResolvedAssignment, type Task } from '@dm/contracts';
import { DomainError, requireIsoDate } from '@dm/periods';
import type { IssueDirective } from './commands';
import { assignmentIdFor, directiveIdFor } from './ids';
import { isAgency, isGroup, officeOf, resolveParty, type RegistrySnapshot } from './registry-snapshot';
import type { DirectiveState } from './state';
import { requireText } from './validation';

/**
 * Issues a directive: validates it against the registry snapshot and resolves
 * every task's lead and coordinating ids (groups fan out to their members
 * now) into one assignment per (task, agency, role).
 */
export function decideIssue(command: IssueDirective, state: DirectiveState): DirectiveEvent[] {
  if (state.exists) throw new DomainError('conflict', `directive ${state.number} is already issued`);
  const { registry } = command;

  requireText(command.number, 'number');
  requireText(command.docType, 'type');
  requireText(command.subject, 'subject');
  const issuedOn = requireIsoDate(command.issuedOn, 'issuedOn');
  requireText(command.signer?.name, 'signer.name');
  requireText(command.signer?.title, 'signer.title');
  requireAgency(registry, command.issuer, 'issuer');
  requireAgency(registry, command.monitoringAgency, 'monitoringAgency');
  command.legalBasis.forEach((doc, i) => requireText(doc, `legalBasis[${i}]`));
  command.addressees.forEach((id, i) => requireParty(registry, id, `addressees[${i}]`));
  if (command.tasks.length === 0) throw new DomainError('invalid', 'a directive needs at least one task', 'tasks');

  const seen = new Set<string>();
  command.tasks.forEach((task, i) => {
    validateTask(task, i, issuedOn, registry);
    if (seen.has(task.number)) throw new DomainError('invalid', `task number ${task.number} is repeated`, `tasks[${i}].number`);
    seen.add(task.number);
  });

  const directiveId = directiveIdFor(command.issuer, issuedOn, command.number);
  const tasks: Task[] = command.tasks.map((t) => ({
    number: t.number,
    text: t.text,
    mode: t.mode,
    lead: [...t.lead],
    coordinating: [...t.coordinating],
    deadline: t.deadline,
    reportDuty: t.reportDuty ?? null,
  }));

  return [
    {
      type: EVENT_TYPES.directiveIssued,
      data: {
        directiveId,
        number: command.number,
        type: command.docType,
        issuer: command.issuer,
        issuedOn,
        subject: command.subject,
        legalBasis: [...command.legalBasis],
        addressees: [...command.addressees],
        signer: { name: command.signer.name, capacity: command.signer.capacity ?? null, title: command.signer.title },
        monitoringAgency: command.monitoringAgency,
        issuerOffice: officeOf(registry, command.issuer),
        registryVersion: registry.version,
        tasks,
        assignments: tasks.flatMap((t) => resolveAssignments(directiveId, t, registry)),
      },
    },
  ];
}

function validateTask(task: Task, i: number, issuedOn: string, registry: RegistrySnapshot): void {
  const at = `tasks[${i}]`;
  requireText(task.number, `${at}.number`);
  requireText(task.text, `${at}.text`);
  if (!(TASK_MODES as readonly string[]).includes(task.mode)) {
    throw new DomainError('invalid', `mode must be one of ${TASK_MODES.join(', ')}`, `${at}.mode`);
  }
  if (task.lead.length === 0) throw new DomainError('invalid', `task ${task.number} needs at least one lead agency`, `${at}.lead`);
  task.lead.forEach((id, j) => requireParty(registry, id, `${at}.lead[${j}]`));
  task.coordinating.forEach((id, j) => requireParty(registry, id, `${at}.coordinating[${j}]`));
  if (task.deadline !== null) {
    requireIsoDate(task.deadline, `${at}.deadline`);
    if (task.deadline < issuedOn) {
      throw new DomainError('invalid', `deadline ${task.deadline} is before the issue date ${issuedOn}`, `${at}.deadline`);
    }
  }
}

/**
 * One assignment per (agency, role) of a task, in order: lead ids then
 * coordinating ids, group members in registry order. An agency reached twice
 * in a role keeps its first way in; a lead agency gets no coordinating assignment.
 */
function resolveAssignments(directiveId: string, task: Task, registry: RegistrySnapshot): ResolvedAssignment[] {
  const result: ResolvedAssignment[] = [];
  const lead = new Set<string>();
  const coordinating = new Set<string>();
  for (const id of task.lead) {
    for (const { agencyId, viaGroup } of resolveParty(registry, id)) {
      if (lead.has(agencyId)) continue;
      lead.add(agencyId);
      result.push({ id: assignmentIdFor(directiveId, task.number, agencyId, 'lead'), taskNumber: task.number, agencyId, role: 'lead', viaGroup });
    }
  }
  for (const id of task.coordinating) {
    for (const { agencyId, viaGroup } of resolveParty(registry, id)) {
      if (lead.has(agencyId) || coordinating.has(agencyId)) continue;
      coordinating.add(agencyId);
      result.push({
        id: assignmentIdFor(directiveId, task.number, agencyId, 'coordinating'),
        taskNumber: task.number,
        agencyId,
        role: 'coordinating',
        viaGroup,
      });
    }
  }
  return result;
}

function requireAgency(registry: RegistrySnapshot, id: unknown, field: string): void {
  if (typeof id !== 'string' || !isAgency(registry, id)) {
    throw new DomainError('invalid', `${String(id)} is not an agency of registry ${registry.version}`, field);
  }
}

/** An addressee, lead or coordinating id: an agency, or a group with at least one member. */
function requireParty(registry: RegistrySnapshot, id: unknown, field: string): void {
  if (typeof id !== 'string' || (!isAgency(registry, id) && !isGroup(registry, id))) {
    throw new DomainError('invalid', `${String(id)} is neither an agency nor a group of registry ${registry.version}`, field);
  }
  if (resolveParty(registry, id).length === 0) {
    throw new DomainError('invalid', `group ${id} has no members in registry ${registry.version}`, field);
  }
}
