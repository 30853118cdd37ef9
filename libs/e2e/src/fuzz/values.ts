import fc from 'fast-check';
import { flatten, typeOf, type JsonSchema, type OpenApi } from './schema';
import { hugeText, oddText, vietnamese } from './odd-strings';

/** Realistic values for a field or parameter by its name (ids of the seeded records), when there are any. */
export type Hints = (name: string) => fc.Arbitrary<unknown> | undefined;

export interface ValueContext {
  document: OpenApi;
  hints: Hints;
}

const DATE = /^\^?\\d\{4\}-\\d\{2\}-\\d\{2\}\$?$/;
const isDate = (s: JsonSchema) => s.format === 'date' || (s.pattern !== undefined && DATE.test(s.pattern));

/** A date of the years the seeded letter lives in (2017–2018), sometimes any valid date. */
export const businessDate: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.date({ min: new Date('2017-01-01T00:00:00Z'), max: new Date('2018-12-31T00:00:00Z'), noInvalidDate: true }),
    },
    {
      weight: 1,
      arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
    },
  )
  .map((d) => d.toISOString().slice(0, 10));

const dateTime = fc
  .date({ min: new Date('2017-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', '+07:00')));

/** A value the schema accepts, leaning on the hints so that ids name real records. */
export function valid(schema: JsonSchema, ctx: ValueContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = flatten(schema, ctx.document);
  const hinted = name ? ctx.hints(name) : undefined;
  const base = hinted && typeOf(s) !== 'object' && typeOf(s) !== 'array' ? hinted : validOfType(s, ctx, name, depth);
  return s.nullable ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function validOfType(s: JsonSchema, ctx: ValueContext, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const choices = s.oneOf ?? s.anyOf;
  if (choices) return fc.oneof(...choices.map((c) => valid(c, ctx, name, depth + 1)));
  switch (typeOf(s)) {
    case 'string':
      return validString(s);
    case 'integer':
    case 'number':
      return validNumber(s);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 3);
      const item = s.items ? valid(s.items, ctx, name, depth + 1) : fc.string();
      return fc.array(item, { minLength, maxLength });
    }
    case 'object':
      return validObject(s, ctx, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function validString(s: JsonSchema): fc.Arbitrary<string> {
  if (isDate(s)) return businessDate;
  if (s.format === 'date-time') return dateTime;
  if (s.format === 'uuid') return fc.uuid();
  if (s.pattern) {
    try {
      const pattern = new RegExp(s.pattern);
      return fc.stringMatching(pattern).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern JavaScript cannot read: fall back to text.
    }
  }
  return vietnamese(s.minLength ?? 0, Math.min(s.maxLength ?? 60, (s.minLength ?? 0) + 60));
}

function validNumber(s: JsonSchema): fc.Arbitrary<number> {
  const low = s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : -1000);
  const high = s.maximum ?? (typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : Math.max(low, 0) + 1000);
  const exclusiveLow = s.exclusiveMinimum === true || typeof s.exclusiveMinimum === 'number';
  const exclusiveHigh = s.exclusiveMaximum === true || typeof s.exclusiveMaximum === 'number';
  if (typeOf(s) === 'integer') {
    const min = Math.ceil(low + (exclusiveLow ? 1 : 0));
    const max = Math.floor(high - (exclusiveHigh ? 1 : 0));
    return fc.integer({ min: Math.max(min, -2147483648), max: Math.min(Math.max(max, min), 2147483647) });
  }
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true, minExcluded: exclusiveLow, maxExcluded: exclusiveHigh });
}

function validObject(s: JsonSchema, ctx: ValueContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, valid(child, ctx, key, depth + 1)]));
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
}

