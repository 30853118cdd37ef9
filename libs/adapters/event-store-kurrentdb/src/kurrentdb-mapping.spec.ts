import { eventHash, GENESIS_HASH } from '@dm/contracts';
import { newEvent, newEvents } from '@dm/testing';
import { WrongExpectedVersionError, type JSONRecordedEvent } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '@dm/eventsourcing';
import { fromResolved, toEnvelope, toEventData } from './envelope';
import { mapLimit } from './event-id-claims';
import { matchesExpected } from '@dm/eventsourcing';
import { appendStreamState, retriesOnConflict, toWrongExpectedRevision } from './expected-revision';
import { chain } from './kurrentdb-event-store';
import { globalPositionOf, StoreStreams, toPosition } from './store-streams';

const streams = new StoreStreams('task-assignment');

/** What the client hands back for a stored event: JSON data and metadata parsed again. */
function asStored(data: ReturnType<typeof toEventData>, revision: bigint, commit: bigint): JSONRecordedEvent {
  return {
    streamId: streams.stream('directive-1'),
    id: data.id,
    revision,
    type: data.type,
    isJson: true,
    created: new Date(),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit, prepare: commit },
  };
}

describe('StoreStreams', () => {
  it('keeps the port stream ids under the store name and maps them back', () => {
    expect(streams.stream('directive-1')).toBe('task-assignment.directive-1');
    expect(streams.streamId('task-assignment.directive-1')).toBe('directive-1');
    expect(() => streams.streamId('progress-events.assignment-1')).toThrow(/does not belong/);
  });

  it('filters $all on the store prefix, narrowed to the port prefixes', () => {
    expect(streams.filterPrefixes()).toEqual(['task-assignment.']);
    expect(streams.filterPrefixes([])).toEqual(['task-assignment.']);
    expect(streams.filterPrefixes(['directive-', 'agency-'])).toEqual(['task-assignment.directive-', 'task-assignment.agency-']);
  });

  it('keeps its bookkeeping streams outside that filter', () => {
    expect(streams.eventIdStream('e-1')).toBe('task-assignment:event-id-e-1');
    expect(streams.checkpointStream('relay')).toBe('task-assignment:checkpoint-relay');
    expect(streams.eventIdStream('e-1').startsWith('task-assignment.')).toBe(false);
  });

  it('refuses a name that could overlap another store', () => {
    expect(() => new StoreStreams('a.b')).toThrow();
    expect(() => new StoreStreams('')).toThrow();
    expect(() => new StoreStreams('$all')).toThrow();
  });
});

describe('positions', () => {
  it('turns a global position into a KurrentDB position and back', () => {
    expect(toPosition(4242)).toEqual({ commit: 4242n, prepare: 4242n });
    expect(globalPositionOf(toPosition(4242).commit, 'e')).toBe(4242);
  });

  it('refuses a commit position a number cannot hold', () => {
    expect(() => globalPositionOf(2n ** 64n - 1n, 'event x')).toThrow(/event x/);
  });
});

describe('expected revision', () => {
  it('matches the stream state', () => {
    expect(matchesExpected('any', null)).toBe(true);
    expect(matchesExpected('any', 3)).toBe(true);
    expect(matchesExpected('no_stream', null)).toBe(true);
    expect(matchesExpected('no_stream', 0)).toBe(false);
    expect(matchesExpected('stream_exists', null)).toBe(false);
    expect(matchesExpected('stream_exists', 0)).toBe(true);
    expect(matchesExpected(2, 2)).toBe(true);
    expect(matchesExpected(2, 1)).toBe(false);
    expect(matchesExpected(0, null)).toBe(false);
  });

  it('passes a number and no_stream as streamState; pins any and stream_exists to the revision read', () => {
    expect(appendStreamState(4, 4)).toBe(4n);
    expect(appendStreamState('no_stream', null)).toBe('no_stream');
    expect(appendStreamState('any', null)).toBe('no_stream');
    expect(appendStreamState('any', 7)).toBe(7n);
    expect(appendStreamState('stream_exists', 0)).toBe(0n);
    expect(retriesOnConflict('any')).toBe(true);
    expect(retriesOnConflict('stream_exists')).toBe(true);
    expect(retriesOnConflict('no_stream')).toBe(false);
    expect(retriesOnConflict(3)).toBe(false);
  });

  it("maps WrongExpectedVersionError to the port's conflict error with the actual revision", () => {
    const moved = toWrongExpectedRevision(
      'directive-1',
      0,
      new WrongExpectedVersionError(undefined, { streamName: 'x', expected: 0n, current: 1n }),
    );
    expect(moved).toBeInstanceOf(WrongExpectedRevisionError);
    expect(moved).toMatchObject({ streamId: 'directive-1', expected: 0, actual: 1 });
    const missing = toWrongExpectedRevision(
      'directive-1',
      'stream_exists',
      new WrongExpectedVersionError(undefined, { streamName: 'x', expected: 'stream_exists', current: 'no_stream' }),
    );
    expect(missing).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });
});

describe('envelope', () => {
  const recordedAt = '2017-03-01T02:00:00.000Z';

  it('chains hashes from the last event as the SQLite adapter does', () => {
    const [first, second] = chain('directive-1', newEvents(2), null, recordedAt);
    expect(first).toMatchObject({ streamRevision: 0, prevHash: GENESIS_HASH, metadata: {} });
    expect(first.hash).toBe(eventHash(GENESIS_HASH, first));
    expect(second).toMatchObject({ streamRevision: 1, prevHash: first.hash });
    const [third] = chain('directive-1', [newEvent()], { ...second, globalPosition: 9 }, recordedAt);
    expect(third).toMatchObject({ streamRevision: 2, prevHash: second.hash });
  });

  it('stores data as data and the rest of the envelope in the metadata, and reads it back whole', () => {
    const [event] = chain(
      'directive-1',
      [newEvent({ causationId: 'cause-1', metadata: { bodyHash: 'abc' }, data: { list: [1, 'two', null] } })],
      null,
      recordedAt,
    );
    const data = toEventData(event);
    expect(data).toMatchObject({ id: event.eventId, type: event.type, contentType: 'application/json', data: event.data });
    expect(data.metadata).toEqual(toEnvelope(event));
    expect(data.metadata).toMatchObject({ $correlationId: event.correlationId, $causationId: 'cause-1', metadata: { bodyHash: 'abc' } });

    const read = fromResolved({ event: asStored(data, 0n, 1234n) }, streams);
    expect(read).toEqual({ ...event, globalPosition: 1234 });
    expect(read!.hash).toBe(eventHash(read!.prevHash, read!));
  });

  it('takes the commit position beside the event when the event has none', () => {
    const [event] = chain('directive-1', [newEvent()], null, recordedAt);
    const stored = { ...asStored(toEventData(event), 0n, 0n), position: undefined };
    expect(fromResolved({ event: stored, commitPosition: 77n }, streams)!.globalPosition).toBe(77);
    expect(() => fromResolved({ event: stored }, streams)).toThrow(/no position/);
  });

  it('refuses an event without the envelope, and skips a link without its event', () => {
    const [event] = chain('directive-1', [newEvent()], null, recordedAt);
    const stored = asStored(toEventData(event), 0n, 5n);
    expect(() => fromResolved({ event: { ...stored, metadata: { other: 1 } } }, streams)).toThrow(/no event-store envelope/);
    expect(fromResolved({}, streams)).toBeNull();
  });
});

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
