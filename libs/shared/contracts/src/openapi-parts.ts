import { zodToJsonSchema } from 'zod-to-json-schema';
import { z } from 'zod';
import { ASSIGNMENT_ROLES } from './directives';

/** The parts the OpenAPI document is built of: schemas, parameters, and the shapes of a command, a read and an inspection route. */

export const schema = (s: z.ZodTypeAny) => zodToJsonSchema(s, { target: 'openApi3', $refStrategy: 'none' });
export const json = (s: z.ZodTypeAny) => ({ 'application/json': { schema: schema(s) } });
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
export const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem, 503: problem };
export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'A retry with the same key (from the same user, on the same route) answers the first result and writes nothing new',
};
export const correlationId = {
  name: 'X-Correlation-Id',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'Echoed back, logged and recorded on the events written',
};
export const consistencyToken = {
  name: 'X-Consistency-Token',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'Wait until the read model has applied this write',
};
export const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
export const query = (name: string, description: string, extra: object = {}) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string', ...extra },
  description,
});
/** The two parameters of a paged list (docs/security.md, "Pages of a list"); its answer carries `next`. */
export const pageParams = [
  query('limit', 'At most this many (a whole number from 1 to 1000; default 500); 400 naming limit otherwise', {
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    default: 500,
  }),
  query('after', "The page after this cursor: the answer's `next` of the page before (opaque); 400 naming after when it is not one"),
];
export const asOf = query('asOf', 'Business date YYYY-MM-DD (end of that day, Asia/Ho_Chi_Minh); default today', { format: 'date' });
export const knownAt = query(
  'knownAt',
  'Record time: an ISO 8601 instant (Z or an offset such as +07:00), or a date YYYY-MM-DD (end of that day, Asia/Ho_Chi_Minh); the answer counts only the events recorded by then, and echoes it in UTC',
);
export const period = { ...query('period', '2017, 2017-Q1, 2017-H1, 2017-M9 (9 months) or 2017-03'), required: true };
export const calendar = query('calendar', 'decree09 (Decree 09/2019 cut-off windows, 15th→14th) or calendar', {
  enum: ['decree09', 'calendar'],
});
export const role = query('role', 'lead (default) or coordinating', { enum: [...ASSIGNMENT_ROLES] });
export const annualReviewYear = { ...query('year', 'The year YYYY (1900–2100); statuses are judged as of 31/12'), required: true };
export const annualReviewReaders =
  "Inspectors and admins: any agency's; a monitoring officer: any agency's, restricted to the directives their agency issued or monitors (and their own agency's assignments); an agency officer: their own agency's only (403 for another).";
export const changer = 'A monitoring officer of the monitoring agency, the issuer or its office';
export const registryAdmin = 'An admin';
export const healthSchema = z.object({
  status: z.enum(['up', 'down']),
  checks: z.record(z.object({ status: z.enum(['up', 'down']) }).passthrough()),
});

export const command = (summary: string, who: string, body: z.ZodTypeAny, answer: z.ZodTypeAny, params: object[] = [], status = '201') => ({
  post: {
    summary,
    description: `${who}. Authorisation is checked before the body is validated.`,
    parameters: [...params, idempotencyKey, correlationId],
    requestBody: { required: true, content: json(body) },
    responses: { [status]: { description: 'Written; X-Consistency-Token names the write', content: json(answer) }, ...errors },
  },
});
export const read = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => ({
  get: {
    summary,
    description: 'Every role.',
    parameters: [...params, consistencyToken, correlationId],
    responses: { 200: { description: 'OK', content: json(answer) }, ...errors },
  },
});
/** A report read: every role, each reading what concerns its agency (docs/domain.md, "Who reads what"). */
export const scopedRead = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => {
  const route = read(summary, answer, params);
  return {
    get: {
      ...route.get,
      description:
        'Every role, scoped: an agency officer reads the directives addressed to its agency and its own assignments only; a monitoring officer besides all of the directives its agency issued or monitors; inspectors and admins everything. A list leaves out what the caller may not read; a single resource outside it is 403. Every read is recorded in the access log.',
    },
  };
};
export const inspect = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => {
  const route = read(summary, answer, params);
  return { get: { ...route.get, description: 'Inspectors and admins.' } };
};
export const open = (summary: string, type: string, answer: object, extra: object = {}) => ({
  get: { summary, security: [], responses: { 200: { description: 'OK', content: { [type]: { schema: answer } } }, ...extra } },
});
