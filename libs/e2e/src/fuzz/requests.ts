import fc from 'fast-check';
import { flatten, type JsonSchema, type Operation, type Parameter } from './schema';
import { anyLeaf, mutated, valid, withHugeText, wrongType, type ValueContext } from './values';
import { hugeText, oddText } from './odd-strings';
import { deeplyNested, duplicateKeys, formEncoded, invalidUtf8, malformedJson, multipart, OTHER_MEDIA_TYPES } from './raw-bodies';

/** One request as the fuzzer sends it, and what kind of input it is (for the log). */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Which credential it carries: a role that may call the route, another, none or a forged one. */
  credential: string;
  /** What its body is: valid, mutated, duplicate keys, deeply nested, … */
  kind: string;
}

/** A credential the fuzzer may send: its name in the log and its Authorization header (none when absent). */
export interface Credential {
  name: string;
  authorization?: string;
}

export interface RouteContext extends ValueContext {
  /** Credentials of roles that may call the route (most requests carry one). */
  allowed: Credential[];
  /** Every other credential: other roles, none, forged tokens. */
  others: Credential[];
  /**
   * The share of requests generated as they come (default 1); the rest have
   * one part spoiled on purpose. For routes whose success is costly (an xlsx
   * or pdf, a password hash), so that 1,000 requests stay affordable.
   */
  acceptShare?: number;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A path segment as sent: percent-encoded, or a raw form no encoder writes (lone surrogates, broken escapes). */
export const segment = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: send the bytes a lax encoder would (CESU-8), which are not UTF-8.
    return text
      .replace(
        /[\ud800-\udfff]/g,
        (c) =>
          `%ED%${(0xa0 + ((c.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (c.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()}`,
      )
      .replace(/[^\w%-]/g, (c) => encodeURIComponent(c));
  }
};

const BROKEN_SEGMENTS = [
  '%',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%00b',
  '%E2%80%AE',
  '~',
  ';x=1',
  '%20',
  '+',
];

function pathValue(parameter: Parameter, ctx: RouteContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 36, arbitrary: valid(parameter.schema, ctx, parameter.name).map(segment) },
    { weight: 6, arbitrary: fc.oneof(oddText, fc.uuid(), fc.string({ maxLength: 12 })).map(segment) },
    { weight: 3, arbitrary: fc.constantFrom(...BROKEN_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(1024, 21 * 1024).map((n) => 'a'.repeat(n)) },
  );
}

function queryPairs(parameters: Parameter[], ctx: RouteContext): fc.Arbitrary<string[]> {
  const pair = (p: Parameter) => (v: unknown) => `${encodeName(p.name)}=${querySegment(v)}`;
  // Half the requests: every parameter valid or left out, so the route's handler runs.
  const clean = parameters.map((p) =>
    fc.oneof(
      { weight: p.required ? 1 : 4, arbitrary: fc.constant<string[]>([]) },
      { weight: 6, arbitrary: valid(p.schema, ctx, p.name).map((v) => [pair(p)(v)]) },
    ),
  );
  const each = parameters.map((p) => {
    const value = fc.oneof(
      { weight: p.required ? 1 : 6, arbitrary: fc.constant<unknown[]>([]) },
      { weight: 12, arbitrary: valid(p.schema, ctx, p.name).map((v) => [v]) },
      { weight: 6, arbitrary: anyLeaf(p.schema, ctx, p.name).map((v) => (v === undefined ? [] : [v])) },
      { weight: 2, arbitrary: fc.tuple(valid(p.schema, ctx, p.name), anyLeaf(p.schema, ctx, p.name)).map(([a, b]) => [a, b]) },
    );
    return value.map((values) => values.map(pair(p)));
  });
  const extra = fc.oneof(
    { weight: 40, arbitrary: fc.constant<string[]>([]) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ['__proto__[admin]=1'],
        ['constructor[prototype][x]=1'],
        ['a[b][c]=1'],
        ['='],
        ['&&&'],
        ['x'],
        ['%'],
        ['unknown=1'],
        ['asOf[]=2017-01-01'],
      ),
    },
    { weight: 1, arbitrary: fc.constant([`big=${'a'.repeat(25 * 1024)}`]) },
  );
  return fc.oneof(
    fc.tuple(...clean).map((pairs) => pairs.flat()),
    fc.tuple(fc.tuple(...each), extra).map(([pairs, more]) => [...pairs.flat(), ...more]),
  );
}

