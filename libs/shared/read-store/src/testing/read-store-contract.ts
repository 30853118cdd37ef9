import type { Document, FactWrite, ReadStore } from '../read-store';
import { uniqueName } from '@dm/testing';

export type ReadStoreFactory = () => Promise<ReadStore>;

/** The read-store port's contract; tests isolate themselves by unique collection names. */
export function readStoreContract(name: string, factory: ReadStoreFactory): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let collection: string;
    const fact = (
      id: string,
      source: string,
      revision: number,
      set: Record<string, unknown>,
      setOnInsert?: Record<string, unknown>,
    ): FactWrite => ({
      id,
      source,
      revision,
      set,
      setOnInsert,
    });

    beforeEach(async () => {
      store = await factory();
      collection = uniqueName('c_');
    });
    afterEach(async () => {
      await store.close();
    });

    describe('applyFacts', () => {
      it('sets setOnInsert only when it creates the document', async () => {
        await store.applyFacts(collection, [
          fact('a-1', 'directives', 0, { status: 'open' }, { createdBy: 'first', 'origin.kind': 'issued' }),
        ]);
        await store.applyFacts(collection, [fact('a-1', 'directives', 1, { status: 'late' }, { createdBy: 'second', other: true })]);
        expect(await store.get(collection, 'a-1')).toEqual({
          _id: 'a-1',
          rev: { directives: 1 },
          createdBy: 'first',
          origin: { kind: 'issued' },
          status: 'late',
        });
      });

      it('applies a set only over an older revision of the same source', async () => {
        await store.applyFacts(collection, [fact('a-1', 'directives', 5, { deadline: '2017-03-31' })]);
        await store.applyFacts(collection, [fact('a-1', 'directives', 3, { deadline: 'older' })]);
        await store.applyFacts(collection, [fact('a-1', 'directives', 5, { deadline: 'same revision' })]);
        expect(await store.get(collection, 'a-1')).toMatchObject({ deadline: '2017-03-31', rev: { directives: 5 } });

        await store.applyFacts(collection, [fact('a-1', 'progress', 0, { percent: 40 })]);
        await store.applyFacts(collection, [fact('a-1', 'directives', 6, { deadline: '2017-06-30' })]);
        await store.applyFacts(collection, [fact('a-1', 'progress', 0, { percent: 99 })]);
        expect(await store.get(collection, 'a-1')).toMatchObject({
          deadline: '2017-06-30',
          percent: 40,
          rev: { directives: 6, progress: 0 },
        });
      });

      it('sets dotted paths, creating the objects on the way and keeping their siblings', async () => {
        await store.applyFacts(collection, [
          fact('a-1', 'directives', 0, { 'facts.issued.deadline': '2017-03-31', 'facts.issued.lead': true }),
          fact('a-1', 'progress', 0, { 'facts.progress': { percent: 10, on: '2017-02-01' } }),
          fact('a-1', 'progress', 1, { 'facts.progress.percent': 20 }),
        ]);
        expect(await store.get(collection, 'a-1')).toEqual({
          _id: 'a-1',
          rev: { directives: 0, progress: 1 },
          facts: { issued: { deadline: '2017-03-31', lead: true }, progress: { percent: 20, on: '2017-02-01' } },
        });
      });

      it('gives the same documents when a batch is replayed, write by write or whole', async () => {
        const batch = [
          fact('a-1', 'progress', 2, { 'progress.percent': 60 }, { 'progress.firstSeen': 2 }),
          fact('a-1', 'directives', 0, { deadline: '2017-03-31', taskNo: '1' }, { createdBy: 'directives' }),
          fact('a-2', 'directives', 0, { deadline: '2017-04-30' }),
          fact('a-1', 'progress', 1, { 'progress.percent': 30 }),
          fact('a-1', 'directives', 1, { deadline: '2017-05-31' }),
          fact('a-2', 'progress', 0, { 'progress.percent': 5 }),
        ];
        const once = uniqueName('c_');
        await store.applyFacts(once, batch);
        await store.applyFacts(
          collection,
          batch.flatMap((write) => [write, write]),
        );
        await store.applyFacts(collection, batch);
        for (const id of ['a-1', 'a-2']) expect(await store.get(collection, id)).toEqual(await store.get(once, id));
        const doc = await store.get(collection, 'a-1');
        expect(doc).toMatchObject({ deadline: '2017-05-31', progress: { percent: 60, firstSeen: 2 }, rev: { progress: 2, directives: 1 } });
        expect(doc).not.toHaveProperty('createdBy');
      });

      it('applies many writes to one document in one batch, in order', async () => {
        const writes = Array.from({ length: 200 }, (_, i) => fact('a-1', 'progress', i, { percent: i, [`seen.r${i % 3}`]: i }));
        await store.applyFacts(collection, writes);
        expect(await store.get(collection, 'a-1')).toMatchObject({
          percent: 199,
          seen: { r0: 198, r1: 199, r2: 197 },
          rev: { progress: 199 },
        });
      });

      it('adds to counters and keeps the greatest values, guarded by revision like set', async () => {
        const report = (revision: number, on: string, percent: number): FactWrite => ({
          id: 'a-1',
          source: 'a',
          revision,
          set: { 'last.revision': revision },
          inc: { 'count.reports': 1, 'count.points': percent },
          max: { 'last.on': on, 'top.percent': percent },
        });
        await store.applyFacts(collection, [report(0, '2017-03-01', 40)]);
        expect(await store.get(collection, 'a-1')).toEqual({
          _id: 'a-1',
          rev: { a: 0 },
          last: { revision: 0, on: '2017-03-01' },
          count: { reports: 1, points: 40 },
          top: { percent: 40 },
        });
        await store.applyFacts(collection, [report(1, '2017-02-20', 70), report(1, '2017-02-20', 70), report(0, '2099-01-01', 100)]);
        await store.applyFacts(collection, [
          { id: 'a-1', source: 'd', revision: 0, set: { created: true }, inc: { 'count.directive': 2 } },
          report(2, '2017-03-05', 10),
          report(2, '2017-03-05', 10),
        ]);
        await store.applyFacts(collection, [report(1, '2099-01-01', 100)]);
        expect(await store.get(collection, 'a-1')).toEqual({
          _id: 'a-1',
          rev: { a: 2, d: 0 },
          created: true,
          last: { revision: 2, on: '2017-03-05' },
          count: { reports: 3, points: 120, directive: 2 },
          top: { percent: 70 },
        });
      });

      it('counts and keeps maxima over many writes to one document in one batch, and on documents created in it', async () => {
        const writes = Array.from({ length: 300 }, (_, i): FactWrite => ({
          id: `a-${i % 3}`,
          source: 'a',
          revision: Math.floor(i / 3),
          set: { [`seen.r${i % 2}`]: i },
          inc: { n: 1 },
          max: { latest: `2017-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-01`, i },
        }));
        await store.applyFacts(collection, [...writes, ...writes.slice(0, 50)]);
        const latest = (id: string) =>
          writes
            .filter((w) => w.id === id)
            .map((w) => w.max!.latest as string)
            .sort()
            .pop();
        expect(latest('a-0')).toBe('2017-10-01');
        expect(await store.get(collection, 'a-0')).toMatchObject({ n: 100, latest: latest('a-0'), i: 297, rev: { a: 99 } });
        expect(await store.get(collection, 'a-2')).toMatchObject({ n: 100, latest: latest('a-2'), i: 299, seen: { r0: 296, r1: 299 } });
      });

      it('keeps null values and leaves out undefined ones, whether a write creates the document or updates it', async () => {
        await store.applyFacts(collection, [
          {
            id: 'a-1',
            source: 'd',
            revision: 0,
            setOnInsert: { cancelledOn: null },
            set: { viaGroup: null, skipped: undefined, 'facts.d.r0': { note: null } },
          },
          { id: 'a-1', source: 'a', revision: 0, set: { percent: null, other: undefined } },
          { id: 'a-2', source: 't', revision: 0, insertOnly: true, set: { entry: { reason: null, gone: undefined } } },
        ]);
        expect(await store.get(collection, 'a-1')).toEqual({
          _id: 'a-1',
          rev: { d: 0, a: 0 },
          cancelledOn: null,
          viaGroup: null,
          percent: null,
          facts: { d: { r0: { note: null } } },
        });
        expect(await store.get(collection, 'a-2')).toEqual({ _id: 'a-2', rev: { t: 0 }, entry: { reason: null } });
      });

      it('creates a document with an insert-only write and never changes it with another, replayed or not', async () => {
        const entry = (id: string, text: string) => ({
          id,
          source: 't',
          revision: 0,
          insertOnly: true,
          set: { assignmentId: 'a-1', 'entry.text': text },
        });
        const batch = Array.from({ length: 150 }, (_, i) => entry(`a-1:${i}`, `first ${i}`));
        await store.applyFacts(collection, batch);
        await store.applyFacts(collection, [
          entry('a-1:7', 'second'),
          ...batch.slice(100),
          entry('a-1:200', 'new'),
          entry('a-1:200', 'newer'),
        ]);
        expect(await store.get(collection, 'a-1:7')).toEqual({
          _id: 'a-1:7',
          rev: { t: 0 },
          assignmentId: 'a-1',
          entry: { text: 'first 7' },
        });
        expect(await store.get(collection, 'a-1:200')).toMatchObject({ entry: { text: 'new' } });
        expect(await store.find(collection, { where: { assignmentId: 'a-1' } })).toHaveLength(151);
      });

      it('answers null for a missing document or collection', async () => {
        expect(await store.get(collection, 'nope')).toBeNull();
        expect(await store.find(collection)).toEqual([]);
      });
    });

    describe('find', () => {
      const ids = (docs: Document[]) => docs.map((d) => d._id);

      beforeEach(async () => {
        const doc = (id: string, set: Record<string, unknown>) => fact(id, 'directives', 0, set);
        await store.applyFacts(collection, [
          doc('a-1', { agencyId: 'so-yte', percent: 10, deadline: '2017-03-31', 'flags.lead': true, 'task.no': '1' }),
          doc('a-2', { agencyId: 'so-gddt', percent: 50, deadline: '2017-06-30', 'flags.lead': false, 'task.no': '2' }),
          doc('a-3', { agencyId: 'so-yte', percent: 90, deadline: null, 'flags.lead': true, 'task.no': '2' }),
          doc('a-4', { agencyId: 'so-tc', percent: 1, deadline: '2017-12-31', 'task.no': '10' }),
        ]);
      });

      it('matches equality on strings, numbers, booleans and nested paths', async () => {
        expect(ids(await store.find(collection, { where: { agencyId: 'so-yte' } }))).toEqual(['a-1', 'a-3']);
        expect(ids(await store.find(collection, { where: { percent: 50 } }))).toEqual(['a-2']);
        expect(ids(await store.find(collection, { where: { 'flags.lead': true } }))).toEqual(['a-1', 'a-3']);
        expect(ids(await store.find(collection, { where: { 'flags.lead': false } }))).toEqual(['a-2']);
        expect(ids(await store.find(collection, { where: { 'task.no': '2', agencyId: 'so-yte' } }))).toEqual(['a-3']);
        expect(ids(await store.find(collection, { where: { percent: '50' } }))).toEqual([]);
      });

      it('matches null on null and missing fields', async () => {
        expect(ids(await store.find(collection, { where: { deadline: null } }))).toEqual(['a-3']);
        expect(ids(await store.find(collection, { where: { 'flags.lead': null } }))).toEqual(['a-4']);
      });

      it('matches in, lte and gte', async () => {
        expect(ids(await store.find(collection, { where: { agencyId: { in: ['so-gddt', 'so-tc'] } } }))).toEqual(['a-2', 'a-4']);
        expect(ids(await store.find(collection, { where: { 'task.no': { in: ['1', '10'] } } }))).toEqual(['a-1', 'a-4']);
        expect(ids(await store.find(collection, { where: { agencyId: { in: [] } } }))).toEqual([]);
        expect(ids(await store.find(collection, { where: { deadline: { lte: '2017-06-30' } } }))).toEqual(['a-1', 'a-2']);
        expect(ids(await store.find(collection, { where: { percent: { gte: 50 } } }))).toEqual(['a-2', 'a-3']);
        expect(ids(await store.find(collection, { where: { deadline: { gte: '2017-04-01' }, agencyId: 'so-gddt' } }))).toEqual(['a-2']);
      });

      it('matches lt and gt, a range of two bounds, and a range on _id', async () => {
        expect(ids(await store.find(collection, { where: { deadline: { lt: '2017-06-30' } } }))).toEqual(['a-1']);
        expect(ids(await store.find(collection, { where: { percent: { gt: 50 } } }))).toEqual(['a-3']);
        expect(ids(await store.find(collection, { where: { percent: { gt: 10, lte: 50 } } }))).toEqual(['a-2']);
        expect(ids(await store.find(collection, { where: { _id: { gt: 'a-2' } } }))).toEqual(['a-3', 'a-4']);
        expect(ids(await store.find(collection, { where: { _id: { lt: 'a-2' }, agencyId: 'so-yte' } }))).toEqual(['a-1']);
      });

      it('orders and limits', async () => {
        expect(ids(await store.find(collection, { orderBy: [['percent', 'desc']] }))).toEqual(['a-3', 'a-2', 'a-1', 'a-4']);
        expect(
          ids(
            await store.find(collection, {
              orderBy: [
                ['agencyId', 'asc'],
                ['percent', 'desc'],
              ],
            }),
          ),
        ).toEqual(['a-2', 'a-4', 'a-3', 'a-1']);
        expect(ids(await store.find(collection, { where: { agencyId: 'so-yte' }, orderBy: [['percent', 'asc']], limit: 1 }))).toEqual([
          'a-1',
        ]);
        expect(await store.find(collection, { limit: 2, orderBy: [['percent', 'asc']] })).toHaveLength(2);
        expect(await store.find(collection, { limit: 0 })).toHaveLength(4);
      });

      it('answers the same with indexes on the queried paths', async () => {
        await store.ensureIndexes(collection, [['agencyId'], ['task.no', 'percent']]);
        await store.ensureIndexes(collection, [['agencyId']]);
        expect(ids(await store.find(collection, { where: { agencyId: 'so-yte' } }))).toEqual(['a-1', 'a-3']);
        expect(ids(await store.find(collection, { where: { 'task.no': '2', percent: { gte: 60 } } }))).toEqual(['a-3']);
      });
    });

    it('truncate removes every document; later writes create them again', async () => {
      await store.applyFacts(collection, [fact('a-1', 'directives', 3, { x: 1 }, { created: 1 })]);
      await store.truncate(collection);
      expect(await store.get(collection, 'a-1')).toBeNull();
      expect(await store.find(collection)).toEqual([]);
      await store.applyFacts(collection, [fact('a-1', 'directives', 0, { x: 2 }, { created: 2 })]);
      expect(await store.get(collection, 'a-1')).toMatchObject({ x: 2, created: 2, rev: { directives: 0 } });
    });

    it('puts whole documents, replacing those with the same id, and keeps guarding later facts', async () => {
      await store.applyFacts(collection, [fact('a-1', 'directives', 1, { x: 1 })]);
      await store.putDocuments(collection, [
        { _id: 'a-1', rev: { directives: 5 }, x: 5 },
        { _id: 'a-2', rev: {}, nested: { y: [1, 2] } },
      ]);
      expect(await store.get(collection, 'a-1')).toEqual({ _id: 'a-1', rev: { directives: 5 }, x: 5 });
      expect(await store.get(collection, 'a-2')).toEqual({ _id: 'a-2', rev: {}, nested: { y: [1, 2] } });
      await store.applyFacts(collection, [fact('a-1', 'directives', 4, { x: 4 }), fact('a-1', 'directives', 6, { x: 6 })]);
      expect(await store.get(collection, 'a-1')).toMatchObject({ x: 6, rev: { directives: 6 } });
    });

    it('applies a batch over several collections with its checkpoint', async () => {
      const other = uniqueName('c_');
      const name = uniqueName('projector-');
      const parts = [
        { collection, writes: [fact('a-1', 'd', 0, { x: 1 }), fact('a-1', 'd', 1, { x: 2 })] },
        { collection: other, writes: [fact('t-1', 't', 0, { y: 1 })] },
        { collection: uniqueName('c_'), writes: [] },
      ];
      await store.applyBatch(parts, { name, position: 12 });
      await store.applyBatch(parts, { name, position: 12 });
      expect(await store.get(collection, 'a-1')).toMatchObject({ x: 2, rev: { d: 1 } });
      expect(await store.get(other, 't-1')).toMatchObject({ y: 1, rev: { t: 0 } });
      expect(await store.getCheckpoint(name)).toBe(12);
    });

    it('stores checkpoints by name', async () => {
      const name = uniqueName('projector-');
      expect(await store.getCheckpoint(name)).toBeNull();
      await store.setCheckpoint(name, 7);
      await store.setCheckpoint(name, 9);
      expect(await store.getCheckpoint(name)).toBe(9);
    });
  });
}
