import type { Actor, Recurrence } from '@dm/contracts';

/** Sources of facts about one assignment: its directive's stream and its own stream. */
export type FactSource = 'd' | 'a';

/** One event, as it concerns one assignment (a timeline entry). */
export interface FactEvent {
  eventId: string;
  source: FactSource;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/**
 * What deriveStatus and the tallies need of one event: its type, place and
 * the few dates and figures they read. The full event is on the timeline.
 */
export interface StatusFact {
  source: FactSource;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  /**
   * When its event was recorded: the start fact's is when the assignment
   * became known. Absent on facts written before read-model version 4 (on
   * the directive's) or 0.2 (on the assignment's): those count as known.
   */
  recordedAt?: string;
}

/**
 * The read model of one assignment (collection `assignments`): its header,
 * and the facts of its directive (source `d`: its start, deadline changes,
 * closure, transfers), keyed by revision. Its own facts (source `a`: progress
 * reports, completions and decisions) are rows of the insert-only collection
 * `assignment_facts` (OwnFactDoc), so a report never grows the document:
 * `rev.a` is the last of them applied, and readers merge them in
 * (withOwnFacts) before anything reads `facts.a`. Each source is guarded by
 * its own revision. Status is never stored: deriveStatus(doc, asOf) computes it.
 */
export interface AssignmentDoc {
  _id: string;
  rev: Partial<Record<FactSource, number>>;
  /** Set from directive.issued; absent while only progress facts have arrived. */
  created?: boolean;
  directiveId?: string;
  directiveNumber?: string;
  issuer?: string;
  /** The issuer's office, which issues and changes in its name (absent before 0.4). */
  issuerOffice?: string | null;
  issuedOn?: string;
  /** The business date the assignment started (absent before 0.2: the issue date). */
  assignedOn?: string;
  /** The directive's monitoring agency as last recorded (a monitoring transfer overwrites it); as known at a time: asKnownAt. */
  monitoringAgency?: string;
  taskNumber?: string;
  /** The task's mode (absent before 0.2: `giao`). */
  mode?: 'giao' | 'yeu-cau' | 'de-nghi';
  /** The task's recurring deadline, when it has one. */
  recurrence?: Recurrence;
  /** The agency assigned; after a transfer the holder on a date is holderOn(doc, date). */
  agencyId?: string;
  /** Set once the assignment has moved to a successor; `heldBy.<agencyId>` marks every successor that has held it. */
  transferred?: boolean;
  heldBy?: Record<string, boolean>;
  role?: 'lead' | 'coordinating';
  viaGroup?: string | null;
  /** `d` as stored; `a` only once its own facts are merged in (withOwnFacts), or on documents written before version 7. */
  facts: Partial<Record<FactSource, Record<string, StatusFact>>>;
}

/** The key of a fact in `facts.<source>`: `r<revision>`. */
export const factKey = (revision: number): string => `r${revision}`;

/**
 * The facts of one source of a document, oldest revision first. Its own
 * facts (`a`) must have been merged in when it has any: reading a document
 * without them would count nothing reported (an Error, not a wrong answer).
 */
export function factsOf(doc: Pick<AssignmentDoc, 'facts'> & Partial<Pick<AssignmentDoc, '_id' | 'rev'>>, source: FactSource): StatusFact[] {
  if (source === 'a' && lacksOwnFacts(doc))
    throw new Error(`assignment ${doc._id}: its own facts (${ASSIGNMENT_FACTS}) were not merged in`);
  return Object.values(doc.facts?.[source] ?? {}).sort((a, b) => a.revision - b.revision);
}

/** The insert-only collection of the assignments' own facts (OwnFactDoc), one row per event. */
export const ASSIGNMENT_FACTS = 'assignment_facts';

/** One own fact of an assignment (a progress report, a completion, a decision on it), as `assignment_facts` keeps it. */
export interface OwnFactDoc {
  /** `<assignmentId>:a:<revision>` (ownFactId). */
  _id: string;
  assignmentId: string;
  directiveId: string | null;
  fact: StatusFact;
}

export const ownFactId = (assignmentId: string, revision: number): string => `${assignmentId}:a:${revision}`;

/** Whether a document has own facts (`rev.a`): rows of `assignment_facts` to merge in. */
export const hasOwnFacts = (doc: Partial<Pick<AssignmentDoc, 'rev'>>): boolean => doc.rev?.a !== undefined;

/** Whether a document has own facts that are not merged in. */
export const lacksOwnFacts = (doc: Pick<AssignmentDoc, 'facts'> & Partial<Pick<AssignmentDoc, 'rev'>>): boolean =>
  hasOwnFacts(doc) && doc.facts?.a === undefined;

/**
 * The document with its own facts merged in from its rows of
 * `assignment_facts`: those up to `rev.a`, the revision the document was
 * written at (a row written ahead of its document is left for later), so the
 * document is read as of one moment. A document written before version 7
 * keeps the facts it holds, and takes the rows of reports applied since (the
 * generation served while a rebuild replays). A document without own facts
 * comes back as it is.
 */
export function withOwnFacts<D extends Pick<AssignmentDoc, 'facts' | 'rev'>>(doc: D, rows: Iterable<Pick<OwnFactDoc, 'fact'>>): D {
  if (!hasOwnFacts(doc)) return doc;
  const upTo = doc.rev.a as number;
  const own = [...rows].map((r) => r.fact).filter((f) => f.revision <= upTo);
  if (!own.length && doc.facts?.a) return doc;
  own.sort((a, b) => a.revision - b.revision);
  const a = { ...(doc.facts?.a ?? {}), ...Object.fromEntries(own.map((f) => [factKey(f.revision), f])) };
  return { ...doc, facts: { ...doc.facts, a } };
}

/** The business date an assignment started (the issue date for documents written before 0.2). */
export const assignedOnOf = (doc: Pick<AssignmentDoc, 'assignedOn' | 'issuedOn'>): string => (doc.assignedOn ?? doc.issuedOn) as string;

/** The agency holding the assignment on a date: the successor of the last transfer effective by then, else the agency assigned. */
export function holderOn(doc: Pick<AssignmentDoc, 'agencyId' | 'facts'>, date: string): string {
  let holder = doc.agencyId as string;
  for (const f of factsOf(doc, 'd'))
    if (f.type === 'directive.assignments-transferred' && (f.data.transferredOn as string) <= date) holder = f.data.to as string;
  return holder;
}
