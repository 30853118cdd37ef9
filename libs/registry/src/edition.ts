import { parse } from 'csv-parse/sync';
import { editionSchema, type Edition, type EditionAgency } from '@dm/contracts';
import { RuleViolationError, ValidationError } from '@dm/eventsourcing';
import type { RegistryChange } from './registry.decider';
import { covers, groupsOf, nameOn, sameSuccessors, type AgencyEntry, type RegistryState } from './registry-state';

/** The CSV columns of an edition; rows of kind `group` are groups. Multi-valued cells use `;`, a successor's duties follow `:`. */
export const EDITION_CSV_COLUMNS = ['id', 'name', 'kind', 'parent', 'groups', 'aliases', 'validFrom', 'validTo', 'successors'] as const;

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * An edition from CSV text, with what the file cannot say (its name, the date
 * its differences take effect, why and on whose authority) given apart.
 */
export function editionFromCsv(
  csv: string,
  about: Pick<Edition, 'edition' | 'effectiveOn' | 'reason' | 'authorizingDocument'> & { source?: string },
): unknown {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(csv, { columns: checkedHeader, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`not a CSV edition: ${(error as Error).message}`, 'file');
  }
  const dated = (r: Record<string, string>) => ({
    ...(r.validFrom ? { validFrom: r.validFrom } : {}),
    ...(r.validTo ? { validTo: r.validTo } : {}),
  });
  return {
    ...about,
    groups: rows.filter((r) => r.kind === 'group').map((r) => ({ id: r.id, name: r.name, ...dated(r) })),
    agencies: rows
      .filter((r) => r.kind !== 'group')
      .map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        // An empty cell says nothing: a known agency keeps what it has.
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.groups ? { groups: list(r.groups) } : {}),
        ...(r.aliases ? { aliases: list(r.aliases) } : {}),
        ...dated(r),
        successors: list(r.successors).map((s) => {
          const at = s.indexOf(':');
          return at < 0 ? { agencyId: s, duties: null } : { agencyId: s.slice(0, at).trim(), duties: s.slice(at + 1).trim() || null };
        }),
      })),
  };
}

