import { z } from 'zod';
import { nextField } from './pages';
import { agencyId, nameText, optionalText, recordDate, storedDate, text } from './common';

/**
 * The registry context's contract: the events of the registry stream (topic
 * monitoring.registry.v1) and the bodies of its commands (docs/domain.md,
 * "The registry over time").
 */

export const REGISTRY_EVENT_TYPES = {
  agencyCreated: 'registry.agency-created',
  agencyRenamed: 'registry.agency-renamed',
  agencyEnded: 'registry.agency-ended',
  groupCreated: 'registry.group-created',
  groupEnded: 'registry.group-ended',
  groupMembersChanged: 'registry.group-members-changed',
} as const;

/**
 * The kinds of body, and the sphere each belongs to. A body of the party
 * sphere is addressed by request (đề nghị) unless the issuer is of that
 * sphere too; bodies of the central and party spheres, and councils, are
 * recorded by the province's office when they issue.
 */
export const AGENCY_KINDS = {
  province: 'local',
  office: 'local',
  department: 'local',
  district: 'local',
  commune: 'local',
  bank: 'local',
  front: 'local',
  'mass-organisation': 'local',
  'people-council': 'council',
  'prime-minister': 'central',
  government: 'central',
  'central-office': 'central',
  ministry: 'central',
  'party-committee': 'party',
} as const;
export type AgencyKind = keyof typeof AGENCY_KINDS;
export const agencyKindSchema = z.enum(Object.keys(AGENCY_KINDS) as [AgencyKind, ...AgencyKind[]], {
  errorMap: () => ({ message: `must be one of ${Object.keys(AGENCY_KINDS).join(', ')}` }),
});

/** A successor of an ended agency: for all its duties (`duties` null), or for the duty areas named. */
export const successorSchema = z.object({ agencyId: z.string(), duties: z.string().nullable() });
export type Successor = z.infer<typeof successorSchema>;

/** What every registry change carries: why, and on whose authority. */
const change = { reason: z.string(), authorizingDocument: z.string() };

export const agencyCreatedV1 = z.object({
  ...change,
  agencyId: z.string(),
  name: z.string(),
  kind: z.string(),
  parent: z.string().nullable(),
  aliases: z.array(z.string()),
  /** Groups the agency is a member of from its first day. */
  groups: z.array(z.string()),
  validFrom: storedDate,
});
export type AgencyCreated = z.infer<typeof agencyCreatedV1>;

export const agencyRenamedV1 = z.object({
  ...change,
  agencyId: z.string(),
  previousName: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  effectiveOn: storedDate,
});
export type AgencyRenamed = z.infer<typeof agencyRenamedV1>;

/** The agency's last day is `validTo`; its successors take over from the next day. */
export const agencyEndedV1 = z.object({
  ...change,
  agencyId: z.string(),
  validTo: storedDate,
  successors: z.array(successorSchema),
});
export type AgencyEnded = z.infer<typeof agencyEndedV1>;

export const groupCreatedV1 = z.object({ ...change, groupId: z.string(), name: z.string(), validFrom: storedDate });
export type GroupCreated = z.infer<typeof groupCreatedV1>;

export const groupEndedV1 = z.object({ ...change, groupId: z.string(), validTo: storedDate });
export type GroupEnded = z.infer<typeof groupEndedV1>;