const encodeName = (name: string) => encodeURIComponent(name);
const querySegment = (value: unknown) =>
  segment(typeof value === 'string' ? value : value === null ? 'null' : (JSON.stringify(value) ?? ''));

interface Body {
  body?: string | Buffer;
  contentType?: string;
  kind: string;
}

function requestBody(operation: Operation, ctx: RouteContext): fc.Arbitrary<Body> {
  const schema: JsonSchema | undefined = operation.requestBody?.content['application/json']?.schema;
  if (!schema) return strayBody;
  const json = (kind: string, value: fc.Arbitrary<unknown>) =>
    value.map((v): Body => ({ body: JSON.stringify(v) ?? '', contentType: 'application/json', kind }));
  const validBody = valid(schema, ctx);
  return fc.oneof(
    { weight: 40, arbitrary: json('valid', validBody) },
    { weight: 30, arbitrary: json('mutated', mutated(schema, ctx)) },
    { weight: 3, arbitrary: json('wrong type', wrongType(schema, ctx)) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(validBody, anyLeaf({ type: 'string' }, ctx))
        .map(([v, other]): Body => ({ body: duplicateKeys(v, other), contentType: 'application/json', kind: 'duplicate keys' })),
    },
    { weight: 3, arbitrary: malformedJson.map((body): Body => ({ body, contentType: 'application/json', kind: 'malformed JSON' })) },
    { weight: 1, arbitrary: invalidUtf8.map((body): Body => ({ body, contentType: 'application/json', kind: 'invalid UTF-8' })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<[number, 'array' | 'object']>([10000, 'array'], [10000, 'object'], [100, 'object'], [65, 'array'])
        .map(([n, k]): Body => ({ body: deeplyNested(n, k), contentType: 'application/json', kind: `nested ${n}` })),
    },
    { weight: 1, arbitrary: json('huge string', withHugeText(schema, ctx)) },
    { weight: 6, arbitrary: fc.tuple(validBody, fc.constantFrom(...OTHER_MEDIA_TYPES)).map(([v, type]) => otherMediaType(v, type)) },
    { weight: 2, arbitrary: validBody.map((v): Body => ({ body: JSON.stringify(v), kind: 'no content type' })) },
    { weight: 2, arbitrary: fc.constantFrom<Body>({ kind: 'no body' }, { body: '', contentType: 'application/json', kind: 'empty body' }) },
    {
      weight: 1,
      arbitrary: validBody.map((v): Body => ({ body: `\ufeff${JSON.stringify(v)}`, contentType: 'application/json', kind: 'BOM' })),
    },
  );
}

function otherMediaType(value: unknown, type: string): Body {
  const json = JSON.stringify(value);
  const body = type.startsWith('multipart') ? multipart(json) : type.includes('urlencoded') ? formEncoded(value) : json;
  return { body, contentType: type, kind: `content-type ${type || '(empty)'}` };
}

/** A body where the route takes none (GET, and the POSTs without one). */
const strayBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 60, arbitrary: fc.constant<Body>({ kind: 'no body' }) },
  {
    weight: 6,
    arbitrary: fc.json({ depthSize: 'small' }).map((body): Body => ({ body, contentType: 'application/json', kind: 'stray JSON' })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...OTHER_MEDIA_TYPES)
      .map((type): Body => ({ body: 'a=1', contentType: type, kind: `stray ${type || '(empty)'}` })),
  },
  {
    weight: 3,
    arbitrary: fc.constant<Body>({ body: deeplyNested(10000, 'array'), contentType: 'application/json', kind: 'stray nested 10000' }),
  },
  { weight: 3, arbitrary: malformedJson.map((body): Body => ({ body, contentType: 'application/json', kind: 'stray malformed' })) },
  { weight: 1, arbitrary: hugeText.map((body): Body => ({ body, contentType: 'text/plain', kind: 'stray huge' })) },
);

const FORGED = [
  'Bearer ',
  'Bearer abc',
  'Bearer a.b.c',
  // alg none, sub admin
  `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"],"agencyId":null}').toString('base64url')}.`,
  'Basic YWRtaW46YWRtaW4=',
  'bearer',
  `Bearer ${'a'.repeat(9000)}`,
  'Bearer \t',
];

