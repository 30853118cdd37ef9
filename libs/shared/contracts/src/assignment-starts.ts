import {
  DIRECTIVE_EVENT_TYPES as T,
  type Closure,
  type DirectiveIssued,
  type DirectiveRef,
  type Recurrence,
  type ResolvedAssignment,
  type Task,
  type TaskAdded,
  type TaskAgencyAdded,
  type TaskLeadChanged,
} from './directives';

/** What every consumer of the directive topic reads off an event: the assignments it starts and those it closes. */

interface DirectiveEventLike {
  type: string;
  data: unknown;
}

export interface StartedAssignment {
  directive: DirectiveRef & { directiveId: string };
  assignment: ResolvedAssignment;
  /** The business date it starts on: the issue date, or the amendment's effective date. */
  on: string;
  /** What it takes of its task: the mode, and the deadline (or rule) it starts with. */
  task: { mode: Task['mode']; deadline: string | null; recurrence: Recurrence | null };
}

/** The assignments an event starts: directive.issued, task-added, task-agency-added, task-lead-changed. */
export function startedAssignments(event: DirectiveEventLike): StartedAssignment[] {
  const taskOf = (t: Pick<Task, 'mode' | 'deadline' | 'recurrence'>) => ({
    mode: t.mode,
    deadline: t.deadline,
    recurrence: t.recurrence ?? null,
  });
  switch (event.type) {
    case T.directiveIssued: {
      const d = event.data as DirectiveIssued;
      const tasks = new Map(d.tasks.map((t) => [t.number, taskOf(t)]));
      return d.assignments.map((assignment) => ({ directive: d, assignment, on: d.issuedOn, task: tasks.get(assignment.taskNumber)! }));
    }
    case T.taskAdded: {
      const d = event.data as TaskAdded;
      const directive = { ...d.directive, directiveId: d.directiveId };
      return d.assignments.map((assignment) => ({ directive, assignment, on: d.effectiveOn, task: taskOf(d.task) }));
    }
    case T.taskAgencyAdded:
    case T.taskLeadChanged: {
      const d = event.data as TaskAgencyAdded | TaskLeadChanged;
      const directive = { ...d.directive, directiveId: d.directiveId };
      return d.assignments.map((assignment) => ({ directive, assignment, on: d.effectiveOn, task: taskOf(d) }));
    }
    default:
      return [];
  }
}

const CLOSING: Record<string, Closure> = {
  [T.taskCancelled]: 'cancelled',
  [T.taskLeadChanged]: 'cancelled',
  [T.directiveSuperseded]: 'superseded',
  [T.directiveRevoked]: 'revoked',
};

/** The assignments an event closes, how, and from which business date; null for an event that closes none. */
export function closedAssignments(event: DirectiveEventLike): { ids: string[]; as: Closure; on: string } | null {
  if (!Object.hasOwn(CLOSING, event.type)) return null;
  const data = event.data as { assignmentIds?: string[]; endedAssignmentIds?: string[]; cancelledOn?: string; effectiveOn?: string };
  return {
    ids: data.endedAssignmentIds ?? data.assignmentIds ?? [],
    as: CLOSING[event.type],
    on: (data.cancelledOn ?? data.effectiveOn) as string,
  };
}
