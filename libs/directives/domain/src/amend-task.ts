import { EVENT_TYPES, type DirectiveEvent, type IssueDirectiveRequest, type ResolvedAssignment } from '@dm/contracts';
import { Command, IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { requireOnOrAfter } from '@dm/periods';
import type { RegistrySnapshot } from '@dm/registry';
import {
  directiveToChange,
  findTask,
  liveAssignments,
  refOfDirective,
  requireNotBeforeActivity,
  taskToChange,
  type DirectiveState,
  type LastRecordedOn,
  type IssuedDirective,
  type TaskState,
} from './directive';
import { requireParty, resolveAssignments } from './issue-directive';

/** What every amendment after issue states: why, on whose authority, and from when. */
export interface Amendment {
  directiveId: string;
  reason: string;
  authorizingDocument: string;
  effectiveOn: string;
  today: string;
}
/** The registry as it stands on the effective date: groups fan out to its members then. */
type WithRegistry = { registry: RegistrySnapshot };

export type AddTaskData = Amendment & WithRegistry & { task: IssueDirectiveRequest['tasks'][number] };
export type AddTaskAgencyData = Amendment & WithRegistry & { taskNumber: string; agencyId: string; role: 'lead' | 'coordinating' };
export type ChangeTaskLeadData = Amendment & WithRegistry & { taskNumber: string; lead: string[]; lastRecordedOn: LastRecordedOn };
export type CorrectTaskTextData = Amendment & { taskNumber: string; text: string };

/** A task added to an issued directive (POST /api/v1/directives/{id}/tasks). */
export class AddTask extends Command<'AddTask', AddTaskData> {
  readonly type = 'AddTask';
}
/** An agency or group added to a task (POST …/tasks/{taskNo}/agencies). */
export class AddTaskAgency extends Command<'AddTaskAgency', AddTaskAgencyData> {
  readonly type = 'AddTaskAgency';
}
/** A task's lead replaced (POST …/tasks/{taskNo}/lead). */
export class ChangeTaskLead extends Command<'ChangeTaskLead', ChangeTaskLeadData> {
  readonly type = 'ChangeTaskLead';
}
/** A task's text corrected (POST …/tasks/{taskNo}/text). */
export class CorrectTaskText extends Command<'CorrectTaskText', CorrectTaskTextData> {
  readonly type = 'CorrectTaskText';
}

export type AmendmentCommand = AddTask | AddTaskAgency | ChangeTaskLead | CorrectTaskText;

export function decideAmendment(command: AmendmentCommand, state: DirectiveState): DirectiveEvent[] {
  switch (command.type) {
    case 'AddTask':
      return decideAddTask(command.data, state);
    case 'AddTaskAgency':
      return decideAddAgency(command.data, state);
    case 'ChangeTaskLead':
      return decideChangeLead(command.data, state);
    case 'CorrectTaskText':
      return decideCorrectText(command.data, state);
  }
}

const effectiveOn = (data: Amendment) => ({ value: data.effectiveOn, field: 'effectiveOn', today: data.today });
const why = ({ directiveId, reason, authorizingDocument, effectiveOn }: Amendment) => ({
  directiveId,
  reason,
  authorizingDocument,
  effectiveOn,
});

/** A new task, numbered apart from every other, its agencies resolved on the effective date; its assignments start then. */
function decideAddTask(data: AddTaskData, state: DirectiveState): DirectiveEvent[] {
  const directive = directiveToChange(state, effectiveOn(data));
  const { task, registry } = data;
  if (findTask(directive, task.number)) throw new IllegalStateError(`directive ${directive.number} already has a task ${task.number}`);
  task.lead.forEach((id, j) => requireParty(registry, id, `lead[${j}]`, data.effectiveOn));
  task.coordinating.forEach((id, j) => requireParty(registry, id, `coordinating[${j}]`, data.effectiveOn));
  if (task.deadline !== null) requireOnOrAfter(task.deadline, 'deadline', data.effectiveOn, 'the effective date');
  const added = {
    ...task,
    lead: [...task.lead],
    coordinating: [...task.coordinating],
    reportDuty: task.reportDuty ?? null,
    recurrence: task.recurrence ?? null,
  };
  const assignments = resolveAssignments(directive.directiveId, added, registry, directive.issuer);
  return [{ type: EVENT_TYPES.taskAdded, data: { ...why(data), directive: refOfDirective(directive), task: added, assignments } }];
}

/** New assignments of an agency (or a group's members) not already in the task; they take the task's deadline now. */
function decideAddAgency(data: AddTaskAgencyData, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = taskToChange(state, data.taskNumber, effectiveOn(data));
  requireParty(data.registry, data.agencyId, 'agencyId', data.effectiveOn);
  const resolved = resolveAssignments(
    directive.directiveId,
    { number: task.number, mode: task.mode, lead: [], coordinating: [], [data.role]: [data.agencyId] },
    data.registry,
    directive.issuer,
  );
  const assignments = newcomers(directive, task, resolved, 'agencyId');
  return [
    {
      type: EVENT_TYPES.taskAgencyAdded,
      data: {
        ...why(data),
        directive: refOfDirective(directive),
        taskNumber: task.number,
        mode: task.mode,
        assignments,
        deadline: task.deadline,
      },
    },
  ];
}

/** The lead replaced: lead assignments of agencies not in the new lead end; new lead agencies start (leaving their coordinating part). */
function decideChangeLead(data: ChangeTaskLeadData, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = taskToChange(state, data.taskNumber, effectiveOn(data));
  data.lead.forEach((id, j) => requireParty(data.registry, id, `lead[${j}]`, data.effectiveOn));
  const lead = { number: task.number, mode: task.mode, lead: data.lead, coordinating: [] };
  const resolved = resolveAssignments(directive.directiveId, lead, data.registry, directive.issuer);
  const newLead = new Set(resolved.map((a) => a.agencyId));
  const live = liveAssignments(directive, task);
  const previousLead = live.filter((a) => a.role === 'lead').map((a) => a.agencyId);
  if (previousLead.length === newLead.size && previousLead.every((id) => newLead.has(id)))
    throw new IllegalStateError(`task ${task.number} already has lead ${previousLead.join(', ')}`);
  const ended = live.filter((a) => (a.role === 'lead' ? !newLead.has(a.agencyId) : newLead.has(a.agencyId)));
  requireNotBeforeActivity({ value: data.effectiveOn, field: 'effectiveOn' }, ended, data.lastRecordedOn);
  const stillLead = new Set(live.filter((a) => a.role === 'lead' && newLead.has(a.agencyId)).map((a) => a.agencyId));
  const joining = resolved.filter((a) => !stillLead.has(a.agencyId));
  const assignments = joining.length ? newcomers(directive, task, joining, 'lead') : [];
  return [
    {
      type: EVENT_TYPES.taskLeadChanged,
      data: {
        ...why(data),
        directive: refOfDirective(directive),
        taskNumber: task.number,
        mode: task.mode,
        previousLead,
        lead: [...newLead],
        endedAssignmentIds: ended.map((a) => a.id),
        assignments,
        deadline: task.deadline,
        recurrence: task.recurrence,
      },
    },
  ];
}

function decideCorrectText(data: CorrectTaskTextData, state: DirectiveState): DirectiveEvent[] {
  const [, task] = taskToChange(state, data.taskNumber, effectiveOn(data));
  if (task.text === data.text) throw new IllegalStateError(`task ${task.number} already reads so`);
  return [
    { type: EVENT_TYPES.taskTextCorrected, data: { ...why(data), taskNumber: task.number, previousText: task.text, text: data.text } },
  ];
}

/**
 * The resolved assignments that are new to the task. An agency already in it
 * (live, in either role, unless it leaves that role now) is skipped; one whose
 * assignment in that role ended may not come back under the same id (409).
 */
function newcomers(directive: IssuedDirective, task: TaskState, resolved: ResolvedAssignment[], field: string): ResolvedAssignment[] {
  const live = new Set(
    liveAssignments(directive, task)
      .filter((a) => a.role === 'lead' || field !== 'lead')
      .map((a) => a.agencyId),
  );
  const fresh = resolved.filter((a) => !live.has(a.agencyId));
  for (const a of fresh) {
    const before = Object.hasOwn(directive.assignments, a.id) ? directive.assignments[a.id] : undefined;
    if (before) throw new IllegalStateError(`the ${a.role} assignment of ${a.agencyId} in task ${task.number} ended on ${before.closedOn}`);
  }
  if (fresh.length === 0) throw new ValidationError(`every agency named is already in task ${task.number}`, field);
  return fresh;
}
