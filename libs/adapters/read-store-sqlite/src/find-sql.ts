import type { Condition, Query, Scalar } from '@dm/read-store';
import { jsonField, quoteIdentifier } from './json-field';

export interface Sql {
  text: string;
  params: unknown[];
}

/** SELECT for a query. As in MongoDB, a null condition also matches a missing field, and limit 0 means none. */
export function findSql(table: string, query: Query): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [path, condition] of Object.entries(query.where ?? {})) {
    clauses.push(conditionSql(path, condition, params));
  }
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const order = (query.orderBy ?? []).map(([path, direction]) => `${jsonField(path)} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  const orderBy = ` ORDER BY ${[...order, '_id ASC'].join(', ')}`;
  let limit = '';
  if (query.limit) {
    limit = ' LIMIT ?';
    params.push(query.limit);
  }
  return { text: `SELECT doc FROM ${quoteIdentifier(table)}${where}${orderBy}${limit}`, params };
}

function conditionSql(path: string, condition: Condition, params: unknown[]): string {
  if (condition === null || typeof condition !== 'object') return equalSql(path, condition, params);
  const parts: string[] = [];
  if ('in' in condition) parts.push(inSql(path, condition.in, params));
  else
    for (const [op, sql] of [
      ['lt', '<'],
      ['lte', '<='],
      ['gt', '>'],
      ['gte', '>='],
    ] as const) {
      const bound = condition[op];
      if (bound === undefined) continue;
      parts.push(`${jsonField(path)} ${sql} ?`);
      params.push(bound);
    }
  return parts.length ? parts.join(' AND ') : '1';
}

function equalSql(path: string, value: Scalar, params: unknown[]): string {
  if (value === null) return `${jsonField(path)} IS NULL`;
  if (typeof value === 'boolean') return booleanSql(path, value);
  params.push(value);
  return `${jsonField(path)} = ?`;
}

function booleanSql(path: string, value: boolean): string {
  return `(${jsonField(path)} = ${value ? 1 : 0} AND ${jsonField(path, 'json_type')} = '${value}')`;
}

function inSql(path: string, values: Scalar[], params: unknown[]): string {
  const alternatives: string[] = [];
  const plain = values.filter((v) => typeof v === 'string' || typeof v === 'number');
  if (plain.length) {
    alternatives.push(`${jsonField(path)} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(plain));
  }
  for (const flag of new Set(values.filter((v): v is boolean => typeof v === 'boolean'))) alternatives.push(booleanSql(path, flag));
  if (values.includes(null)) alternatives.push(`${jsonField(path)} IS NULL`);
  return alternatives.length ? `(${alternatives.join(' OR ')})` : '0';
}
