import { REGISTRY_EVENT_TYPES as T, type Edition, type RegistryEvent, type Successor } from '@dm/contracts';
import {
  Command,
  DomainError,
  IllegalStateError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
  type Decider,
} from '@dm/eventsourcing';
import { addDays, formatVietnamese } from '@dm/periods';
import { editionChanges } from './edition';
import {
  covers,
  evolveRegistry,
  evolveRegistryMany,
  initialRegistryState,
  nameOn,
  overlaps,
  RegistryDraft,
  sameSuccessors,
  type RegistryState,
} from './registry-state';

/** Why, and on whose authority: every registry change states both. */
export interface Authority {
  reason: string;
  authorizingDocument: string;
}

export type CreateAgencyData = Authority & {
  id: string;
  name: string;
  kind: string;
  parent?: string | null;
  aliases: string[];
  groups: string[];
  validFrom: string;
};
export type RenameAgencyData = Authority & { id: string; name: string; aliases?: string[]; effectiveOn: string };
export type EndAgencyData = Authority & { id: string; validTo: string; successors: Array<{ agencyId: string; duties: string | null }> };
export type CreateGroupData = Authority & { id: string; name: string; validFrom: string; members: string[] };
export type EndGroupData = Authority & { id: string; validTo: string };
export type ChangeMembersData = Authority & { id: string; effectiveOn: string; add: string[]; remove: string[] };

export class CreateAgency extends Command<'CreateAgency', CreateAgencyData> {
  readonly type = 'CreateAgency';
}
export class RenameAgency extends Command<'RenameAgency', RenameAgencyData> {
  readonly type = 'RenameAgency';
}
export class EndAgency extends Command<'EndAgency', EndAgencyData> {
  readonly type = 'EndAgency';
}
export class CreateGroup extends Command<'CreateGroup', CreateGroupData> {
  readonly type = 'CreateGroup';
}
export class EndGroup extends Command<'EndGroup', EndGroupData> {
  readonly type = 'EndGroup';
}
export class ChangeGroupMembers extends Command<'ChangeGroupMembers', ChangeMembersData> {
  readonly type = 'ChangeGroupMembers';
}
/** Loads an edition: each difference from the registry becomes a change event, all or none. */
export class ImportEdition extends Command<'ImportEdition', Edition> {
  readonly type = 'ImportEdition';
}

export type RegistryCommand = CreateAgency | RenameAgency | EndAgency | CreateGroup | EndGroup | ChangeGroupMembers | ImportEdition;
/** A registry change without its metadata: what an edition's differences are made of. */
export type RegistryChange =
  | { type: 'CreateAgency'; data: CreateAgencyData }
  | { type: 'RenameAgency'; data: RenameAgencyData }
  | { type: 'EndAgency'; data: EndAgencyData }
  | { type: 'CreateGroup'; data: CreateGroupData }
  | { type: 'EndGroup'; data: EndGroupData }
  | { type: 'ChangeGroupMembers'; data: ChangeMembersData };

const dmy = formatVietnamese;
const spanText = (s: { from: string; to: string | null }) => `${dmy(s.from)}–${s.to ? dmy(s.to) : '…'}`;

function requireKnownAgency(state: RegistryState, id: string, field: string, status: 'not_found' | 'rule' = 'rule') {
  const agency = Object.hasOwn(state.agencies, id) ? state.agencies[id] : undefined;
  if (agency) return agency;
  if (status === 'not_found') throw new NotFoundError(`No agency ${id}`, field);
  throw new ValidationError(`${id} is not an agency of the registry`, field, 'is not an agency of the registry');
}

function requireValidOn(state: RegistryState, id: string, date: string, field: string) {
  const agency = requireKnownAgency(state, id, field);
  if (!covers(agency, date))
    throw new RuleViolationError(`${id} is valid ${spanText(agency)}, not on ${dmy(date)}`, field, `is not valid on ${dmy(date)}`);
  return agency;
}

function requireNewId(state: RegistryState, id: string, from: string) {
  const taken = Object.hasOwn(state.agencies, id) ? state.agencies[id] : Object.hasOwn(state.groups, id) ? state.groups[id] : undefined;
  if (!taken) return;
  const what = Object.hasOwn(state.agencies, id) ? 'an agency' : 'a group';
  if (overlaps(taken, { from, to: null }))
    throw new IllegalStateError(`${id} is already ${what}, valid ${spanText(taken)}: the validity would overlap`, 'id');
  throw new IllegalStateError(`${id} was ${what}, valid ${spanText(taken)}: an id is never reused, give a new one`, 'id');
}

function requireGroupOn(state: RegistryState, id: string, date: string, field: string) {
  const group = Object.hasOwn(state.groups, id) ? state.groups[id] : undefined;
  if (!group) throw new ValidationError(`${id} is not a group of the registry`, field, 'is not a group of the registry');
  if (!covers(group, date))
    throw new RuleViolationError(
      `group ${id} exists ${spanText(group)}: nothing can be a member of it on ${dmy(date)}`,
      field,
      `is not a group on ${dmy(date)}`,
    );
  return group;
}

