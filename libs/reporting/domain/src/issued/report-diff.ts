import type { ReportContent } from '@dm/contracts';

/** One figure or row that differs between two revisions: its path, and the value in each (undefined where absent). */
export interface ReportChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** How each list of a report's content is keyed, so a row is compared with the same row. */
const ROW_KEYS: Record<string, string> = {
  scorecards: 'id',
  groups: 'id',
  lateAndOverdue: 'assignmentId',
  requestRows: 'assignmentId',
  submissions: 'agencyId',
  checkpoints: 'store',
  rates: 'name',
};

/**
 * What changed from one revision's content to another's, figure by figure:
 * rows are matched by their key (agency, group, assignment), so an added or
 * removed row is one change, not a shift of every row after it.
 */
export function diffReports(from: ReportContent, to: ReportContent): ReportChange[] {
  const changes: ReportChange[] = [];
  walk(from, to, '', changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: string, out: ReportChange[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) return walkArray(a, b, path, out);
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], join(path, key), out);
    return;
  }
  out.push({ path, from: a, to: b });
}

function walkArray(a: unknown[], b: unknown[], path: string, out: ReportChange[]): void {
  const key = ROW_KEYS[path.split('.').pop() as string];
  if (!key || !a.concat(b).every((row) => isObject(row) && typeof row[key] === 'string')) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, from: a, to: b });
    return;
  }
  const keyed = (rows: unknown[]) => new Map(rows.map((row) => [(row as Record<string, string>)[key], row]));
  const [before, after] = [keyed(a), keyed(b)];
  for (const id of new Set([...before.keys(), ...after.keys()])) walk(before.get(id), after.get(id), `${path}[${id}]`, out);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
