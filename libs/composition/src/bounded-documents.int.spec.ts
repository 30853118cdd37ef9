import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection, type AnyBulkWriteOperation } from 'mongodb';
import { EVENT_TYPES, type Principal, type RecordedEvent } from '@dm/contracts';
import { InMemoryReadStore, type ReadStore } from '@dm/read-store';
import { ReportQueries, reportProjector } from '@dm/report-projection';
import { ASSIGNMENT_FACTS, ASSIGNMENTS, DIRECTIVES, TIMELINE } from '@dm/reporting-domain';
import { ACTIVITY_COLLECTION, AssignmentActivity } from '@dm/task-assignment';
import { skipTier, uniqueName } from '@dm/testing';
import { MongoReadStore, SqliteReadStore } from './adapters';

/**
 * Bounded documents (issue 14, part 4): a progress report never grows a
 * document. One assignment gets 1,000 reports, each applied as a consumer
 * applies a batch of one; every document the reports touch is as large
 * after the 1,000th as after the first, give or take a few digits of its
 * revision, and each report adds one small row of its own to the
 * insert-only collections. Statuses read after them still see every report.
 */
const REPORTS = 1000;
/** What a document may gain between the first report and the 1,000th: the digits of `rev.a` ("0" → "999"), and slack. */
const SLACK = 16;
const AID = 'd-1-1-so-tc-lead';
const INSPECTOR: Principal = { sub: 'inspector-1', name: null, agencyId: 'thanh-tra-tinh', roles: ['inspector'] };

const at = (minutes: number) => new Date(Date.parse('2017-02-10T01:00:00Z') + minutes * 60_000).toISOString();
const event = (streamId: string, revision: number, type: string, data: Record<string, unknown>, minutes: number): RecordedEvent => ({
  eventId: `${streamId}@${revision}`,
  type,
  schemaVersion: 1,
  streamId,
  streamRevision: revision,
  globalPosition: minutes + 1,
  occurredAt: at(minutes),
  recordedAt: at(minutes),
  actor: { userId: 'u-1', agencyId: 'so-tc', role: 'agency_officer' },
  correlationId: `c-${minutes}`,
  causationId: null,
  data,
  metadata: {},
  prevHash: '0',
  hash: '0',
});

const issued = event(
  'directive-d-1',
  0,
  EVENT_TYPES.directiveIssued,
  {
    directiveId: 'd-1',
    number: '1/UBND-VX',
    type: 'cong-van',
    issuer: 'ubnd-tinh',
    issuerOffice: 'vp-ubnd-tinh',
    issuedOn: '2017-02-10',
    subject: 'Giảm nghèo bền vững',
    legalBasis: [],
    addressees: ['so-tc'],
    signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
    monitoringAgency: 'so-ldtbxh',
    registryVersion: 'test@1',
    tasks: [
      {
        number: '1',
        text: 'Nhiệm vụ 1',
        mode: 'giao',
        lead: ['so-tc'],
        coordinating: [],
        deadline: null,
        reportDuty: null,
        recurrence: null,
      },
    ],
    assignments: [{ id: AID, taskNumber: '1', agencyId: 'so-tc', role: 'lead', viaGroup: null }],
  },
  0,
);
/** Report i: dated a day apart over 300 days (then again), its percent going round. */
const reportedOn = (i: number) => new Date(Date.parse('2017-02-11') + (i % 300) * 86_400_000).toISOString().slice(0, 10);
const report = (i: number) =>
  event(
    `assignment-${AID}`,
    i,
    EVENT_TYPES.progressReported,
    {
      assignmentId: AID,
      directiveId: 'd-1',
      taskNumber: '1',
      agencyId: 'so-tc',
      reportedOn: reportedOn(i),
      summary: `Báo cáo tiến độ lần ${i}`,
      percent: i % 101,
      difficulties: null,
      proposals: null,
    },
    i + 1,
  );

const sizeOf = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc));

async function sizes(store: ReadStore) {
  const rows = async (collection: string) => (await store.find(collection, { where: { assignmentId: AID } })).map(sizeOf);
  return {
    assignment: sizeOf(await store.get(ASSIGNMENTS, AID)),
    directive: sizeOf(await store.get(DIRECTIVES, 'd-1')),
    activity: sizeOf(await store.get(ACTIVITY_COLLECTION, AID)),
    ownFacts: await rows(ASSIGNMENT_FACTS),
    timeline: await rows(TIMELINE),
  };
}

