import { zodToJsonSchema } from 'zod-to-json-schema';
import { z } from 'zod';
import {
  addAgencyRequest,
  ASSIGNMENT_ROLES,
  addTaskRequest,
  amendmentResponse,
  cancelTaskRequest,
  changeDeadlineRequest,
  changeLeadRequest,
  correctTextRequest,
  deadlineChangedResponse,
  revokeRequest,
  supersedeRequest,
  issueDirectiveRequest,
  issuedDirectiveResponse,
  taskCancelledResponse,
} from './directives';
import {
  agencyResponse,
  changeMembersRequest,
  createAgencyRequest,
  createGroupRequest,
  editionSchema,
  endAgencyRequest,
  endGroupRequest,
  groupResponse,
  registryChangeResponse,
  registryResponse,
  registryTimelineResponse,
  renameAgencyRequest,
  transferRequest,
  transferResponse,
} from './registry';
import {
  accessLogResponse,
  changesResponse,
  eventTimelineResponse,
  checkpointsResponse,
  consistencyProofResponse,
  inclusionProofResponse,
  publicKeyResponse,
  treeResponse,
  verifyProgressResponse,
  verifyResponse,
} from './audit';
import { completionRequest, confirmationRequest, progressRequest, reopenRequest, writtenEventResponse } from './progress';
import { ANNUAL_REVIEW_FORMATS, annualReviewResponse } from './annual-review';
import {
  assignmentsResponse,
  LIFECYCLE_STAGES,
  directiveListResponse,
  directiveResponse,
  OFFICIAL_STATUSES,
  rebuildResponse,
  rebuildStatusSchema,
  scorecardsResponse,
  stateResponse,
  summaryResponse,
  taskTimelineResponse,
  timelineResponse,
} from './reporting';

