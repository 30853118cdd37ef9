import { EVENT_TYPES, type RecordedEvent } from '@dm/contracts';
import { writesOf } from '@dm/eventsourcing';
import { timelineProjection } from '../timeline/timeline.projection';
import { applyWrites, assignmentId, project, Story } from '../story.fixtures';
import { factsOf, withOwnFacts, type AssignmentDoc, type OwnFactDoc, type StatusFact } from './assignment-doc';
import { assignmentFactsProjection, assignmentsProjection } from './assignments.projection';
import { deriveStatus } from './status';

const factWritesFor = (event: RecordedEvent) => assignmentsProjection.evolve(event);
const timelineWritesFor = (event: RecordedEvent) =>
  timelineProjection.evolve(event) as unknown as Array<{
    id: string;
    set: { assignmentId: string; entry: { data: Record<string, unknown> } & Record<string, unknown> };
  }>;

const districts = Array.from({ length: 27 }, (_, i) => `h-${i + 1}`);
const a = (task: string, agency: string, role: 'lead' | 'coordinating' = 'lead') => assignmentId(task, agency, role);

const story = new Story()
  .issue([
    { number: '1', deadline: '2017-03-31', lead: ['so-tc'], coordinating: ['so-ldtbxh'] },
    { number: '3', deadline: null, lead: districts },
  ])
  .progress(a('1', 'so-tc'), '2017-03-01', 30)
  .changeDeadline('1', '2017-03-31', '2017-06-30', '2017-03-20')
  .complete(a('1', 'so-tc'), '2017-05-01')
  .progress(a('3', 'h-1'), '2017-03-02')
  .giveBack(a('1', 'so-tc'), '2017-05-01', '2017-05-03')
  .cancel('3', '2017-06-01')
  .complete(a('1', 'so-tc'), '2017-05-10')
  .confirm(a('1', 'so-tc'), '2017-05-10', '2017-05-12');
const [issued, , changed] = story.events;
const cancelled = story.events.find((e) => e.type === EVENT_TYPES.taskCancelled) as RecordedEvent;