function requireDistinct(ids: string[], field: string) {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new ValidationError(`${id} is named twice`, `${field}[${i}]`);
  });
}

function decideCreateAgency(d: CreateAgencyData, state: RegistryState): RegistryEvent[] {
  requireNewId(state, d.id, d.validFrom);
  if (d.parent) requireValidOn(state, d.parent, d.validFrom, 'parent');
  requireDistinct(d.groups, 'groups');
  d.groups.forEach((g, i) => requireGroupOn(state, g, d.validFrom, `groups[${i}]`));
  const { reason, authorizingDocument } = d;
  return [
    {
      type: T.agencyCreated,
      data: {
        agencyId: d.id,
        name: d.name,
        kind: d.kind,
        parent: d.parent ?? null,
        aliases: [...d.aliases],
        groups: [...d.groups],
        validFrom: d.validFrom,
        reason,
        authorizingDocument,
      },
    },
  ];
}

function decideRename(d: RenameAgencyData, state: RegistryState): RegistryEvent[] {
  const agency = requireKnownAgency(state, d.id, 'id', 'not_found');
  if (!covers(agency, d.effectiveOn))
    throw new RuleViolationError(
      `${d.id} is valid ${spanText(agency)}, not on ${dmy(d.effectiveOn)}`,
      'effectiveOn',
      'is outside its validity',
    );
  const last = agency.names[agency.names.length - 1];
  const current = nameOn(agency, d.effectiveOn);
  const aliases = d.aliases ?? current.aliases;
  if (current.name === d.name && sameList(current.aliases, aliases)) return [];
  if (d.effectiveOn <= last.from)
    throw new RuleViolationError(
      `${d.id} was last named on ${dmy(last.from)} ("${last.name}"): a new name takes effect after it`,
      'effectiveOn',
      `must be after ${dmy(last.from)}`,
    );
  const { reason, authorizingDocument } = d;
  return [
    {
      type: T.agencyRenamed,
      data: {
        agencyId: d.id,
        previousName: current.name,
        name: d.name,
        aliases: [...aliases],
        effectiveOn: d.effectiveOn,
        reason,
        authorizingDocument,
      },
    },
  ];
}

function decideEnd(d: EndAgencyData, state: RegistryState): RegistryEvent[] {
  const agency = requireKnownAgency(state, d.id, 'id', 'not_found');
  if (agency.to !== null) {
    if (agency.to === d.validTo && sameSuccessors(agency.successors, d.successors)) return [];
    throw new IllegalStateError(`${d.id} already ended on ${dmy(agency.to)}`, 'validTo');
  }
  const lastNamed = agency.names[agency.names.length - 1].from;
  if (d.validTo < lastNamed)
    throw new RuleViolationError(
      `${d.id} was valid or renamed on ${dmy(lastNamed)}: it cannot end before`,
      'validTo',
      `must not be before ${dmy(lastNamed)}`,
    );
  for (const predecessor of Object.values(state.agencies)) {
    const takesOver = predecessor.to && predecessor.successors.some((s) => s.agencyId === d.id) ? addDays(predecessor.to, 1) : null;
    if (takesOver && d.validTo < takesOver)
      throw new RuleViolationError(
        `${d.id} succeeds ${predecessor.id} from ${dmy(takesOver)}: it cannot end before`,
        'validTo',
        `must not be before ${dmy(takesOver)}`,
      );
  }
  const next = addDays(d.validTo, 1);
  requireDistinct(
    d.successors.map((s) => s.agencyId),
    'successors',
  );
  d.successors.forEach((s, i) => {
    if (s.agencyId === d.id) throw new ValidationError(`${d.id} cannot succeed itself`, `successors[${i}].agencyId`);
    requireValidOn(state, s.agencyId, next, `successors[${i}].agencyId`);
    if (d.successors.length > 1 && !s.duties)
      throw new ValidationError('with several successors, each names the duties it takes over', `successors[${i}].duties`);
  });
  const successors: Successor[] = d.successors.map((s) => ({ agencyId: s.agencyId, duties: s.duties ?? null }));
  const { reason, authorizingDocument } = d;
  return [{ type: T.agencyEnded, data: { agencyId: d.id, validTo: d.validTo, successors, reason, authorizingDocument } }];
}

function decideCreateGroup(d: CreateGroupData, state: RegistryState): RegistryEvent[] {
  requireNewId(state, d.id, d.validFrom);
  const { reason, authorizingDocument } = d;
  const created: RegistryEvent = {
    type: T.groupCreated,
    data: { groupId: d.id, name: d.name, validFrom: d.validFrom, reason, authorizingDocument },
  };
  if (!d.members.length) return [created];
  const members = decideMembers(
    { id: d.id, effectiveOn: d.validFrom, add: d.members, remove: [], reason, authorizingDocument },
    evolveRegistry(state, created),
  );
  return [created, ...members];
}

