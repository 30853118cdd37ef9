import { z } from 'zod';
import { EVENT_SCHEMAS } from './events';
import type { RecordedEvent } from './envelope';
import { actorSchema } from './envelope-schema';

export const recordedEventSchema = z.object({
  eventId: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  streamId: z.string().min(1),
  streamRevision: z.number().int().nonnegative(),
  globalPosition: z.number().int().positive(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: actorSchema,
  correlationId: z.string(),
  causationId: z.string().nullable(),
  data: z.unknown(),
  metadata: z.record(z.unknown()).default({}),
  prevHash: z.string(),
  hash: z.string(),
});

export type ParseResult = { ok: true; event: RecordedEvent } | { ok: false; reason: string };

/** Checks an integration message against the envelope and its type's data schema; never throws. */
export function parseIntegrationEvent(value: unknown): ParseResult {
  const envelope = recordedEventSchema.safeParse(value);
  if (!envelope.success) return { ok: false, reason: `envelope: ${describe(envelope.error)}` };
  const schema = EVENT_SCHEMAS[envelope.data.type]?.[envelope.data.schemaVersion];
  if (!schema) return { ok: false, reason: `unknown event ${envelope.data.type} v${envelope.data.schemaVersion}` };
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `data: ${describe(data.error)}` };
  return { ok: true, event: { ...envelope.data, data: data.data } as RecordedEvent };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
