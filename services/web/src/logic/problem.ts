/**
 * RFC 9457 problems as the API answers them (application/problem+json,
 * libs/shared/platform/src/http/problem.filter.ts), and their field errors
 * placed beside the form fields they name.
 */

export interface FieldProblem {
  /** A JSON path into the request: "tasks[2].lead[0]", "reportedOn", or "(body)". */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: FieldProblem[];
}

export type NamePath = Array<string | number>;

/** A form field a problem may name; `'*'` stands for any index of a list. */
export type FieldPattern = Array<string | number | '*'>;

export interface FieldError {
  path: NamePath;
  message: string;
}

export interface PlacedErrors {
  /** Errors beside a form field, by the field's name. */
  fields: Array<{ name: NamePath; errors: string[] }>;
  /** Errors no field of the form shows: said above the form. */
  general: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Reads a problem answer, whatever of it is there: `errors` items may name `field` or `path`. */
export function readProblem(status: number, body: unknown): Problem {
  const record = isRecord(body) ? body : {};
  const errors = Array.isArray(record.errors) ? record.errors.filter(isRecord) : [];
  return {
    type: typeof record.type === 'string' ? record.type : 'about:blank',
    title: typeof record.title === 'string' ? record.title : `HTTP ${status}`,
    status: typeof record.status === 'number' ? record.status : status,
    ...(typeof record.detail === 'string' ? { detail: record.detail } : {}),
    ...(typeof record.instance === 'string' ? { instance: record.instance } : {}),
    errors: errors.map((e) => ({
      field: typeof e.field === 'string' ? e.field : typeof e.path === 'string' ? e.path : '(body)',
      message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
    })),
  };
}

/** "tasks[2].lead[0]" → ['tasks', 2, 'lead', 0]; "(body)" and "" → []. */
export function parseFieldPath(field: string): NamePath {
  if (!field || field === '(body)') return [];
  const path: NamePath = [];
  for (const [, name, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(index !== undefined ? Number(index) : name);
  return path;
}

export const problemErrors = (problem: Problem): FieldError[] =>
  problem.errors.map((e) => ({ path: parseFieldPath(e.field), message: e.message }));

/** Zod issues (from a client-side parse with the request schema) as field errors. */
export const zodErrors = (issues: Array<{ path: Array<string | number>; message: string }>): FieldError[] =>
  issues.map((issue) => ({ path: [...issue.path], message: issue.message }));

function matches(pattern: FieldPattern, path: NamePath): boolean {
  return pattern.length <= path.length && pattern.every((part, i) => (part === '*' ? typeof path[i] === 'number' : part === path[i]));
}

/**
 * Each error beside the form field whose pattern is the longest prefix of
 * its path (a list of agencies shows the error of `lead[0]` at `lead`); the
 * rest as general messages. Messages are translated by `translate`.
 */
export function placeErrors(errors: FieldError[], fields: FieldPattern[], translate: (message: string) => string = (m) => m): PlacedErrors {
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const general: string[] = [];
  for (const error of errors) {
    const pattern = fields.filter((f) => matches(f, error.path)).sort((a, b) => b.length - a.length)[0];
    const message = translate(error.message);
    if (!pattern) {
      general.push(error.path.length ? `${error.path.join('.')}: ${message}` : message);
      continue;
    }
    const name = error.path.slice(0, pattern.length);
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], general };
}

/**
 * The fields a change of values touched, as AntD's onValuesChange gives it
 * (nested objects, sparse lists): one path per changed leaf; a list of
 * plain values (the agencies of a multiple select) is one leaf.
 */
export function changedPaths(changed: unknown, prefix: NamePath = []): NamePath[] {
  if (Array.isArray(changed)) {
    if (changed.every((item) => item === undefined || item === null || typeof item !== 'object')) return [prefix];
    return changed.flatMap((item, index) => (item === undefined ? [] : changedPaths(item, [...prefix, index])));
  }
  if (changed && typeof changed === 'object' && !('format' in changed)) {
    return Object.entries(changed).flatMap(([name, value]) => changedPaths(value, [...prefix, name]));
  }
  return [prefix];
}

const startsWith = (path: NamePath, prefix: NamePath) => prefix.length <= path.length && prefix.every((part, i) => part === path[i]);

/** The names of fields showing errors that a change of these paths concerns: the error goes once the person edits the field. */
export const touchedBy = (shown: NamePath[], changed: NamePath[]): NamePath[] =>
  shown.filter((name) => changed.some((path) => startsWith(path, name) || startsWith(name, path)));