/** Values on and just past the schema's bounds: lengths, numbers, item counts, dates that do not exist. */
export function boundary(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  const s = flatten(schema, ctx.document);
  switch (typeOf(s)) {
    case 'string': {
      const lengths = [
        0,
        1,
        s.minLength,
        s.maxLength,
        s.minLength !== undefined ? s.minLength - 1 : undefined,
        s.maxLength !== undefined ? s.maxLength + 1 : undefined,
      ].filter((n): n is number => n !== undefined && n >= 0 && n <= 30000);
      const atLength = fc
        .tuple(fc.constantFrom(...lengths), fc.constantFrom('a', 'ạ', 'Ạ'.normalize('NFD'), ' ', '😀'))
        .map(([n, unit]) => unit.repeat(n).slice(0, unit.length === 1 ? n : undefined));
      const dates = fc.constantFrom(
        '2017-02-29',
        '2016-02-29',
        '2017-04-31',
        '2017-13-01',
        '2017-00-10',
        '0000-01-01',
        '9999-12-31',
        '1899-12-31',
        '2101-01-01',
        '2017-2-3',
        '20170301',
        '2017-03-01T00:00:00Z',
      );
      return isDate(s) || s.format === 'date-time' ? fc.oneof(dates, atLength) : atLength;
    }
    case 'integer':
    case 'number': {
      const edges = [
        0,
        -0,
        -1,
        1,
        0.5,
        s.minimum,
        s.maximum,
        s.minimum !== undefined ? s.minimum - 1 : undefined,
        s.maximum !== undefined ? s.maximum + 1 : undefined,
        2 ** 31,
        2 ** 53 + 2,
        -(2 ** 63),
        1e308,
        Number.MIN_VALUE,
      ];
      return fc.constantFrom(...edges.filter((n): n is number => n !== undefined));
    }
    case 'array': {
      const item = s.items ? valid(s.items, ctx) : fc.constant('x');
      const counts = [0, s.minItems, s.maxItems, s.maxItems !== undefined ? s.maxItems + 1 : 1000].filter(
        (n): n is number => n !== undefined && n <= 2000,
      );
      return fc.tuple(fc.constantFrom(...counts), item).map(([n, v]) => Array.from({ length: n }, () => v));
    }
    case 'object':
      return fc.constantFrom({}, Object.fromEntries(Object.keys(s.properties ?? {}).map((k) => [k, null])));
    default:
      return fc.constantFrom(null, '', 0);
  }
}

/** A value of another type than the schema's. */
export function wrongType(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  const type = typeOf(flatten(schema, ctx.document));
  const others: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 8 }), oddText),
    number: fc.oneof(fc.integer(), fc.double()),
    boolean: fc.boolean(),
    array: fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
    object: fc.constantFrom({}, { a: 1 }, { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), {
      constructor: { prototype: {} },
    }),
    null: fc.constant(null),
  };
  const not = type === 'integer' ? 'number' : type;
  return fc.oneof(
    ...Object.entries(others)
      .filter(([t]) => t !== not)
      .map(([, a]) => a),
  );
}

/**
 * Anything for one place in a request: mostly valid (so handlers run), else a
 * boundary, a wrong type, odd text, or rarely a huge string.
 */
export function anyLeaf(schema: JsonSchema, ctx: ValueContext, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: valid(schema, ctx, name) },
    { weight: 3, arbitrary: boundary(schema, ctx) },
    { weight: 2, arbitrary: wrongType(schema, ctx) },
    { weight: 3, arbitrary: oddText },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const DELETE = Symbol('delete');

/**
 * A valid value with one place made wrong: a property's value mutated (to
 * depth), a required property deleted, an unknown or `__proto__` property
 * added, an array with one item mutated or too many. Huge text is mixed in by
 * `huge` at the caller's rate.
 */
export function mutated(schema: JsonSchema, ctx: ValueContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = flatten(schema, ctx.document);
  const type = typeOf(s);
  if (type === 'object' && s.properties && depth < 6) {
    const keys = Object.keys(s.properties);
    const change = fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .constantFrom(...keys)
          .chain((key) =>
            fc.tuple(
              fc.constant(key),
              fc.oneof(
                { weight: 5, arbitrary: mutated(s.properties![key], ctx, key, depth + 1) },
                { weight: 1, arbitrary: fc.constant<unknown>(DELETE) },
              ),
            ),
          ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('unknownField', '__proto__', 'constructor', 'ID', keys[0] + ' '),
          anyLeaf({ type: 'string' }, ctx),
        ),
      },
    );
    return fc.tuple(validObject(s, ctx, depth), change).map(([object, [key, value]]) => {
      const copy: Record<string, unknown> = { ...object };
      if (value === DELETE) delete copy[key];
      else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      return copy;
    });
  }
  if (type === 'array' && s.items && depth < 6) {
    return fc.oneof(
      fc.tuple(valid(s, ctx, name, depth), mutated(s.items, ctx, name, depth + 1)).map(([items, item]) => [...(items as unknown[]), item]),
      boundary(s, ctx),
      wrongType(s, ctx),
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: boundary(s, ctx) },
    { weight: 2, arbitrary: wrongType(s, ctx) },
    { weight: 3, arbitrary: oddText },
  );
}

/** One of the huge strings, at a place of a valid value (or the whole value). */
export function withHugeText(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  const s = flatten(schema, ctx.document);
  if (typeOf(s) !== 'object' || !s.properties) return hugeText;
  const keys = Object.keys(s.properties);
  return fc.tuple(validObject(s, ctx, 0), fc.constantFrom(...keys), hugeText).map(([object, key, text]) => ({ ...object, [key]: text }));
}