/** Members join on `effectiveOn`; members removed have their last day the day before. */
export const groupMembersChangedV1 = z.object({
  ...change,
  groupId: z.string(),
  effectiveOn: storedDate,
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type GroupMembersChanged = z.infer<typeof groupMembersChangedV1>;

export type RegistryEvent =
  | { type: typeof REGISTRY_EVENT_TYPES.agencyCreated; data: AgencyCreated }
  | { type: typeof REGISTRY_EVENT_TYPES.agencyRenamed; data: AgencyRenamed }
  | { type: typeof REGISTRY_EVENT_TYPES.agencyEnded; data: AgencyEnded }
  | { type: typeof REGISTRY_EVENT_TYPES.groupCreated; data: GroupCreated }
  | { type: typeof REGISTRY_EVENT_TYPES.groupEnded; data: GroupEnded }
  | { type: typeof REGISTRY_EVENT_TYPES.groupMembersChanged; data: GroupMembersChanged };

/** Requests of the registry's routes (POST /api/v1/registry/…). */
const changeRequest = { reason: text(1_000), authorizingDocument: text(300) };
/** Ids, each named once. */
const ids = (max: number) =>
  z
    .array(agencyId)
    .max(max)
    .superRefine((list, ctx) =>
      list.forEach((id, i) => {
        if (list.indexOf(id) !== i) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${id} is named twice`, path: [i] });
      }),
    );
const names = z.array(nameText(300)).max(20);
const successors = z
  .array(z.object({ agencyId, duties: optionalText(1_000) }).strict())
  .max(50)
  .default([]);

export const createAgencyRequest = z
  .object({
    ...changeRequest,
    id: agencyId.max(100),
    name: nameText(300),
    kind: agencyKindSchema,
    parent: agencyId.nullable().optional(),
    aliases: names.default([]),
    groups: ids(50).default([]),
    validFrom: recordDate,
  })
  .strict();
export type CreateAgencyRequest = z.infer<typeof createAgencyRequest>;

export const renameAgencyRequest = z
  .object({ ...changeRequest, name: nameText(300), aliases: names.optional(), effectiveOn: recordDate })
  .strict();

export const endAgencyRequest = z
  .object({
    ...changeRequest,
    validTo: recordDate,
    successors,
  })
  .strict();

export const createGroupRequest = z
  .object({ ...changeRequest, id: agencyId.max(100), name: nameText(300), validFrom: recordDate, members: ids(5_000).default([]) })
  .strict();

export const endGroupRequest = z.object({ ...changeRequest, validTo: recordDate }).strict();

export const changeMembersRequest = z
  .object({ ...changeRequest, effectiveOn: recordDate, add: ids(5_000).default([]), remove: ids(5_000).default([]) })
  .strict()
  .refine((r) => r.add.length + r.remove.length > 0, { message: 'name members to add or remove', path: ['add'] });

/** An edition: agencies and groups with their validity, as a file an office keeps (JSON form; CSV rows map onto it). */
export const editionAgencySchema = z
  .object({
    id: agencyId.max(100),
    name: nameText(300),
    kind: agencyKindSchema,
    parent: agencyId.nullable().optional(),
    /** For an agency the registry knows, absent leaves its groups (aliases) as they are. */
    groups: ids(50).optional(),
    aliases: names.optional(),
    validFrom: recordDate.optional(),
    validTo: recordDate.nullable().optional(),
    successors,
  })
  .strict();
export type EditionAgency = z.infer<typeof editionAgencySchema>;

export const editionGroupSchema = z
  .object({ id: agencyId.max(100), name: nameText(300), validFrom: recordDate.optional(), validTo: recordDate.nullable().optional() })
  .strict();
export type EditionGroup = z.infer<typeof editionGroupSchema>;

export const editionSchema = z
  .object({
    registry: text(100).optional(),
    edition: text(100),
    source: optionalText(2_000),
    /** The date rows without their own validFrom start on, and names and memberships that differ take effect on. */
    effectiveOn: recordDate,
    reason: text(1_000),
    authorizingDocument: text(300),
    groups: z.array(editionGroupSchema).max(1_000).default([]),
    agencies: z.array(editionAgencySchema).max(5_000),
  })
  .strict();
export type Edition = z.infer<typeof editionSchema>;

/** Moving an ended agency's open assignments, and the directives it monitors, to one of its successors. */
export const transferRequest = z
  .object({
    ...changeRequest,
    to: agencyId,
    transferredOn: recordDate.optional(),
    /** Only these directives (default: every directive with something to move). */
    directiveIds: z.array(z.string().uuid()).max(10_000).optional(),
  })
  .strict();
export type TransferRequest = z.infer<typeof transferRequest>;

// ---- what the registry routes answer ---------------------------------------

/** Valid from its first day to its last (`validTo`, null while it lasts). */
const dated = { validFrom: z.string(), validTo: z.string().nullable() };
export const agencyResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parent: z.string().nullable(),
  groups: z.array(z.string()),
  aliases: z.array(z.string()),
  ...dated,
  successors: z.array(z.object({ agencyId: z.string(), duties: z.string().nullable() })),
  names: z.array(z.object({ name: z.string(), from: z.string() })),
  asOf: z.string().optional(),
});
export const registryResponse = z.object({
  version: z.string(),
  asOf: z.string().optional(),
  agencies: z.array(agencyResponse),
  groups: z.array(z.object({ id: z.string(), name: z.string(), ...dated })),
  ...nextField,
});
/** What a registry change answers: the events it wrote (none when the registry already said so). */
export const registryChangeResponse = z.object({
  changed: z.boolean(),
  events: z.array(z.object({ eventId: z.string(), revision: z.number().int(), type: z.string(), data: z.record(z.unknown()) })),
});
export const registryTimelineResponse = z.object({
  entries: z.array(
    z.object({
      revision: z.number().int(),
      eventId: z.string(),
      type: z.string(),
      occurredAt: z.string(),
      recordedAt: z.string(),
      actor: z.object({ userId: z.string(), agencyId: z.string().nullable(), role: z.string() }),
      reason: z.string(),
      authorizingDocument: z.string(),
      data: z.record(z.unknown()),
    }),
  ),
  /** The revision to ask `after` for the next page, or null at the end. */
  next: z.number().int().nullable(),
});
export const transferResponse = z.object({
  from: z.string(),
  to: z.string(),
  duties: z.string().nullable(),
  endedOn: z.string().nullable(),
  successorFrom: z.string(),
  transferredOn: z.string(),
  directives: z.array(
    z.object({ directiveId: z.string(), number: z.string(), assignmentIds: z.array(z.string()), monitoring: z.boolean() }),
  ),
  assignments: z.number().int(),
});
export const groupResponse = z.object({
  id: z.string(),
  name: z.string(),
  asOf: z.string(),
  members: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), parent: z.string().nullable(), groups: z.array(z.string()) }),
  ),
});
