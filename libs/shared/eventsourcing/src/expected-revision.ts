/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream';
/** The stream must exist, at any revision. */
export const STREAM_EXISTS = 'stream_exists';
/** No concurrency check. */
export const ANY = 'any';

/** Expected state of a stream before an append (optimistic concurrency): a revision, or one of the constants. */
export type ExpectedRevision = number | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY;