function credential(ctx: RouteContext): fc.Arbitrary<Credential> {
  const forged = fc.constantFrom(...FORGED).map((authorization): Credential => ({ name: 'forged', authorization }));
  return fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...ctx.allowed) },
    { weight: 4, arbitrary: fc.constantFrom(...ctx.others) },
    { weight: 2, arbitrary: forged },
  );
}

const headerValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom(' ', 'a'.repeat(201), 'a'.repeat(8000), 'é', '\t'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[\x21-\x7e]+$/.test(s)),
);

/** Extra headers: idempotency keys (good and bad), consistency tokens, odd Accept and a stray cookie. */
function extraHeaders(method: string): fc.Arbitrary<Record<string, string>> {
  const writes = !SAFE.has(method);
  return fc.record(
    {
      'idempotency-key': writes ? fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: headerValue }) : headerValue,
      'x-consistency-token': fc.oneof(
        fc.constantFrom('task-assignment:1:x:0', 'progress-events:999999999:s:1', 'x', ':::', 'reporting:-1:a:b'),
        headerValue,
      ),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/problem+json', ''),
      cookie: fc.constantFrom('dm_session=forged', 'dm_session=', '__proto__=1'),
      'x-csrf-token': fc.constantFrom('x', ''),
    },
    { requiredKeys: [] },
  );
}

/** Every request the fuzzer may send to one route. */
export function requestArbitrary(method: string, url: string, operation: Operation, ctx: RouteContext): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const pathOf = (values: fc.Arbitrary<string>[]) =>
    fc.tuple(...values).map((segments) => {
      let i = 0;
      return url.replace(/:[A-Za-z0-9_]+/g, () => segments[i++]);
    });
  const path = pathOf(pathParameters.map((p) => pathValue(p, ctx)));
  const query = queryPairs(queryParameters, ctx);
  const body = requestBody(operation, ctx);
  const extra = fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraHeaders(method) });
  const normal = fc.record({ path, query, body, credential: credential(ctx), extra });
  const share = ctx.acceptShare ?? 1;
  const parts =
    share >= 1
      ? normal
      : fc.oneof(
          { weight: Math.max(1, Math.round(share * 100)), arbitrary: normal },
          { weight: Math.round((1 - share) * 100), arbitrary: spoiled() },
        );
  return parts.map(({ path, query, body, credential, extra }) => {
    const headers: Record<string, string> = { ...extra };
    if (credential.authorization !== undefined) headers.authorization = credential.authorization;
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    return {
      method,
      path: query.length ? `${path}?${query.join('&')}` : path,
      headers,
      body: body.body,
      credential: credential.name,
      kind: body.kind,
    };
  });

  /** The request with one part made wrong on purpose: another credential, a broken path parameter, required query values or body. */
  function spoiled() {
    const required = queryParameters.filter((p) => p.required);
    const schema = operation.requestBody?.content['application/json']?.schema;
    const kinds = [
      'credential',
      ...(pathParameters.length ? ['path'] : []),
      ...(required.length ? ['query'] : []),
      ...(schema ? ['body'] : []),
    ];
    const odd = fc.oneof(oddText, fc.constantFrom(...BROKEN_SEGMENTS)).map((v) => (BROKEN_SEGMENTS.includes(v) ? v : segment(v)));
    return fc.constantFrom(...kinds).chain((kind) =>
      fc.record({
        path: kind === 'path' ? pathOf(pathParameters.map(() => odd)) : path,
        query: kind === 'query' ? fc.tuple(...required.map((p) => odd.map((v) => `${encodeName(p.name)}=${v}`))) : query,
        body:
          kind === 'body' && schema
            ? fc.oneof(
                mutated(schema, ctx).map((v): Body => ({
                  body: JSON.stringify(v) ?? '',
                  contentType: 'application/json',
                  kind: 'mutated',
                })),
                malformedJson.map((text): Body => ({ body: text, contentType: 'application/json', kind: 'malformed JSON' })),
              )
            : body,
        credential: kind === 'credential' ? fc.constantFrom(...ctx.others) : credential(ctx),
        extra,
      }),
    );
  }
}

/** Flattened once per route, so a bad schema fails before any request. */
export const checkSchema = (operation: Operation, ctx: ValueContext) => {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (schema) flatten(schema, ctx.document);
};