function decideEndGroup(d: EndGroupData, state: RegistryState): RegistryEvent[] {
  const group = Object.hasOwn(state.groups, d.id) ? state.groups[d.id] : undefined;
  if (!group) throw new NotFoundError(`No group ${d.id}`, 'id');
  if (group.to !== null) {
    if (group.to === d.validTo) return [];
    throw new IllegalStateError(`group ${d.id} already ended on ${dmy(group.to)}`, 'validTo');
  }
  const lastJoined = group.members.reduce((last, m) => (m.from > last ? m.from : last), group.from);
  if (d.validTo < group.from)
    throw new RuleViolationError(
      `group ${d.id} begins on ${dmy(group.from)}: it cannot end before`,
      'validTo',
      `must not be before ${dmy(group.from)}`,
    );
  if (d.validTo < lastJoined)
    throw new RuleViolationError(
      `group ${d.id} has a member from ${dmy(lastJoined)}: it cannot end before`,
      'validTo',
      `must not be before ${dmy(lastJoined)}`,
    );
  const { reason, authorizingDocument } = d;
  return [{ type: T.groupEnded, data: { groupId: d.id, validTo: d.validTo, reason, authorizingDocument } }];
}

function decideMembers(d: ChangeMembersData, state: RegistryState): RegistryEvent[] {
  const group = Object.hasOwn(state.groups, d.id) ? state.groups[d.id] : undefined;
  if (!group) throw new NotFoundError(`No group ${d.id}`, 'id');
  if (!covers(group, d.effectiveOn))
    throw new RuleViolationError(
      `group ${d.id} exists ${spanText(group)}: its members cannot change on ${dmy(d.effectiveOn)}`,
      'effectiveOn',
      `is outside the group's validity`,
    );
  requireDistinct(d.add, 'add');
  requireDistinct(d.remove, 'remove');
  const joining: (typeof group.members)[number] = { agencyId: '', from: d.effectiveOn, to: null };
  d.add.forEach((id, i) => {
    if (d.remove.includes(id)) throw new ValidationError(`${id} is both added and removed`, `add[${i}]`);
    requireValidOn(state, id, d.effectiveOn, `add[${i}]`);
    const clash = group.members.find((m) => m.agencyId === id && overlaps(m, joining));
    if (clash) throw new IllegalStateError(`${id} is a member of ${d.id} ${spanText(clash)}: the membership would overlap`, `add[${i}]`);
  });
  d.remove.forEach((id, i) => {
    const open = group.members.find((m) => m.agencyId === id && m.to === null);
    if (!open) throw new RuleViolationError(`${id} is not a member of ${d.id}`, `remove[${i}]`, 'is not a member');
    if (open.from >= d.effectiveOn)
      throw new RuleViolationError(
        `${id} joined ${d.id} on ${dmy(open.from)}: it can leave after that day`,
        `remove[${i}]`,
        `joined on ${dmy(open.from)}`,
      );
  });
  const { reason, authorizingDocument } = d;
  return [
    {
      type: T.groupMembersChanged,
      data: { groupId: d.id, effectiveOn: d.effectiveOn, added: [...d.add], removed: [...d.remove], reason, authorizingDocument },
    },
  ];
}

/** Decides one change (not an import). */
export function decideChange(change: RegistryChange, state: RegistryState): RegistryEvent[] {
  switch (change.type) {
    case 'CreateAgency':
      return decideCreateAgency(change.data, state);
    case 'RenameAgency':
      return decideRename(change.data, state);
    case 'EndAgency':
      return decideEnd(change.data, state);
    case 'CreateGroup':
      return decideCreateGroup(change.data, state);
    case 'EndGroup':
      return decideEndGroup(change.data, state);
    case 'ChangeGroupMembers':
      return decideMembers(change.data, state);
  }
}

/** Every difference of the edition, decided in order on the registry as the earlier ones left it; a refusal names the edition's row. */
export function decideImport(edition: Edition, state: RegistryState): RegistryEvent[] {
  const events: RegistryEvent[] = [];
  const draft = new RegistryDraft(state);
  for (const { change, row } of editionChanges(edition, state)) {
    let decided: RegistryEvent[];
    try {
      decided = decideChange(change, draft.state);
    } catch (error) {
      throw atRow(error, row);
    }
    events.push(...decided);
    for (const event of decided) draft.apply(event);
  }
  return events;
}

/** A refusal of one of an edition's changes, named by the row it comes from (`agencies[3].validTo`). */
function atRow(error: unknown, row: string): unknown {
  if (!(error instanceof DomainError)) return error;
  const Kind = error.constructor as new (message: string, field?: string, fieldMessage?: string) => DomainError;
  return new Kind(`${row}: ${error.message}`, `${row}.${error.field ?? 'id'}`, error.fieldMessage);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** The registry's one stream: agencies and groups with dated validity, names and memberships (docs/domain.md, "The registry over time"). */
export const registryDecider: Decider<RegistryState, RegistryCommand, RegistryEvent> = {
  decide: (command, state) =>
    command.type === 'ImportEdition' ? decideImport(command.data, state) : decideChange(command as RegistryChange, state),
  evolve: evolveRegistry,
  evolveMany: evolveRegistryMany,
  initialState: initialRegistryState,
};
