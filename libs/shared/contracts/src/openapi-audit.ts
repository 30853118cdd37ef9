import {
  accessLogResponse,
  changesResponse,
  checkpointsPageResponse,
  checkpointsResponse,
  consistencyProofResponse,
  eventTimelineResponse,
  inclusionProofResponse,
  publicKeyResponse,
  treeResponse,
  verifyProgressResponse,
  verifyResponse,
} from './audit';
import { correlationId, errors, inspect, json, pageParams, query, read } from './openapi-parts';

/** The inspection routes of the OpenAPI document (docs/audit.md, "Inspection API"). */
export function auditPaths() {
  return {
    '/api/v1/audit/verify': inspect(
      'Verify every store: chains, hashes, the Merkle log and every checkpoint; the first fault named',
      verifyResponse,
    ),
    '/api/v1/audit/verify/progress': inspect('How far the running verification is, per store', verifyProgressResponse),
    '/api/v1/audit/public-key': read('The Ed25519 public key that checks checkpoints (PEM, SPKI)', publicKeyResponse),
    '/api/v1/audit/checkpoints': {
      ...inspect('Signed checkpoints kept in the database, oldest first, a page at a time', checkpointsPageResponse, [
        query('store', 'One store'),
        ...pageParams,
      ]),
      post: {
        summary: 'Take a checkpoint of every store now',
        description: 'Inspectors and admins.',
        parameters: [correlationId],
        responses: { 201: { description: 'Taken', content: json(checkpointsResponse) }, ...errors },
      },
    },
    '/api/v1/audit/access-log': inspect('Every signed-in read of a report or inspection route, oldest first, chained', accessLogResponse, [
      query('after', 'Only entries after this position'),
      query('limit', 'At most this many (default 100, at most 1000)'),
      query('userId', 'Only reads by this user'),
      query('route', 'Only routes starting with this'),
      query('from', 'Recorded at or after (ISO 8601 instant)'),
      query('to', 'Recorded at or before (ISO 8601 instant)'),
    ]),
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
  };
}
