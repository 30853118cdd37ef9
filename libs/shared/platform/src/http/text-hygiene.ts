import type { FastifyInstance, FastifyRequest } from 'fastify';
import { textFault, tidyText } from '@dm/contracts';
import { problems, type FieldError } from './problem';
import { fieldPath } from './validation';

/**
 * Text hygiene (docs/security.md, "Text and JSON bodies"): every string a
 * request carries, in its JSON body, its path or its query, is well-formed
 * Unicode without control characters (tab and newline aside; CRLF read as
 * LF, a lone CR refused), and is handed on in NFC. A refusal is a 400
 * naming the field the way validation errors do (`tasks[0].number`,
 * `taskNo`, `asOf`), and never quotes it.
 */

/** Keys no JSON body may use: what a merge into a plain object would take for its prototype. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Fields kept as sent (no NFC, no CRLF change): a password is hashed as typed. They are still checked. */
const VERBATIM_KEYS = new Set(['password', 'currentPassword']);

type Part = string | number;
type Container = Record<string, unknown> | unknown[];
/** Where a value sits, kept as a chain to its parent so that a path is only made for a fault. */
type Place = { part: Part; parent: Place } | null;

const pathOf = (place: Place, last?: Part): string => {
  const parts: Part[] = last === undefined ? [] : [last];
  for (let at = place; at; at = at.parent) parts.unshift(at.part);
  return fieldPath(parts) || '(body)';
};

/** Anything textFault or tidyText may have to look at: a control character, a CR, a surrogate, or anything outside ASCII. */
const PLAIN_TEXT = /^[\t\n\x20-\x7e]*$/;

/**
 * A string checked and tidied (./text.ts of the contracts), or its fault.
 * ASCII without controls, most strings of a body, is taken as it is.
 */
function cleanString(value: string, verbatim: boolean): string | { fault: string } {
  if (PLAIN_TEXT.test(value)) return value;
  const fault = textFault(value);
  if (fault) return { fault };
  return verbatim ? value : tidyText(value);
}

/**
 * Checks and tidies every string of a parsed JSON value, keys included,
 * without recursion (the parser has capped its depth). Returns the fault of
 * the first string found at fault, or null once every string was rewritten
 * in place.
 */
export function cleanJsonValue(root: { value: unknown }): FieldError | null {
  if (typeof root.value === 'string') {
    const clean = cleanString(root.value, false);
    if (typeof clean !== 'string') return { field: '(body)', message: clean.fault };
    root.value = clean;
    return null;
  }
  if (root.value === null || typeof root.value !== 'object') return null;
  const pending: Array<{ holder: Container; place: Place; verbatim: boolean }> = [
    { holder: root.value as Container, place: null, verbatim: false },
  ];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { holder, place, verbatim } = item;
    if (Array.isArray(holder)) {
      for (let i = 0; i < holder.length; i++) {
        const value = holder[i];
        if (typeof value === 'string') {
          const clean = cleanString(value, verbatim);
          if (typeof clean !== 'string') return { field: pathOf(place, i), message: clean.fault };
          holder[i] = clean;
        } else if (value !== null && typeof value === 'object')
          pending.push({ holder: value as Container, place: { part: i, parent: place }, verbatim });
      }
      continue;
    }
    for (const key of Object.keys(holder)) {
      const name = cleanString(key, false);
      if (typeof name !== 'string') return { field: pathOf(place, key), message: `is not a usable name: it ${name.fault}` };
      if (RESERVED_KEYS.has(name)) return { field: pathOf(place, name), message: 'is a reserved name, not a field' };
      const value = holder[key];
      let clean: unknown = value;
      if (typeof value === 'string') {
        const text = cleanString(value, VERBATIM_KEYS.has(name));
        if (typeof text !== 'string') return { field: pathOf(place, name), message: text.fault };
        clean = text;
      } else if (value !== null && typeof value === 'object')
        pending.push({ holder: value as Container, place: { part: name, parent: place }, verbatim: VERBATIM_KEYS.has(name) });
      if (name !== key) delete holder[key];
      if (name !== key || clean !== value) holder[name] = clean;
    }
  }
  return null;
}

/** The parameter of a query string that does not percent-decode to UTF-8, or null. */
export function undecodableQueryParameter(rawQuery: string): FieldError | null {
  for (const pair of rawQuery.split('&')) {
    if (!pair.includes('%')) continue;
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const decoded = decodeOrNull(name);
    if (decoded === null) return { field: '(query)', message: 'a parameter name does not percent-decode to UTF-8' };
    if (decodeOrNull(value) === null) return { field: decoded || '(query)', message: 'does not percent-decode to UTF-8' };
  }
  return null;
}

const decodeOrNull = (s: string): string | null => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

/**
 * Checks and tidies path and query parameters in place: what Nest's
 * `@Param()` and `@Query()` then read is NFC. A value Fastify could not
 * decode (a query's `%ED%A0%80`, which it keeps as sent) is refused too.
 */
export function cleanParameters(request: Pick<FastifyRequest, 'params' | 'query' | 'url'>): FieldError | null {
  const params = request.params as Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'string') continue;
    const fault = textFault(value);
    if (fault) return { field: name, message: fault };
    params![name] = tidyText(value);
  }
  const at = request.url.indexOf('?');
  if (at < 0) return null;
  const undecodable = undecodableQueryParameter(request.url.slice(at + 1));
  if (undecodable) return undecodable;
  const query = request.query as Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(query ?? {})) {
    const nameFault = textFault(name);
    if (nameFault) return { field: '(query)', message: `a parameter name ${nameFault}` };
    const values = Array.isArray(value) ? value : [value];
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'string') continue;
      const fault = textFault(values[i]);
      if (fault) return { field: name, message: fault };
      values[i] = tidyText(values[i]);
    }
    query![name] = Array.isArray(value) ? values : values[0];
  }
  return null;
}

/** Refuses (400 problem+json) a request whose path or query parameters are not text, before its route runs. */
export function installTextHygiene(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    const fault = cleanParameters(request);
    if (!fault) return;
    const problem = problems.invalid([fault], 'The URL has a parameter that is not text');
    // The answer ProblemFilter gives; the route, and so the filter, never runs.
    return reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url,
      errors: problem.errors,
    });
  });
}
