import { zodToJsonSchema } from 'zod-to-json-schema';
import type { z } from 'zod';
import { cancelTaskRequest, changeDeadlineRequest, issueDirectiveRequest } from './directives';
import { completionRequest, confirmationRequest, progressRequest } from './progress';
import { OFFICIAL_STATUSES } from './reporting';

const schema = (s: z.ZodTypeAny) => zodToJsonSchema(s, { target: 'openApi3', $refStrategy: 'none' });
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'A retry with the same key answers the first result and writes nothing new',
};
const consistencyToken = {
  name: 'X-Consistency-Token',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'Wait until the read model has applied this write',
};
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const query = (name: string, description: string, extra: object = {}) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string', ...extra },
  description,
});
const asOf = query('asOf', 'Business date YYYY-MM-DD (end of that day, Asia/Ho_Chi_Minh); default today', { format: 'date' });
const period = { ...query('period', '2017, 2017-Q1, 2017-H1, 2017-M9 (9 months) or 2017-03'), required: true };
const calendar = query('calendar', 'decree09 (Decree 09/2019 cut-off windows, 15th→14th) or calendar', { enum: ['decree09', 'calendar'] });

const command = (summary: string, role: string, body: z.ZodTypeAny, params: object[] = [], status = '201') => ({
  post: {
    summary,
    description: `Role: ${role}. Authorisation is checked before the body is validated.`,
    parameters: [...params, idempotencyKey],
    requestBody: { required: true, content: { 'application/json': { schema: schema(body) } } },
    responses: { [status]: { description: 'Written; X-Consistency-Token names the write' }, ...errors },
  },
});
const read = (summary: string, params: object[] = []) => ({
  get: { summary, parameters: [...params, consistencyToken], responses: { 200: { description: 'OK' }, ...errors } },
});

/** The OpenAPI 3 document of API v1, built from the same schemas that validate requests. */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Theo dõi thực hiện nhiệm vụ (directive implementation monitoring) API',
      version: '1.0.0',
      description:
        'Event-sourced monitoring of tasks assigned by government directives. Dates are YYYY-MM-DD business dates in Asia/Ho_Chi_Minh.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    paths: {
      '/api/v1/directives': {
        ...command('Issue a directive with its tasks; groups fan out to their members', 'monitoring_officer', issueDirectiveRequest),
        ...read('List directives'),
      },
      '/api/v1/directives/{id}': read('A directive with its tasks, assignments and their statuses', [path('id'), asOf]),
      '/api/v1/directives/{id}/tasks/{taskNo}/deadline': command(
        'Extend or change a task deadline',
        'monitoring_officer of the monitoring agency or issuing body',
        changeDeadlineRequest,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/cancel': command(
        'Cancel a task',
        'monitoring_officer of the monitoring agency or issuing body',
        cancelTaskRequest,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/assignments': read('Assignments with their status as of a date', [
        query('agencyId', 'Agency id'),
        query('directiveId', 'Directive id'),
        query('status', 'Official status', { enum: [...OFFICIAL_STATUSES] }),
        asOf,
      ]),
      '/api/v1/assignments/{id}/progress': command('Report progress', 'agency_officer of the assigned agency', progressRequest, [
        path('id'),
      ]),
      '/api/v1/assignments/{id}/completion': command(
        'Report completion (awaits confirmation)',
        'agency_officer of the assigned agency',
        completionRequest,
        [path('id')],
      ),
      '/api/v1/assignments/{id}/confirmation': command(
        'Accept or return a reported completion',
        'monitoring_officer of the monitoring agency or issuing body',
        confirmationRequest,
        [path('id')],
        '200',
      ),
      '/api/v1/reports/summary': read(
        'Period summary: official status counts of live lead assignments as of the period end, lifecycle, coordinating block, rates',
        [period, calendar, query('agencyId', 'Agency id'), query('directiveId', 'Directive id')],
      ),
      '/api/v1/reports/agencies': read('Scorecards by agency for a period', [period, calendar, query('directiveId', 'Directive id')]),
      '/api/v1/audit/assignments/{id}/timeline': read('Every event that changed the assignment, oldest first', [path('id')]),
      '/api/v1/audit/assignments/{id}/state': read('The assignment status as of a date', [path('id'), asOf]),
      '/api/v1/agencies': read('The agency registry'),
      '/health': { get: { summary: 'Health', security: [], responses: { 200: { description: 'Up' }, 503: { description: 'Down' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', security: [], responses: { 200: { description: 'text/plain' } } } },
    },
  };
}
