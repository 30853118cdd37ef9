/**
 * An append whose event ids are partly stored already, stored in another
 * stream, or repeated within the batch. A retry of a whole batch is not this:
 * it is answered as idempotent.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    detail: string,
  ) {
    super(`stream ${streamId}: event ids ${eventIds.join(', ')} ${detail}`);
    this.name = 'EventIdConflictError';
  }
}
