import { EVENT_TYPES, type DirectiveEvent, type IssueDirectiveRequest, type ResolvedAssignment, type Task } from '@dm/contracts';
import { Command, IllegalStateError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { formatVietnamese, requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
import { isAgency, isGroup, officeOf, resolveParty, sphereOf, type RegistrySnapshot } from '@dm/registry';
import type { DirectiveState } from './directive';
import { assignmentIdFor, directiveIdFor } from './ids';

export type IssueDirectiveData = IssueDirectiveRequest & {
  /** The registry as it stood on the issue date: groups fan out to its members. */
  registry: RegistrySnapshot;
  /** The current business date; a directive is not issued in the future. */
  today: string;
  /** The recorded directives its legal basis links to, as their streams tell them (null: not issued). */
  linked?: Record<string, LinkedDirective | null>;
};

export interface LinkedDirective {
  directiveId: string;
  number: string;
  issuer: string;
  issuedOn: string;
}

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
  requireAgency(registry, data.issuer, 'issuer', issuedOn);
  requireAgency(registry, data.monitoringAgency, 'monitoringAgency', issuedOn);
  data.addressees.forEach((id, i) => requireParty(registry, id, `addressees[${i}]`, issuedOn));
  const basedOn = linkedBases(data, issuedOn);
  const seen = new Set<string>();
  data.tasks.forEach((task, i) => {
    task.lead.forEach((id, j) => requireParty(registry, id, `tasks[${i}].lead[${j}]`, issuedOn));
    task.coordinating.forEach((id, j) => requireParty(registry, id, `tasks[${i}].coordinating[${j}]`, issuedOn));
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
        legalBasis: data.legalBasis.map((b) => (typeof b === 'string' ? b : (b.text ?? (data.linked?.[b.directiveId]?.number as string)))),
        ...(basedOn.length ? { basedOn } : {}),
        addressees: [...data.addressees],
        signer: { name: data.signer.name, capacity: data.signer.capacity ?? null, title: data.signer.title },
        monitoringAgency: data.monitoringAgency,
        issuerOffice: officeOf(registry.agencies, data.issuer),
        registryVersion: registry.version,
        tasks,
        assignments: tasks.flatMap((t) => resolveAssignments(directiveId, t, registry, data.issuer)),
        ...(data.importDraftId ? { importDraftId: data.importDraftId } : {}),
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
  task: Pick<Task, 'number' | 'lead' | 'coordinating' | 'mode'>,
  registry: RegistrySnapshot,
  issuer: string,
): ResolvedAssignment[] {
  const issuerSphere = sphereOf(registry.agencies[issuer]?.kind);
  const result: ResolvedAssignment[] = [];
  const reached = new Set<string>();
  for (const role of ['lead', 'coordinating'] as const) {
    for (const id of task[role]) {
      for (const { agencyId, viaGroup } of resolveParty(registry, id)) {
        if (reached.has(agencyId)) continue;
        reached.add(agencyId);
        const requested = task.mode !== 'de-nghi' && sphereOf(registry.agencies[agencyId]?.kind) === 'party' && issuerSphere !== 'party';
        result.push({
          id: assignmentIdFor(directiveId, task.number, agencyId, role),
          taskNumber: task.number,
          agencyId,
          role,
          viaGroup,
          ...(requested ? { mode: 'de-nghi' as const } : {}),
        });
      }
    }
  }
  return result;
}

function requireAgency(registry: RegistrySnapshot, id: string, field: string, date: string): void {
  if (isAgency(registry, id)) return;
  refuseOutside(registry, id, field, date);
  throw new ValidationError(`${id} is not an agency of registry ${registry.version}`, field);
}

/**
 * An id the registry knows but not on this date: 422, naming when it was
 * valid and, for an agency that had ended, its successors.
 */
function refuseOutside(registry: RegistrySnapshot, id: string, field: string, date: string): void {
  const known = registry.outside && Object.hasOwn(registry.outside, id) ? registry.outside[id] : undefined;
  if (!known) return;
  const on = formatVietnamese(date);
  if (date < known.validFrom)
    throw new RuleViolationError(
      `${id} (${known.name}) begins on ${formatVietnamese(known.validFrom)}, after ${on}`,
      field,
      `is not valid on ${on}`,
    );
  const successors = known.successors.map((s) => (s.duties ? `${s.agencyId} (${s.duties})` : s.agencyId));
  const named = successors.length ? `; its successor${successors.length > 1 ? 's' : ''}: ${successors.join(', ')}` : '';
  throw new RuleViolationError(
    `${id} (${known.name}) ended on ${formatVietnamese(known.validTo as string)}${named}`,
    field,
    successors.length
      ? `ended; address ${known.successors.map((s) => s.agencyId).join(' or ')}`
      : `ended on ${formatVietnamese(known.validTo as string)}`,
  );
}

/** The legal bases linked to recorded directives: each issued, not after this one, and linked once. */
function linkedBases(data: IssueDirectiveData, issuedOn: string): LinkedDirective[] {
  const result: LinkedDirective[] = [];
  const link = (directiveId: string, field: string) => {
    const linked = data.linked?.[directiveId] ?? null;
    if (!linked) throw new RuleViolationError(`No directive ${directiveId} has been recorded`, field, 'is not a recorded directive');
    if (linked.issuedOn > issuedOn)
      throw new RuleViolationError(
        `${linked.number} was issued on ${formatVietnamese(linked.issuedOn)}, after this directive`,
        field,
        'is issued later',
      );
    if (result.some((r) => r.directiveId === linked.directiveId)) throw new ValidationError(`${linked.number} is linked twice`, field);
    result.push({ directiveId: linked.directiveId, number: linked.number, issuer: linked.issuer, issuedOn: linked.issuedOn });
  };
  data.legalBasis.forEach((basis, i) => {
    if (typeof basis !== 'string') link(basis.directiveId, `legalBasis[${i}].directiveId`);
  });
  (data.basedOn ?? []).forEach((directiveId, i) => link(directiveId, `basedOn[${i}]`));
  return result;
}

/** An addressee, lead or coordinating id: an agency, or a group with at least one member, on the date it is addressed. */
export function requireParty(registry: RegistrySnapshot, id: string, field: string, date: string): void {
  if (!isAgency(registry, id) && !isGroup(registry, id)) {
    refuseOutside(registry, id, field, date);
    throw new ValidationError(`${id} is neither an agency nor a group of registry ${registry.version}`, field);
  }
  if (resolveParty(registry, id).length === 0)
    throw new ValidationError(`group ${id} has no members in registry ${registry.version}`, field);
}