function boundedDocuments(name: string, open: () => Promise<ReadStore>, onMongo = false) {
  describe(`bounded documents: ${name}`, () => {
    let store: ReadStore;
    /** The bulk writes each batch sent, on MongoDB (the driver's own calls, passed through). */
    let sent: Array<{ collection: string; operations: AnyBulkWriteOperation[] }> = [];

    beforeAll(async () => {
      store = await open();
      if (onMongo) {
        const bulkWrite = Collection.prototype.bulkWrite;
        jest.spyOn(Collection.prototype, 'bulkWrite').mockImplementation(function (this: Collection, operations, options) {
          sent.push({ collection: this.collectionName, operations: operations as AnyBulkWriteOperation[] });
          return bulkWrite.call(this, operations, options);
        });
      }
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await store.close();
    });

    it(`keeps every document a report touches within ${SLACK} bytes of its size after one report, after ${REPORTS}`, async () => {
      const projector = reportProjector(store);
      const activity = new AssignmentActivity(store);
      await projector.init();
      const apply = async (e: RecordedEvent) => {
        await projector.apply(e.streamId.startsWith('directive-') ? 'task-assignment' : 'progress-events', [e]);
        if (e.streamId.startsWith('assignment-')) await activity.apply([e]);
      };
      await apply(issued);
      await apply(report(0));
      const one = await sizes(store);
      sent = [];
      for (let i = 1; i < REPORTS - 1; i++) await apply(report(i));
      sent = [];
      await apply(report(REPORTS - 1));
      const thousand = await sizes(store);

      expect(thousand.assignment - one.assignment).toBeLessThanOrEqual(SLACK);
      expect(thousand.activity - one.activity).toBeLessThanOrEqual(SLACK);
      expect(thousand.directive).toBe(one.directive);
      // The insert-only collections: one row per report, each as small as the first.
      expect(one.ownFacts).toHaveLength(1);
      expect(thousand.ownFacts).toHaveLength(REPORTS);
      expect(Math.max(...thousand.ownFacts)).toBeLessThanOrEqual(one.ownFacts[0] + SLACK);
      expect(thousand.timeline).toHaveLength(REPORTS + 1);
      expect(Math.max(...thousand.timeline)).toBeLessThanOrEqual(Math.max(...one.timeline) + SLACK);

      if (onMongo) {
        // The 1,000th report's updates name the paths it changes, no more: no document, no growing value.
        const updates = sent.filter((s) => s.collection === ASSIGNMENTS || s.collection === ACTIVITY_COLLECTION);
        expect(updates.map((s) => s.operations.length)).toEqual([1, 1]);
        for (const { operations } of updates) {
          const update = (operations[0] as { updateOne: { update: Record<string, Record<string, unknown>> } }).updateOne.update;
          expect(Object.keys(update.$set).every((path) => path.startsWith('rev.'))).toBe(true);
          expect(sizeOf(operations)).toBeLessThan(200);
        }
      }
    });

    it('still reads every report: the status sees the last one, the timeline all of them', async () => {
      const queries = new ReportQueries(store);
      const last = REPORTS - 1;
      const lastOn = reportedOn(299);
      const state = await queries.state(INSPECTOR, AID, '2017-12-31');
      expect(state).toMatchObject({ lifecycle: 'inProgress', lastReportedOn: lastOn, recordedLateReports: expect.any(Number) });
      // The latest percent is the report of the latest date, the last revision among those of that date.
      const ofLastDate = Array.from({ length: REPORTS }, (_, i) => i).filter((i) => reportedOn(i) === lastOn);
      expect(state.latestPercent).toBe(ofLastDate[ofLastDate.length - 1] % 101);
      // As known when report 10 was recorded: reports 0 to 10 only.
      const early = await queries.state(INSPECTOR, AID, '2017-12-31', report(10).recordedAt);
      expect(early).toMatchObject({ lastReportedOn: reportedOn(10), latestPercent: 10 });
      expect((await queries.timeline(INSPECTOR, AID)).events).toHaveLength(REPORTS + 1);
      const page = await queries.assignments(INSPECTOR, { asOf: '2017-12-31' }, { limit: 10 });
      expect(page.assignments.map((a) => [a.id, a.state.lastReportedOn])).toEqual([[AID, lastOn]]);
      expect(last).toBe(999);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dm-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

boundedDocuments('InMemoryReadStore', async () => new InMemoryReadStore());
boundedDocuments('SqliteReadStore', async () => new SqliteReadStore({ file: join(dir, 'read.db') }));

const url = process.env.MONGO_URL;
if (!url) skipTier('bounded documents on MongoReadStore', 'MONGO_URL', 'MONGO_URL is not set (infra/local/up.sh starts FerretDB)');
else {
  const database = uniqueName('dm_bounded_');
  boundedDocuments(
    `MongoReadStore (${url})`,
    async () => {
      const store = await MongoReadStore.connect({ url, database });
      const close = store.close.bind(store);
      return Object.assign(store, {
        close: async () => {
          await store.dropDatabase();
          await close();
        },
      });
    },
    true,
  );
}