const schema = (s: z.ZodTypeAny) => zodToJsonSchema(s, { target: 'openApi3', $refStrategy: 'none' });
const json = (s: z.ZodTypeAny) => ({ 'application/json': { schema: schema(s) } });
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem, 503: problem };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'A retry with the same key (from the same user, on the same route) answers the first result and writes nothing new',
};
const correlationId = {
  name: 'X-Correlation-Id',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'Echoed back, logged and recorded on the events written',
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
const knownAt = query(
  'knownAt',
  'Record time: an ISO 8601 instant (Z or an offset such as +07:00), or a date YYYY-MM-DD (end of that day, Asia/Ho_Chi_Minh); the answer counts only the events recorded by then, and echoes it in UTC',
);
const period = { ...query('period', '2017, 2017-Q1, 2017-H1, 2017-M9 (9 months) or 2017-03'), required: true };
const calendar = query('calendar', 'decree09 (Decree 09/2019 cut-off windows, 15th→14th) or calendar', { enum: ['decree09', 'calendar'] });
const role = query('role', 'lead (default) or coordinating', { enum: [...ASSIGNMENT_ROLES] });
const annualReviewYear = { ...query('year', 'The year YYYY (1900–2100); statuses are judged as of 31/12'), required: true };
const annualReviewReaders =
  "Inspectors and admins: any agency's; a monitoring officer: any agency's, restricted to the directives their agency issued or monitors (and their own agency's assignments); an agency officer: their own agency's only (403 for another).";
const changer = 'A monitoring officer of the monitoring agency, the issuer or its office';
const registryAdmin = 'An admin';
const healthSchema = z.object({
  status: z.enum(['up', 'down']),
  checks: z.record(z.object({ status: z.enum(['up', 'down']) }).passthrough()),
});

const command = (summary: string, who: string, body: z.ZodTypeAny, answer: z.ZodTypeAny, params: object[] = [], status = '201') => ({
  post: {
    summary,
    description: `${who}. Authorisation is checked before the body is validated.`,
    parameters: [...params, idempotencyKey, correlationId],
    requestBody: { required: true, content: json(body) },
    responses: { [status]: { description: 'Written; X-Consistency-Token names the write', content: json(answer) }, ...errors },
  },
});
const read = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => ({
  get: {
    summary,
    description: 'Every role.',
    parameters: [...params, consistencyToken, correlationId],
    responses: { 200: { description: 'OK', content: json(answer) }, ...errors },
  },
});
/** A report read: every role, each reading what concerns its agency (docs/domain.md, "Who reads what"). */
const scopedRead = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => {
  const route = read(summary, answer, params);
  return {
    get: {
      ...route.get,
      description:
        'Every role, scoped: an agency officer reads the directives addressed to its agency and its own assignments only; a monitoring officer besides all of the directives its agency issued or monitors; inspectors and admins everything. A list leaves out what the caller may not read; a single resource outside it is 403. Every read is recorded in the access log.',
    },
  };
};
const inspect = (summary: string, answer: z.ZodTypeAny, params: object[] = []) => {
  const route = read(summary, answer, params);
  return { get: { ...route.get, description: 'Inspectors and admins.' } };
};
const open = (summary: string, type: string, answer: object, extra: object = {}) => ({
  get: { summary, security: [], responses: { 200: { description: 'OK', content: { [type]: { schema: answer } } }, ...extra } },
});

/** The OpenAPI 3 document of API v1: every route, built from the same schemas that validate requests and type answers. */
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
        ...command(
          'Issue a directive with its tasks; groups fan out to their members',
          'A monitoring officer of the issuer or of its office',
          issueDirectiveRequest,
          issuedDirectiveResponse,
        ),
        ...scopedRead('List directives (with knownAt, those recorded by then)', directiveListResponse, [knownAt]),
      },
      '/api/v1/directives/{id}': scopedRead(
        'A directive as of a date: its tasks as amended by then, its assignments (lead, or coordinating when asked) and their statuses; 404 before its issue date',
        directiveResponse,
        [path('id'), asOf, role, knownAt],
      ),
      '/api/v1/directives/{id}/tasks': command(
        'Add a task after issue, effective from effectiveOn',
        changer,
        addTaskRequest,
        amendmentResponse,
        [path('id')],
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/agencies': command(
        'Add an agency (or a group) to a task, lead or coordinating, effective from effectiveOn',
        changer,
        addAgencyRequest,
        amendmentResponse,
        [path('id'), path('taskNo')],
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/lead': command(
        "Change a task's lead: the old lead assignments end, new ones start, from effectiveOn",
        changer,
        changeLeadRequest,
        amendmentResponse,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/text': command(
        "Correct a task's text, from effectiveOn",
        changer,
        correctTextRequest,
        amendmentResponse,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/directives/{id}/supersede': command(
        'Supersede the directive by another issued one: its open assignments close as superseded from effectiveOn',
        changer,
        supersedeRequest,
        amendmentResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/directives/{id}/revoke': command(
        'Revoke the directive: its open assignments close as revoked from effectiveOn',
        changer,
        revokeRequest,
        amendmentResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/deadline': command(
        "Extend or change a task's deadline, or one agency's (agencyId), in force from changedOn",
        'A monitoring officer of the monitoring agency, the issuer or its office',
        changeDeadlineRequest,
        deadlineChangedResponse,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/directives/{id}/tasks/{taskNo}/cancel': command(
        'Cancel a task, or remove one agency from it (agencyId), from cancelledOn',
        'A monitoring officer of the monitoring agency, the issuer or its office',
        cancelTaskRequest,
        taskCancelledResponse,
        [path('id'), path('taskNo')],
        '200',
      ),
      '/api/v1/assignments': scopedRead('Assignments with their status as of a date', assignmentsResponse, [
        query('agencyId', 'Agency id'),
        query('directiveId', 'Directive id'),
        query('status', 'Official status (never matches a closed or coordinating assignment)', { enum: [...OFFICIAL_STATUSES] }),
        query('lifecycle', 'Stage; closed ones (cancelled, superseded, revoked) are listed only when asked for here', {
          enum: [...LIFECYCLE_STAGES],
        }),
        role,
        asOf,
        knownAt,
      ]),
      '/api/v1/assignments/{id}/progress': command(
        'Report progress',
        'An agency officer of the assigned agency; or a monitoring officer of the monitoring agency, the issuer or its office recording its paper report (incomingDocument required)',
        progressRequest,
        writtenEventResponse,
        [path('id')],
      ),
      '/api/v1/assignments/{id}/completion': command(
        'Report completion (awaits confirmation); after a return or reopening, dated on or after it (else 422)',
        'An agency officer of the assigned lead agency; or a monitoring officer of the monitoring agency, the issuer or its office recording its paper report (incomingDocument required)',
        completionRequest,
        writtenEventResponse,
        [path('id')],
      ),
      '/api/v1/assignments/{id}/confirmation': command(
        'Accept or return a reported completion',
        'A monitoring officer of the monitoring agency, the issuer or its office',
        confirmationRequest,
        writtenEventResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/assignments/{id}/reopen': command(
        'Reopen an accepted completion: from reopenedOn the assignment is not completed',
        changer,
        reopenRequest,
        writtenEventResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/reports/summary': scopedRead(
        'Period summary as of the period end: the official block (lead assignments of orders), requests (đề nghị) and coordinating assignments beside; carried over and new; rates naming their terms',
        summaryResponse,
        [period, calendar, query('agencyId', 'Agency id'), query('directiveId', 'Directive id'), knownAt],
      ),
      '/api/v1/reports/agencies': scopedRead('Scorecards by agency for a period', scorecardsResponse, [
        period,
        calendar,
        query('directiveId', 'Directive id'),
        knownAt,
      ]),
      '/api/v1/reports/annual-review': {
        get: {
          ...read(
            'The annual review (kiểm điểm) of a year, per agency: every assignment of the year judged as of 31/12, the late, overdue, extended-after-due, returned and recorded-late ones with their timelines, rates naming their terms',
            annualReviewResponse,
            [annualReviewYear, query('agencyId', 'One agency (an agency officer: their own, the default)'), knownAt],
          ).get,
          description: annualReviewReaders,
        },
      },
      '/api/v1/reports/annual-review/export': {
        get: {
          summary:
            'Export the annual review: CSV for Excel (UTF-8 with BOM, one row per assignment, dates dd/mm/yyyy) or JSON lines (one per agency)',
          description: annualReviewReaders,
          parameters: [
            annualReviewYear,
            query('agencyId', 'One agency (an agency officer: their own, the default)'),
            query('format', 'csv (default) or jsonl', { enum: [...ANNUAL_REVIEW_FORMATS] }),
            knownAt,
            consistencyToken,
            correlationId,
          ],
          responses: {
            200: {
              description: 'An attachment (docs/domain.md, "The annual review")',
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            ...errors,
          },
        },
      },
      '/api/v1/audit/assignments/{id}/timeline': scopedRead('Every event that changed the assignment, oldest first', timelineResponse, [
        path('id'),
        knownAt,
      ]),
      '/api/v1/audit/directives/{id}/tasks/{taskNo}/timeline': scopedRead(
        "A task's timeline: the events of its lead and coordinating assignments, oldest first, each own event naming its agency",
        taskTimelineResponse,
        [path('id'), path('taskNo'), knownAt],
      ),
      '/api/v1/audit/assignments/{id}/state': scopedRead('The assignment status as of a date', stateResponse, [path('id'), asOf, knownAt]),
      '/api/v1/audit/verify': inspect(
        'Verify every store: chains, hashes, the Merkle log and every checkpoint; the first fault named',
        verifyResponse,
      ),
      '/api/v1/audit/verify/progress': inspect('How far the running verification is, per store', verifyProgressResponse),
      '/api/v1/audit/public-key': read('The Ed25519 public key that checks checkpoints (PEM, SPKI)', publicKeyResponse),
      '/api/v1/audit/checkpoints': {
        ...inspect('Signed checkpoints kept in the database, oldest first', checkpointsResponse, [query('store', 'One store')]),
        post: {
          summary: 'Take a checkpoint of every store now',
          description: 'Inspectors and admins.',
          parameters: [correlationId],
          responses: { 201: { description: 'Taken', content: json(checkpointsResponse) }, ...errors },
        },
      },
      '/api/v1/audit/access-log': inspect(
        'Every signed-in read of a report or inspection route, oldest first, chained',
        accessLogResponse,
        [
          query('after', 'Only entries after this position'),
          query('limit', 'At most this many (default 100, at most 1000)'),
          query('userId', 'Only reads by this user'),
          query('route', 'Only routes starting with this'),
          query('from', 'Recorded at or after (ISO 8601 instant)'),
          query('to', 'Recorded at or before (ISO 8601 instant)'),
        ],
      ),
      '/api/v1/audit/events': inspect(
        "A timeline from the event stores: an assignment's, a task's, a directive's, an agency's or the registry's events, oldest record first",
        eventTimelineResponse,
        [
          query('directiveId', 'A directive (with taskNo: one of its tasks)'),
          query('taskNo', 'A task of the directive'),
          query('assignmentId', 'An assignment'),
          query('agencyId', "An agency: its assignments' events and the registry changes naming it"),
          query('registry', "true: the registry's changes"),
          query('type', 'Event types, comma-separated; a prefix ends in a dot (assignment.)'),
          query('userId', 'Only events by this user'),
          query('from', 'Recorded at or after (ISO 8601 instant)'),
          query('to', 'Recorded at or before (ISO 8601 instant)'),
          query('after', 'The next of the page before'),
          query('limit', 'At most this many (default 200, at most 1000)'),
        ],
      ),
      '/api/v1/audit/changes': inspect(
        'What changed between two record times: the events recorded after from, up to to, counted by type',
        changesResponse,
        [
          { ...query('from', 'Record time the view starts after (ISO 8601 instant)'), required: true },
          query('to', 'Record time it ends at (default now)'),
          query('directiveId', 'Only this directive (with taskNo: one task)'),
          query('taskNo', 'A task of the directive'),
          query('assignmentId', 'Only this assignment'),
          query('agencyId', 'Only this agency'),
          query('registry', "true: only the registry's changes"),
          query('type', 'Event types, comma-separated'),
          query('userId', 'Only events by this user'),
          query('after', 'The next of the page before'),
          query('limit', 'At most this many'),
        ],
      ),
      '/api/v1/audit/tree': inspect('Each store’s Merkle log head', treeResponse, [query('store', 'One store')]),
      '/api/v1/audit/proofs/inclusion': inspect(
        'An inclusion proof: the event at a position is in the tree of a size',
        inclusionProofResponse,
        [
          { ...query('store', 'Store name'), required: true },
          { ...query('position', 'Global position of the event'), required: true },
          query('treeSize', 'Tree size (default: the current one)'),
        ],
      ),
      '/api/v1/audit/proofs/consistency': inspect(
        'A consistency proof: the tree of size from is a prefix of the tree of size to',
        consistencyProofResponse,
        [
          { ...query('store', 'Store name'), required: true },
          { ...query('from', 'Older tree size'), required: true },
          query('to', 'Newer tree size (default: the current one)'),
        ],
      ),
      '/api/v1/audit/export': {
        get: {
          summary:
            'Export the events of a directive or of a year (with inclusion proofs), or of every store, with checkpoints, as JSON lines',
          description: 'Inspectors and admins. Check it offline: npm run cli -- verify <file> --public-key <file>.',
          parameters: [
            query('directiveId', 'A directive'),
            query('all', 'true: every event of every store'),
            query('year', 'The directives issued in this year, with all their assignments'),
            query('period', "With a directive: the period whose figures the export carries, as known at the export's checkpoint"),
            query('calendar', 'The period calendar (default decree09)'),
            correlationId,
          ],
          responses: {
            200: {
              description: 'JSON lines (docs/audit.md, "Exports")',
              content: { 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            ...errors,
          },
        },
      },
      '/api/v1/agencies': read(
        'The agency registry: every agency and group with its validity; with asOf, those valid then, named as then',
        registryResponse,
        [query('asOf', 'Only what was valid on this date', { format: 'date' })],
      ),
      '/api/v1/agencies/groups/{id}': read('A group with its members as of a date', groupResponse, [path('id'), asOf]),
      '/api/v1/agencies/{id}': read('One agency: names over time, validity, successors', agencyResponse, [
        path('id'),
        query('asOf', 'Named and grouped as on this date', { format: 'date' }),
      ]),
      '/api/v1/registry/agencies': command(
        'Create an agency, valid from validFrom',
        registryAdmin,
        createAgencyRequest,
        registryChangeResponse,
      ),
      '/api/v1/registry/agencies/{id}/rename': command(
        'Rename an agency from effectiveOn',
        registryAdmin,
        renameAgencyRequest,
        registryChangeResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/registry/agencies/{id}/end': command(
        'End an agency: validTo is its last day; successors (one for all duties, or one per duty area) take over from the next',
        registryAdmin,
        endAgencyRequest,
        registryChangeResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/registry/agencies/{id}/transfer': command(
        "Move an ended agency's open assignments, and the directives it monitors, to one of its successors from transferredOn",
        registryAdmin,
        transferRequest,
        transferResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/registry/groups': command(
        'Create a group, valid from validFrom, with its first members',
        registryAdmin,
        createGroupRequest,
        registryChangeResponse,
      ),
      '/api/v1/registry/groups/{id}/members': command(
        "Change a group's members from effectiveOn",
        registryAdmin,
        changeMembersRequest,
        registryChangeResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/registry/groups/{id}/end': command(
        'End a group: validTo is its last day',
        registryAdmin,
        endGroupRequest,
        registryChangeResponse,
        [path('id')],
        '200',
      ),
      '/api/v1/registry/import': command(
        'Load an edition (JSON; `npm run cli -- registry import` also reads CSV): each difference becomes a change event, all or none',
        registryAdmin,
        editionSchema,
        registryChangeResponse,
        [],
        '200',
      ),
      '/api/v1/registry/timeline': read(
        "The registry's timeline: every change, who made it, when, why and on whose authority",
        registryTimelineResponse,
        [
          query('after', 'Only changes after this revision'),
          query('limit', 'At most this many (default 200, at most 1000)'),
          query('id', 'Only the changes that name this agency or group (itself, as a member or as a successor)'),
        ],
      ),
      '/api/v1/admin/rebuild': {
        post: {
          summary: 'Replay the Kafka topics into a new generation of the read models, then switch to it',
          description: 'Role admin. 409 on the in-process bus (run `npm run cli -- rebuild` there).',
          parameters: [correlationId],
          responses: { 202: { description: 'Started', content: json(rebuildStatusSchema) }, ...errors },
        },
        get: {
          summary: 'The generation served and the last rebuild',
          description: 'Role admin or inspector.',
          responses: { 200: { description: 'OK', content: json(rebuildResponse) }, ...errors },
        },
      },
      '/health': open('Readiness (the same as /health/ready)', 'application/json', schema(healthSchema), {
        503: { description: 'A dependency is down' },
      }),
      '/health/live': open('Liveness: the process answers', 'application/json', schema(z.object({ status: z.literal('up') }))),
      '/health/ready': open(
        'Readiness: every dependency (event store, Kafka brokers, read store) answered a real request',
        'application/json',
        schema(healthSchema),
        {
          503: { description: 'A dependency is down' },
        },
      ),
      '/metrics': open('Prometheus metrics, with the process metrics (event-loop lag, heap, GC)', 'text/plain', { type: 'string' }),
      '/docs': open('Swagger UI', 'text/html', { type: 'string' }),
      '/docs/openapi.json': open('This document', 'application/json', { type: 'object' }),
      '/docs/assets/swagger-ui.css': open('Swagger UI style sheet', 'text/css', { type: 'string' }),
      '/docs/assets/swagger-ui-bundle.js': open('Swagger UI script', 'application/javascript', { type: 'string' }),
    },
  };
}