describe('assignments projection', () => {
  it('writes one creation per resolved assignment of directive.issued, with only its own task', () => {
    const writes = factWritesFor(issued);
    expect(writes).toHaveLength(2 + 27);
    expect(writes.map((w) => w.id)).toEqual([a('1', 'so-tc'), a('1', 'so-ldtbxh', 'coordinating'), ...districts.map((d) => a('3', d))]);
    const w = writes[2];
    expect(w).toMatchObject({ id: a('3', 'h-1'), source: 'd', revision: 0, setOnInsert: {} });
    expect(w.set).toMatchObject({
      created: true,
      directiveId: 'd-1',
      directiveNumber: 'd-1/UBND-VX',
      issuer: 'ubnd-tinh',
      issuedOn: '2017-02-10',
      monitoringAgency: 'so-ldtbxh',
      taskNumber: '3',
      agencyId: 'h-1',
      role: 'lead',
      viaGroup: null,
    });
    expect(w.set).toMatchObject({ assignedOn: '2017-02-10', mode: 'giao' });
    expect(w.set['facts.d.r0']).toEqual({
      source: 'd',
      revision: 0,
      type: 'directive.issued',
      data: { starts: '2017-02-10', deadline: null },
      recordedAt: issued.recordedAt,
    });
    expect((writes[0].set['facts.d.r0'] as StatusFact).data).toEqual({ starts: '2017-02-10', deadline: '2017-03-31' });
  });

  it('writes a deadline change or cancellation on every assignment of its task, without repeating the id list', () => {
    const changes = factWritesFor(changed);
    expect(changes.map((w) => [w.id, w.source, w.revision])).toEqual([
      [a('1', 'so-tc'), 'd', 1],
      [a('1', 'so-ldtbxh', 'coordinating'), 'd', 1],
    ]);
    expect(Object.keys(changes[0].set)).toEqual(['facts.d.r1']);
    expect(changes[0].set['facts.d.r1']).toEqual({
      source: 'd',
      revision: 1,
      type: 'directive.task-deadline-changed',
      data: { deadline: '2017-06-30', changedOn: '2017-03-20' },
      recordedAt: changed.recordedAt,
    });
    expect(timelineWritesFor(changed)[0].set.entry.data).toEqual({
      directiveId: 'd-1',
      taskNumber: '1',
      agencyId: null,
      previousDeadline: '2017-03-31',
      deadline: '2017-06-30',
      reason: 'Gia hạn',
      authorizingDocument: '1/UBND',
      changedOn: '2017-03-20',
    });
    expect(factWritesFor(cancelled).map((w) => w.id)).toEqual(districts.map((d) => a('3', d)));
  });

  it('writes an assignment event as a row of assignment_facts, and moves only the revision of the assignment of its stream', () => {
    const event = story.events[1];
    expect(factWritesFor(event)).toEqual([{ id: a('1', 'so-tc'), source: 'a', revision: 0, setOnInsert: {}, set: {} }]);
    expect(assignmentFactsProjection.evolve(event)).toEqual([
      {
        id: `${a('1', 'so-tc')}:a:0`,
        source: 'f',
        revision: 0,
        setOnInsert: {},
        insertOnly: true,
        set: {
          assignmentId: a('1', 'so-tc'),
          directiveId: 'd-1',
          fact: {
            source: 'a',
            revision: 0,
            type: 'assignment.progress-reported',
            data: { reportedOn: '2017-03-01', percent: 30 },
            recordedAt: event.recordedAt,
          },
        },
      },
    ]);
    expect(assignmentFactsProjection.evolve(issued)).toEqual([]);
    expect(timelineWritesFor(event)).toEqual([
      {
        id: `${a('1', 'so-tc')}:a:0`,
        source: 't',
        revision: 0,
        setOnInsert: {},
        insertOnly: true,
        set: { assignmentId: a('1', 'so-tc'), entry: expect.objectContaining({ type: 'assignment.progress-reported', data: event.data }) },
      },
    ]);
  });

  it('ignores events it does not know', () => {
    expect(factWritesFor({ ...issued, type: 'registry.agency-renamed' })).toEqual([]);
    expect(timelineWritesFor({ ...issued, type: 'registry.agency-renamed' })).toEqual([]);
  });

  it('never sets a path that setOnInsert also sets', () => {
    for (const event of story.events) {
      for (const w of factWritesFor(event)) {
        for (const inserted of Object.keys(w.setOnInsert ?? {})) {
          for (const path of Object.keys(w.set)) {
            expect(path === inserted || path.startsWith(`${inserted}.`) || inserted.startsWith(`${path}.`)).toBe(false);
          }
        }
      }
    }
  });
});

