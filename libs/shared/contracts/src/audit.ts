import { z } from 'zod';
import { keyNumber, keyText, nextField, pageFields } from './pages';

/** Answers of the inspection API (docs/audit.md, "Inspection API"). */

const hash = z.string().regex(/^[0-9a-f]{64}$/);
export const checkpointSchema = z.object({
  store: z.string(),
  treeSize: z.number().int(),
  rootHash: hash,
  time: z.string(),
  keyId: z.string(),
  signature: z.string(),
  reason: z.string().optional(),
});
const fault = z
  .object({
    store: z.string(),
    kind: z.string(),
    message: z.string(),
    position: z.number().optional(),
    streamId: z.string().optional(),
    revision: z.number().optional(),
    eventId: z.string().optional(),
  })
  .passthrough();
export const verifyResponse = z.object({
  ok: z.boolean(),
  startedAt: z.string(),
  seconds: z.number(),
  firstFault: fault.nullable(),
  stores: z.array(
    z
      .object({ store: z.string(), ok: z.boolean(), events: z.number(), streams: z.number(), treeSize: z.number(), rootHash: hash })
      .passthrough(),
  ),
});
export const verifyProgressResponse = z.object({
  running: z.boolean(),
  stores: z.array(z.object({ store: z.string(), checked: z.number(), total: z.number() })),
});
export const publicKeyResponse = z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), pem: z.string() });
export const checkpointsResponse = z.object({ checkpoints: z.array(checkpointSchema) });
/** GET /api/v1/audit/checkpoints: a page, oldest first, after [time, treeSize, id]. */
export const checkpointsQuery = z.object(pageFields(z.tuple([keyText, keyNumber, keyText])));
export const checkpointsPageResponse = checkpointsResponse.extend(nextField);
export const treeResponse = z.object({
  trees: z.array(z.object({ store: z.string(), treeSize: z.number(), rootHash: hash, lastPosition: z.number() })),
});
export const inclusionProofResponse = z.object({
  store: z.string(),
  position: z.number(),
  leafIndex: z.number(),
  treeSize: z.number(),
  leafHash: hash,
  rootHash: hash,
  proof: z.array(hash),
});
export const consistencyProofResponse = z.object({
  store: z.string(),
  from: z.number(),
  to: z.number(),
  fromRoot: hash,
  toRoot: hash,
  proof: z.array(hash),
});
export const accessLogResponse = z.object({
  entries: z.array(
    z.object({
      position: z.number(),
      at: z.string(),
      userId: z.string(),
      agencyId: z.string().nullable(),
      role: z.string(),
      route: z.string(),
      params: z.record(z.string()),
      query: z.record(z.unknown()),
      status: z.number(),
      correlationId: z.string(),
      hash: hash,
    }),
  ),
  next: z.number().nullable(),
});
const timelineEvent = z.object({
  store: z.string(),
  position: z.number(),
  streamId: z.string(),
  revision: z.number(),
  eventId: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: z.object({ userId: z.string(), agencyId: z.string().nullable(), role: z.string() }),
  correlationId: z.string(),
  data: z.unknown(),
  prevHash: hash,
  hash: hash,
});
export const eventTimelineResponse = z.object({ total: z.number(), events: z.array(timelineEvent), next: z.number().nullable() });
export const changesResponse = eventTimelineResponse.extend({
  from: z.string(),
  to: z.string(),
  byType: z.record(z.number()),
  streams: z.array(z.string()),
});