function checkedHeader(header: string[]): string[] {
  const unknown = header.filter((c) => !(EDITION_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length)
    throw new ValidationError(`unknown columns ${unknown.join(', ')}; the columns are ${EDITION_CSV_COLUMNS.join(', ')}`, 'file');
  return header;
}

/** Parses an edition's JSON form (or the object CSV gave), with every field checked. */
export function parseEdition(value: unknown): Edition {
  const parsed = editionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  throw new ValidationError(`${field || 'the edition'}: ${issue.message}`, field || '(body)');
}

/** New groups, then new agencies each after the new agency that is its parent (a file need not be sorted). */
function parentsFirst(created: EditionChange[]): EditionChange[] {
  const groups = created.filter((c) => c.change.type !== 'CreateAgency');
  const agencies = created.filter((c) => c.change.type === 'CreateAgency');
  const byId = new Map(agencies.map((c) => [c.change.data.id, c]));
  const placed = new Set<string>();
  const ordered: EditionChange[] = [];
  const place = (c: EditionChange, path: Set<string>) => {
    const id = c.change.data.id;
    if (placed.has(id) || path.has(id)) return;
    const parent = c.change.type === 'CreateAgency' ? c.change.data.parent : null;
    const parentRow = parent ? byId.get(parent) : undefined;
    if (parentRow) place(parentRow, new Set([...path, id]));
    placed.add(id);
    ordered.push(c);
  };
  for (const c of agencies) place(c, new Set());
  return [...groups, ...ordered];
}

/** What no change event alters: an edition row for a known agency that states another kind, parent or first day is refused. */
function requireSameRecord(a: EditionAgency, known: AgencyEntry, row: string): void {
  const differs = (field: string, theirs: unknown, ours: unknown) => {
    if (theirs !== undefined && theirs !== ours)
      throw new RuleViolationError(
        `${row}: ${a.id} has ${field} ${String(ours)} in the registry, which no edition changes (end it and create another)`,
        `${row}.${field}`,
        `is ${String(ours)} in the registry`,
      );
  };
  differs('kind', a.kind, known.kind);
  differs('parent', a.parent === undefined ? undefined : (a.parent ?? null), known.parent);
  differs('validFrom', a.validFrom, known.from);
}

/** One change an edition asks for, with the row it comes from (`agencies[3]`), for the refusal to name. */
export interface EditionChange {
  change: RegistryChange;
  row: string;
}

/**
 * The differences between an edition and the registry, as changes in an order
 * that can be decided one after the other: new groups, new agencies (their
 * groups from their first day), renames and membership changes of agencies
 * already known (from the edition's `effectiveOn`), then ends of agencies
 * (their successors exist by then) and of groups. An edition never removes
 * what it does not list, and never reopens what has ended.
 */
export function editionChanges(edition: Edition, state: RegistryState): EditionChange[] {
  const about = { reason: edition.reason, authorizingDocument: edition.authorizingDocument };
  const on = edition.effectiveOn;
  const created: EditionChange[] = [];
  const updated: EditionChange[] = [];
  const ended: EditionChange[] = [];
  const memberships: EditionChange[] = [];
  const member = (row: string, id: string, groupId: string, move: 'add' | 'remove') =>
    memberships.push({
      row,
      change: {
        type: 'ChangeGroupMembers',
        data: { ...about, id: groupId, effectiveOn: on, add: move === 'add' ? [id] : [], remove: move === 'remove' ? [id] : [] },
      },
    });

  edition.groups.forEach((g, i) => {
    const row = `groups[${i}]`;
    const known = Object.hasOwn(state.groups, g.id) ? state.groups[g.id] : undefined;
    if (!known)
      created.push({
        row,
        change: { type: 'CreateGroup', data: { ...about, id: g.id, name: g.name, validFrom: g.validFrom ?? on, members: [] } },
      });
    if (g.validTo && known?.to !== g.validTo)
      ended.push({ row, change: { type: 'EndGroup', data: { ...about, id: g.id, validTo: g.validTo } } });
  });

  /** A row's end, unless the registry already ends the agency so (with the same successors, or the row names none). */
  const endOf = (a: EditionAgency, known: AgencyEntry | undefined, row: string) => {
    if (!a.validTo) return;
    const successors = a.successors.map((s) => ({ agencyId: s.agencyId, duties: s.duties ?? null }));
    const sameEnd = known?.to === a.validTo && (!successors.length || sameSuccessors(known.successors, successors));
    if (!sameEnd) ended.push({ row, change: { type: 'EndAgency', data: { ...about, id: a.id, validTo: a.validTo, successors } } });
  };

  edition.agencies.forEach((a, i) => {
    const row = `agencies[${i}]`;
    const known = Object.hasOwn(state.agencies, a.id) ? state.agencies[a.id] : undefined;
    if (!known) {
      const data = {
        ...about,
        id: a.id,
        name: a.name,
        kind: a.kind,
        parent: a.parent ?? null,
        aliases: a.aliases ?? [],
        groups: a.groups ?? [],
        validFrom: a.validFrom ?? on,
      };
      created.push({ row, change: { type: 'CreateAgency', data } });
      endOf(a, undefined, row);
      return;
    }
    requireSameRecord(a, known, row);
    // Names and groups are compared on the edition's date, for an agency valid then by the registry and by its row.
    if (covers(known, on) && (!a.validTo || on <= a.validTo)) {
      const then = nameOn(known, on);
      const aliases = a.aliases ?? then.aliases;
      if (then.name !== a.name || then.aliases.join(';') !== aliases.join(';'))
        updated.push({ row, change: { type: 'RenameAgency', data: { ...about, id: a.id, name: a.name, aliases, effectiveOn: on } } });
      const before = groupsOf(state, a.id, on);
      const after = a.groups ?? before;
      for (const g of after.filter((g) => !before.includes(g))) member(row, a.id, g, 'add');
      for (const g of before.filter((g) => !after.includes(g))) member(row, a.id, g, 'remove');
    }
    endOf(a, known, row);
  });

  const endedAgencies = ended.filter((e) => e.change.type === 'EndAgency');
  const endedGroups = ended.filter((e) => e.change.type === 'EndGroup');
  return [...parentsFirst(created), ...updated, ...memberships, ...endedAgencies, ...endedGroups];
}
