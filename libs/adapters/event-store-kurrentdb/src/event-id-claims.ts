import type { RecordedEvent } from '@dm/contracts';
import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { StoreStreams } from './store-streams';

/** Where an event id was claimed: the stream and the revision the event was to get there. */
export type Claim = {
  streamId: string;
  revision: number;
  claimedAt: string;
};

export type IdStatus =
  /** In no stream: claimed for this append (claim mode) or free (inspect mode). */
  | { kind: 'free' }
  | { kind: 'here'; event: RecordedEvent }
  /** In another stream, or claimed by an append to another stream that may still land (pending). */
  | { kind: 'elsewhere'; streamId: string; pending: boolean }
  /** Claimed for a later revision of this stream than this append's: the revision it read is outdated, read again. */
  | { kind: 'stale' };

export interface EventIdClaimsOptions {
  /** The event at a revision of a port stream, or null. */
  eventAt: (streamId: string, revision: number) => Promise<RecordedEvent | null>;
  clock: () => Date;
  /** How long a claim on another stream whose event never appeared still holds the id (default 60 s). */
  leaseMs: number;
}

const CLAIM_TYPE = 'dm.event-id-claimed';
const CONCURRENCY = 32;
const CLAIM_ATTEMPTS = 3;

/**
 * KurrentDB keeps event ids unique within the last writes to one stream only;
 * the port wants them unique in the store. Each event id gets a small stream
 * naming where its event went (`<name>:event-id-<id>`), written before the
 * events: an event is only appended once its id is claimed, so no id lands
 * in two streams. A claim whose append failed stays behind; it is judged by
 * reading the revision it names, and taken over when that revision holds
 * another event (the append lost), when its lease ran out without the event
 * appearing, or when it names this same stream at a revision no later than
 * this append's (two appends at one revision: the stream's own check lets one
 * through). A claim on this stream for a later revision is never overwritten:
 * the append that wrote it read a newer head, which may still land there.
 */
export class EventIdClaims {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly streams: StoreStreams,
    private readonly options: EventIdClaimsOptions,
  ) {}

  /** Where each id is, writing nothing. */
  inspect(streamId: string, eventIds: string[]): Promise<IdStatus[]> {
    return mapLimit(eventIds, CONCURRENCY, async (eventId) => {
      const claim = await this.readClaim(eventId);
      return claim ? this.judge(streamId, eventId, claim.claim) : { kind: 'free' as const };
    });
  }

  /** Claims each id for its revision in `streamId`; an id already stored (or held elsewhere) is answered instead. */
  claim(streamId: string, events: Array<{ eventId: string; revision: number }>): Promise<IdStatus[]> {
    return mapLimit(events, CONCURRENCY, ({ eventId, revision }) => this.claimOne(streamId, eventId, revision));
  }

  private async claimOne(streamId: string, eventId: string, revision: number): Promise<IdStatus> {
    let expected: AppendStreamState = NO_STREAM;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claim: Claim = { streamId, revision, claimedAt: this.options.clock().toISOString() };
      try {
        await this.client.appendToStream(this.streams.eventIdStream(eventId), jsonEvent({ type: CLAIM_TYPE, data: claim }), {
          streamState: expected,
        });
        return { kind: 'free' };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
      const existing = await this.readClaim(eventId);
      if (!existing) {
        expected = NO_STREAM;
        continue;
      }
      const status = await this.judge(streamId, eventId, existing.claim, revision);
      if (status.kind !== 'free') return status;
      expected = existing.revision;
    }
    throw new Error(`event id ${eventId}: its claim kept changing under concurrent appends`);
  }

  /** Where the claimed id is, for an append of it to `streamId` at `revision` (none: only looking). */
  private async judge(streamId: string, eventId: string, claim: Claim, revision?: number): Promise<IdStatus> {
    const stored = await this.options.eventAt(claim.streamId, claim.revision);
    if (stored?.eventId === eventId) {
      return claim.streamId === streamId
        ? { kind: 'here', event: stored }
        : { kind: 'elsewhere', streamId: claim.streamId, pending: false };
    }
    if (claim.streamId === streamId) return revision !== undefined && claim.revision > revision ? { kind: 'stale' } : { kind: 'free' };
    // The other stream's revision holds another event: that append lost.
    if (stored) return { kind: 'free' };
    const age = this.options.clock().getTime() - Date.parse(claim.claimedAt);
    return age > this.options.leaseMs ? { kind: 'free' } : { kind: 'elsewhere', streamId: claim.streamId, pending: true };
  }

  private async readClaim(eventId: string): Promise<{ revision: bigint; claim: Claim } | null> {
    const stream = this.streams.eventIdStream(eventId);
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        const event = resolved.event;
        if (!event) continue;
        const claim = event.data as unknown as Partial<Claim> | undefined;
        if (typeof claim?.streamId !== 'string' || typeof claim.revision !== 'number' || typeof claim.claimedAt !== 'string') {
          throw new Error(`${stream} holds no event-id claim`);
        }
        return { revision: event.revision, claim: claim as Claim };
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return null;
  }
}

/** Runs `fn` over the items, at most `limit` at once, keeping their order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
