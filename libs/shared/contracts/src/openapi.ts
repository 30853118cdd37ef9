import { z } from 'zod';
import { auditPaths } from './openapi-audit';
import { reportingPaths } from './openapi-reporting';
import { identityPaths } from './openapi-identity';
import {
  schema,
  json,
  errors,
  correlationId,
  idempotencyKey,
  consistencyToken,
  path,
  query,
  asOf,
  knownAt,
  period,
  calendar,
  role,
  annualReviewYear,
  annualReviewReaders,
  changer,
  registryAdmin,
  healthSchema,
  command,
  read,
  scopedRead,
  open,
  pageParams,
} from './openapi-parts';
import {
  addAgencyRequest,
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
  correctDraftRequest,
  discardDraftRequest,
  draftResponse,
  importDirectiveRequest,
  importedDraftResponse,
  MAX_IMPORT_TEXT,
} from './directive-import-events';
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
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'dm_session',
          description: 'A browser session (POST /api/v1/auth/sign-in); writes also need X-CSRF-Token',
        },
      },
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
          'Issue a directive with its tasks; groups fan out to their members. With importDraftId, from an import draft: its history records the issue and how the request differs from the draft (docs/import.md)',
          'A monitoring officer of the issuer or of its office',
          issueDirectiveRequest,
          issuedDirectiveResponse,
        ),
        ...scopedRead(
          'List directives, newest issue first, a page at a time (with knownAt, those recorded by then)',
          directiveListResponse,
          [knownAt, ...pageParams],
        ),
      },
      '/api/v1/directives/import': {
        post: {
          summary:
            "Import a directive's text (OCR noise included) into a draft to review: the draft's fields with a confidence each and warnings naming what to check, its id and revision; Location names it (docs/import.md)",
          description: `A monitoring officer. The body is the text, text/plain in UTF-8 (a form feed reads as a new line), or { "text": "…" }; at most ${MAX_IMPORT_TEXT} bytes (413 over it). An empty or unreadable text still gives a draft, with warnings; a body that is not UTF-8 text is 400 naming (body). The registry is read as on the directive's date read from the text, else today.`,
          parameters: [idempotencyKey, correlationId],
          requestBody: {
            required: true,
            content: { 'text/plain': { schema: { type: 'string', maxLength: MAX_IMPORT_TEXT } }, ...json(importDirectiveRequest) },
          },
          responses: {
            201: { description: 'Drafted; Location: /api/v1/directives/imports/{draftId}', content: json(importedDraftResponse) },
            413: errors[400],
            415: errors[400],
            ...errors,
          },
        },
      },
      '/api/v1/directives/imports/{draftId}': {
        get: {
          summary:
            'An import draft as corrected so far: its status (draft, issued, discarded), revision (also its ETag), the directive it became, the source text and its history',
          description:
            'A monitoring officer of the agency that imported it (or who did). 404 for an unknown draft, 400 naming draftId for a malformed id.',
          parameters: [path('draftId'), correlationId],
          responses: { 200: { description: 'OK', content: json(draftResponse) }, ...errors },
        },
        put: {
          summary:
            'Correct an import draft: the draft as corrected, in the shape GET answers; records only the fields that changed (nothing when nothing did). If-Match (or revision) names the revision it was read at: another is 409; an issued or discarded draft is 409',
          description:
            'A monitoring officer of the agency that imported it (or who did). Authorisation is checked before the body is validated.',
          parameters: [
            path('draftId'),
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag GET answered ("3")' },
            idempotencyKey,
            correlationId,
          ],
          requestBody: { required: true, content: json(correctDraftRequest) },
          responses: { 200: { description: 'The draft as corrected', content: json(draftResponse) }, ...errors },
        },
      },
      '/api/v1/directives/imports/{draftId}/issue': {
        post: {
          summary:
            'Issue an import draft as it stands, through the directive command (POST /api/v1/directives with importDraftId): 422 naming each field a directive needs that the draft lacks (tasks[4].lead[1].agencyId); 409 when issued or discarded already',
          description: `A monitoring officer of the agency that imported it, who may issue in the issuer's name. No body. Without an Idempotency-Key, issuing one revision of a draft is one command: a retry answers the directive issued.`,
          parameters: [path('draftId'), idempotencyKey, correlationId],
          responses: { 201: { description: 'The directive issued', content: json(issuedDirectiveResponse) }, ...errors },
        },
      },
      '/api/v1/directives/imports/{draftId}/discard': {
        post: {
          summary: 'Discard an import draft (a wrong text, a duplicate); 409 when issued',
          description: 'A monitoring officer of the agency that imported it (or who did). The body, { "reason": "…" }, may be left out.',
          parameters: [path('draftId'), idempotencyKey, correlationId],
          requestBody: { required: false, content: json(discardDraftRequest) },
          responses: { 200: { description: 'The draft, discarded', content: json(draftResponse) }, ...errors },
        },
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
        ...pageParams,
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
      '/api/v1/assignments/{id}/attachments/{hash}': {
        get: {
          summary: "A file one of the assignment's progress or completion reports carries, by its SHA-256 (checked again when read)",
          description:
            "Who reads the assignment's timeline, as progress-events knows the assignment: an officer of the agency holding it, a monitoring officer of the monitoring agency, the issuer or its office, inspectors and admins. 404 for a hash none of the assignment's events records. Answered as an attachment (filename* of RFC 5987), with X-Content-Type-Options: nosniff and X-Content-SHA256.",
          parameters: [path('id'), path('hash'), correlationId],
          responses: { 200: { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } }, ...errors },
        },
      },
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
      '/api/v1/reports/agencies': scopedRead('Scorecards by agency for a period, by agency id, a page at a time', scorecardsResponse, [
        period,
        calendar,
        query('directiveId', 'Directive id'),
        knownAt,
        ...pageParams,
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
      ...auditPaths(),
      ...reportingPaths(),
      ...identityPaths(),
      '/api/v1/agencies': read(
        'The agency registry: every agency and group with its validity; with asOf, those valid then, named as then. A page holds the agencies, then the groups, each in the order created',
        registryResponse,
        [query('asOf', 'Only what was valid on this date', { format: 'date' }), ...pageParams],
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
