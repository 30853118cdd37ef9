import { EVENT_TYPES, type RecordedEvent } from '@dm/contracts';
import { InMemoryReadStore } from '@dm/read-store';
import { ACTIVITY_COLLECTION, AssignmentActivity } from './assignment-activity';

const ref = (assignmentId: string) => ({ assignmentId, directiveId: 'd-1', taskNumber: '1', agencyId: 'so-tc' });
const event = (assignmentId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: `${assignmentId}-${revision}`,
  type,
  schemaVersion: 1,
  streamId: `assignment-${assignmentId}`,
  streamRevision: revision,
  globalPosition: revision + 1,
  occurredAt: '2017-03-01T09:00:00+07:00',
  recordedAt: '2017-03-01T02:00:00.000Z',
  actor: { userId: 'u', agencyId: 'so-tc', role: 'agency_officer' },
  correlationId: 'c',
  causationId: null,
  data: { ...ref(assignmentId), ...data },
  metadata: {},
  prevHash: '0',
  hash: '0',
});
const progress = (id: string, revision: number, reportedOn: string) =>
  event(id, revision, EVENT_TYPES.progressReported, { reportedOn, summary: 's', percent: 10, difficulties: null, proposals: null });

describe('AssignmentActivity', () => {
  it('answers the latest business date recorded, whatever order the dates came in, and a replay changes nothing', async () => {
    const store = new InMemoryReadStore();
    const activity = new AssignmentActivity(store);
    const history = [
      progress('a', 0, '2017-03-01'),
      progress('a', 1, '2017-04-10'),
      progress('a', 2, '2017-03-20'),
      event('a', 3, EVENT_TYPES.completionReported, { completedOn: '2017-04-02', summary: 'x', evidence: null }),
      progress('b', 0, '2017-02-15'),
    ];
    await activity.apply(history);
    await activity.apply(history);
    await activity.apply([progress('a', 1, '2099-01-01')]);
    expect(await activity.lastRecordedOn(['a', 'b', 'c'])).toEqual({ a: '2017-04-10', b: '2017-02-15' });
  });

  it('keeps one date per assignment: its document does not grow with its reports', async () => {
    const store = new InMemoryReadStore();
    const activity = new AssignmentActivity(store);
    const day = (i: number) => new Date(Date.parse('2017-02-11') + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    await activity.apply([progress('a', 0, day(0))]);
    const one = JSON.stringify(await store.get(ACTIVITY_COLLECTION, 'a')).length;
    for (let i = 1; i < 1000; i++) await activity.apply([progress('a', i, day(i))]);
    const thousand = JSON.stringify(await store.get(ACTIVITY_COLLECTION, 'a')).length;
    expect(thousand - one).toBeLessThanOrEqual(4);
    expect(await activity.lastRecordedOn(['a'])).toEqual({ a: day(299) });
  });

  it('reads the dates a document written before version 7 kept by revision', async () => {
    const store = new InMemoryReadStore();
    await store.putDocuments(ACTIVITY_COLLECTION, [{ _id: 'a', rev: { a: 1 }, dates: { r0: '2017-03-01', r1: '2017-05-01' } }]);
    const activity = new AssignmentActivity(store);
    expect(await activity.lastRecordedOn(['a'])).toEqual({ a: '2017-05-01' });
    await activity.apply([progress('a', 2, '2017-04-01')]);
    expect(await activity.lastRecordedOn(['a'])).toEqual({ a: '2017-05-01' });
    await activity.apply([progress('a', 3, '2017-06-01')]);
    expect(await activity.lastRecordedOn(['a'])).toEqual({ a: '2017-06-01' });
  });

  it('marks a one-off completion accepted, and unmarks it when reopened', async () => {
    const store = new InMemoryReadStore();
    const activity = new AssignmentActivity(store);
    const decided = { completedOn: '2017-04-02' };
    await activity.apply([event('a', 0, EVENT_TYPES.completionConfirmed, { ...decided, confirmedOn: '2017-04-03' })]);
    await activity.apply([event('b', 0, EVENT_TYPES.completionConfirmed, { ...decided, confirmedOn: '2017-04-03', period: '2017-04' })]);
    expect(await activity.acceptedOnce(['a', 'b'])).toEqual(['a']);
    await activity.apply([event('a', 1, EVENT_TYPES.completionReopened, { ...decided, reason: 'r', reopenedOn: '2017-04-05' })]);
    expect(await activity.acceptedOnce(['a', 'b'])).toEqual([]);
    expect(await activity.lastRecordedOn(['a', 'b'])).toEqual({ a: '2017-04-05', b: '2017-04-03' });
  });
});
