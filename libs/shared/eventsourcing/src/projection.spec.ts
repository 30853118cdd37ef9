import { applyFact, createdBy, createdJson, type Document, type FactWrite } from './projection';

const write = (revision: number, parts: Partial<FactWrite> = {}): FactWrite => ({ id: 'x', source: 'a', revision, set: {}, ...parts });

function applyAll(writes: FactWrite[], start: Document | null = null): Document | null {
  let doc = start;
  for (const w of writes) doc = applyFact(doc, w).doc;
  return doc;
}

describe('applyFact', () => {
  it('creates the document with setOnInsert, then sets the paths of a newer revision only', () => {
    const doc = applyAll([
      write(0, { setOnInsert: { created: 'first' }, set: { 'a.b': 1 } }),
      write(0, { setOnInsert: { created: 'again' }, set: { 'a.b': 2 } }),
      write(1, { set: { 'a.c': 3 } }),
    ]);
    expect(doc).toEqual({ _id: 'x', rev: { a: 1 }, created: 'first', a: { b: 1, c: 3 } });
  });

  it('adds to a counter, from 0 when it is missing, once per revision', () => {
    const writes = [0, 1, 1, 2, 0].map((r) => write(r, { inc: { 'n.reports': 1, 'n.points': 10 } }));
    expect(applyAll(writes)).toEqual({ _id: 'x', rev: { a: 2 }, n: { reports: 3, points: 30 } });
  });

  it('keeps the greatest value of a path: a later revision with a lower value leaves it', () => {
    const doc = applyAll([
      write(0, { max: { last: '2017-03-01', top: 40 } }),
      write(1, { max: { last: '2017-02-01', top: 70 } }),
      write(2, { max: { last: '2017-03-05', top: 10 } }),
      write(2, { max: { last: '2099-01-01', top: 99 } }),
    ]);
    expect(doc).toEqual({ _id: 'x', rev: { a: 2 }, last: '2017-03-05', top: 70 });
  });

  it('ranks as MongoDB does: null below numbers, numbers below strings', () => {
    const base: Document = { _id: 'x', rev: {}, fromNull: null, fromNumber: 5, fromString: 'a' };
    const doc = applyFact(base, write(0, { max: { fromNull: 1, fromNumber: 'b', fromString: 9 } })).doc;
    expect(doc).toMatchObject({ fromNull: 1, fromNumber: 'b', fromString: 'a' });
  });

  it('says whether anything changed', () => {
    const doc = createdBy(write(0, { inc: { n: 1 } }));
    expect(applyFact(doc, write(0, { inc: { n: 1 } })).changed).toBe(false);
    expect(applyFact(doc, write(1, { inc: { n: 1 } })).changed).toBe(true);
    expect(doc).toMatchObject({ n: 2, rev: { a: 1 } });
  });

  it('leaves a document an insert-only write finds as it is', () => {
    const doc = createdBy(write(0, { insertOnly: true, set: { v: 1 } }));
    expect(applyFact(doc, write(5, { insertOnly: true, set: { v: 2 }, inc: { n: 1 } }))).toEqual({ doc, changed: false });
    expect(doc).toEqual({ _id: 'x', rev: { a: 0 }, v: 1 });
  });
});

describe('createdJson', () => {
  const insertOnly = (over: Partial<FactWrite>): FactWrite => ({ id: 't-1', source: 't', revision: 3, set: {}, insertOnly: true, ...over });

  it('is the JSON of the document createdBy makes, whatever the write holds', () => {
    const entry = { type: 'x', data: { a: [1, { b: null }], skipped: undefined } };
    const writes: FactWrite[] = [
      insertOnly({ set: { assignmentId: 'a-1', entry } }),
      insertOnly({ setOnInsert: { n: 0, kept: 'first' }, set: { kept: 'second', entry } }),
      insertOnly({ set: { 'entry.data': 1, flat: true } }),
      insertOnly({ set: { v: 1 }, inc: { n: 2 }, max: { on: '2017-03-01' } }),
    ];
    for (const w of writes) expect(createdJson(w)).toBe(JSON.stringify(createdBy(w)));
  });
});
