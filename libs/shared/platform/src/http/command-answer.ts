import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '@dm/eventsourcing';
import type { Consistency } from './consistency';

/**
 * Answers a written command: its consistency token (after the write is
 * visible, in the embedded form), whether it was a replay, and its body.
 */
export async function answerWrite(
  reply: FastifyReply,
  consistency: Consistency,
  source: string,
  outcome: CommandOutcome<unknown>,
  status: number,
  body: object,
  location?: string,
): Promise<void> {
  const last = outcome.events[outcome.events.length - 1];
  const token = await consistency.afterWrite({
    source,
    position: outcome.position,
    streamId: last.streamId,
    revision: last.streamRevision,
  });
  reply.header('x-consistency-token', token);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  if (location) reply.header('location', location);
  reply.status(status).send(body);
}