describe('fact writes applied to documents', () => {
  const once = project(story.events);

  it('give a document per assignment with every fact from both sources', () => {
    expect(once.size).toBe(29);
    const doc = once.get(a('1', 'so-tc')) as Record<string, unknown>;
    expect(doc).toMatchObject({ _id: a('1', 'so-tc'), created: true, taskNumber: '1', agencyId: 'so-tc', rev: { d: 1, a: 4 } });
    expect(Object.keys((doc.facts as Record<string, object>).d)).toEqual(['r0', 'r1']);
    expect(Object.keys((doc.facts as Record<string, object>).a)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('are idempotent: every event applied twice gives the same documents', () => {
    expect(project(story.events.flatMap((e) => [e, e]))).toEqual(once);
    expect(project([...story.events, ...story.events])).toEqual(once);
  });

  it('do not depend on the order between streams', () => {
    const fromAssignments = story.events.filter((e) => e.streamId.startsWith('assignment-'));
    const fromDirective = story.events.filter((e) => e.streamId.startsWith('directive-'));
    expect(project([...fromAssignments, ...fromDirective])).toEqual(once);
    expect(project([...fromDirective, ...fromAssignments])).toEqual(once);
  });

  it('keep an assignment seen only through its own events, without creating it', () => {
    const docs = project(story.events.filter((e) => e.streamId === `assignment-${a('1', 'so-tc')}`));
    const doc = docs.get(a('1', 'so-tc')) as Record<string, unknown>;
    expect(doc.created).toBeUndefined();
    expect(doc.rev).toEqual({ a: 4 });
  });

  it('skip a replayed older revision after a newer one', () => {
    const docs = project(story.events);
    applyWrites(docs, factWritesFor({ ...issued, data: { ...(issued.data as object), issuedOn: '2000-01-01' } }));
    expect(docs).toEqual(once);
  });
});

describe('own facts kept apart from the document', () => {
  const id = a('1', 'so-tc');
  const stored = () => {
    const docs = new Map();
    applyWrites(docs, writesOf(assignmentsProjection, story.events));
    return docs.get(id) as AssignmentDoc;
  };
  const rows = () => {
    const docs = new Map();
    applyWrites(docs, writesOf(assignmentFactsProjection, [...story.events, ...story.events]));
    return ([...docs.values()] as unknown as OwnFactDoc[]).filter((row) => row.assignmentId === id);
  };

  it('leave the stored document its directive facts and its revision only', () => {
    const doc = stored();
    expect(doc.rev).toEqual({ d: 1, a: 4 });
    expect(Object.keys(doc.facts)).toEqual(['d']);
    expect(rows()).toHaveLength(5);
  });

  it('are merged in up to the revision the document was written at, as project() gives the document', () => {
    expect(withOwnFacts(stored(), rows().reverse())).toEqual(project(story.events).get(id));
    const behind = { ...stored(), rev: { d: 1, a: 2 } };
    expect(Object.keys(withOwnFacts(behind, rows()).facts.a ?? {})).toEqual(['r0', 'r1', 'r2']);
  });

  it('must be merged in before anything reads them: a status of the stored document alone is refused', () => {
    expect(() => deriveStatus(stored(), '2017-06-30')).toThrow(`assignment ${id}: its own facts (assignment_facts) were not merged in`);
    expect(() => factsOf(stored(), 'a')).toThrow();
    expect(factsOf(stored(), 'd')).toHaveLength(2);
    const merged = withOwnFacts(stored(), rows());
    expect(withOwnFacts(merged, [])).toBe(merged);
    expect(deriveStatus(merged, '2017-06-30')).toMatchObject({ status: 'completedOnTime', lastReportedOn: '2017-05-10' });
  });

  it('a document written before version 7, its own facts on it, keeps them and takes the rows of reports applied since', () => {
    const merged = project(story.events).get(id) as unknown as AssignmentDoc;
    expect(withOwnFacts(merged, [])).toBe(merged);
    expect(factsOf(merged, 'a')).toHaveLength(5);
    const older = { ...merged, facts: { ...merged.facts, a: { r0: merged.facts.a!.r0, r1: merged.facts.a!.r1 } } };
    expect(
      withOwnFacts(
        older,
        rows().filter((row) => row.fact.revision >= 2),
      ),
    ).toEqual(merged);
  });
});

describe('amendments', () => {
  const amended = new Story()
    .issue([{ number: '1', deadline: '2017-03-31', lead: ['so-tc'] }])
    .addTask({ number: '12', deadline: '2017-09-30', lead: ['so-yt'], mode: 'de-nghi' }, '2017-05-02')
    .close('superseded', '2017-06-01');
  const docs = project(amended.events);

  it('start the added assignments with their own start date, mode and deadline', () => {
    expect(docs.get(a('12', 'so-yt'))).toMatchObject({ created: true, issuedOn: '2017-02-10', assignedOn: '2017-05-02', mode: 'de-nghi' });
  });

  it('write a closure fact on every assignment a supersession names', () => {
    for (const id of [a('1', 'so-tc'), a('12', 'so-yt')]) {
      const facts = Object.values((docs.get(id) as unknown as { facts: { d: Record<string, StatusFact> } }).facts.d);
      expect(facts.map((f) => f.type)).toContain(EVENT_TYPES.directiveSuperseded);
    }
  });
});
