import { ProjectionSpecification } from '@dm/eventsourcing/testing';
import { EVENT_TYPES } from '@dm/contracts';
import { holderOn, type AssignmentDoc } from './assignments/assignment-doc';
import { deriveStatus } from './assignments/status';
import { directivesProjection, directiveView, type DirectiveDoc } from './directives/directives.projection';
import { asKnownAt, directiveAsKnownAt, entriesKnownAt } from './known-at';
import { assignmentId, project, Story, timelineOf } from './story.fixtures';
import { timeline } from './timeline/timeline.projection';

const A = assignmentId('1', 'so-tc');
const B = assignmentId('2', 'so-tc');
const C = assignmentId('1', 'so-ldtbxh', 'coordinating');

/** Issued on 10/02/2017 (recorded that day); Q1 reported on 02/03; late reports for Q1, then transfers, recorded on 10/04. */
const story = new Story()
  .issue([{ number: '1', deadline: '2017-03-31', lead: ['so-tc'], coordinating: ['so-ldtbxh'] }])
  .recordAt('2017-03-02T09:00:00+07:00')
  .progress(A, '2017-03-01', 40)
  .changeDeadline('1', '2017-03-31', '2017-04-30', '2017-03-20')
  .addTask({ number: '2', deadline: null, lead: ['so-tc'] }, '2017-03-02')
  .recordAt('2017-04-10T09:00:00+07:00')
  .complete(A, '2017-03-25')
  .confirm(A, '2017-03-25', '2017-03-28')
  .transfer('so-ldtbxh', 'so-nv', '2017-04-10', 'monitoring')
  .transfer('so-tc', 'so-nv', '2017-04-10');
const recorded = (type: string) => story.events.find((e) => e.type === type)!.recordedAt;
const docs = project(story.events);
const doc = (id: string) => docs.get(id) as unknown as AssignmentDoc;
/** The instant between the Q1 reports and the late ones. */
const T = '2017-04-05T10:00:00.000Z';

describe('asKnownAt', () => {
  it('gives, at the record time of each event, the document the events recorded by then would have projected', () => {
    const cuts = ['2017-02-10T00:00:00.000Z', ...story.events.map((e) => e.recordedAt)];
    for (const knownAt of cuts) {
      const then = project(story.events.filter((e) => e.recordedAt <= knownAt));
      for (const id of [A, B, C]) {
        const expected = (then.get(id) as AssignmentDoc | undefined)?.created ? then.get(id) : null;
        expect({ knownAt, id, doc: asKnownAt(doc(id), knownAt) }).toEqual({ knownAt, id, doc: expected });
      }
    }
  });

  it('drops the facts recorded after knownAt: the late completion is not known at T', () => {
    const known = asKnownAt(doc(A), T)!;
    expect(Object.values(known.facts.a ?? {}).map((f) => f.type)).toEqual([EVENT_TYPES.progressReported]);
    expect(deriveStatus(known, '2017-03-31')).toMatchObject({
      status: 'inProgressWithinDeadline',
      lifecycle: 'inProgress',
      deadline: '2017-04-30',
    });
    expect(deriveStatus(doc(A), '2017-03-31')).toMatchObject({ status: 'completedOnTime', lifecycle: 'completed' });
    expect(asKnownAt(doc(A), '2099-01-01T00:00:00.000Z')).toEqual(doc(A));
  });

  it('is inclusive: a fact recorded at knownAt itself is known', () => {
    const at = recorded(EVENT_TYPES.completionReported);
    expect(Object.values(asKnownAt(doc(A), at)!.facts.a ?? {}).map((f) => f.type)).toEqual([
      EVENT_TYPES.progressReported,
      EVENT_TYPES.completionReported,
    ]);
    expect(asKnownAt(doc(A), new Date(Date.parse(at) - 1).toISOString())!.facts.a).not.toHaveProperty('r1');
  });

  it('is null before the assignment was known: before its directive was recorded, or its task added', () => {
    expect(asKnownAt(doc(A), '2017-02-10T08:00:59.999Z')).toBeNull();
    expect(asKnownAt(doc(A), recorded(EVENT_TYPES.directiveIssued))).not.toBeNull();
    expect(asKnownAt(doc(B), '2017-03-01T00:00:00.000Z')).toBeNull();
    expect(asKnownAt(doc(B), T)).toMatchObject({ created: true, assignedOn: '2017-03-02' });
    expect(asKnownAt({ ...doc(A), created: undefined }, T)).toBeNull();
  });

  it('keeps the monitoring agency and the holder as known: a transfer recorded later changes neither, whatever the business date', () => {
    expect(doc(A)).toMatchObject({ monitoringAgency: 'so-nv', transferred: true, heldBy: { 'so-nv': true } });
    const before = asKnownAt(doc(A), T)!;
    expect(before.monitoringAgency).toBe('so-ldtbxh');
    expect(before).not.toHaveProperty('transferred');
    expect(before).not.toHaveProperty('heldBy');
    expect(holderOn(before, '2017-12-31')).toBe('so-tc');
    expect(holderOn(doc(A), '2017-12-31')).toBe('so-nv');
    const between = asKnownAt(doc(A), recorded(EVENT_TYPES.monitoringTransferred))!;
    expect([between.monitoringAgency, holderOn(between, '2017-12-31')]).toEqual(['so-nv', 'so-tc']);
  });

  it('counts facts without a record time (written by an older version) as known', () => {
    const old = structuredClone(doc(A));
    for (const f of [...Object.values(old.facts.d ?? {}), ...Object.values(old.facts.a ?? {})]) delete f.recordedAt;
    expect(asKnownAt(old, '2017-01-01T00:00:00.000Z')).toEqual(old);
  });

  it('leaves the document it is given as it was', () => {
    const copy = structuredClone(doc(A));
    asKnownAt(doc(A), T);
    expect(doc(A)).toEqual(copy);
  });
});

describe('directiveAsKnownAt', () => {
  const directive = ProjectionSpecification.for(directivesProjection).given(story.events).documents().get('d-1') as DirectiveDoc;

  it('keeps the record time of the issue, and of each change', () => {
    expect(directive.recordedAt).toBe(recorded(EVENT_TYPES.directiveIssued));
    expect(Object.values(directive.changes ?? {}).every((c) => typeof c.recordedAt === 'string')).toBe(true);
  });

  it('drops the changes recorded after knownAt, so the view as of any date is the one shown then', () => {
    const atT = directiveAsKnownAt(directive, T)!;
    expect(directiveView(atT, '2017-12-31').monitoringAgency).toBe('so-ldtbxh');
    expect(directiveView(directive, '2017-12-31').monitoringAgency).toBe('so-nv');
    expect(directiveView(atT, '2017-03-25').tasks.map((t) => [t.number, t.deadline])).toEqual([
      ['1', '2017-04-30'],
      ['2', null],
    ]);
    const beforeChanges = directiveAsKnownAt(directive, '2017-02-11T00:00:00.000Z')!;
    expect(directiveView(beforeChanges, '2017-03-25').tasks.map((t) => [t.number, t.deadline])).toEqual([['1', '2017-03-31']]);
    expect(directiveView(beforeChanges, '2017-03-25').assignmentCount).toBe(2);
  });

  it('is null before the issue was recorded; a document without a record time counts as known', () => {
    expect(directiveAsKnownAt(directive, '2017-02-10T08:00:00.000Z')).toBeNull();
    const { recordedAt, ...old } = directive;
    void recordedAt;
    expect(directiveAsKnownAt(old as DirectiveDoc, '2017-02-10T08:00:00.000Z')).not.toBeNull();
  });
});

describe('entriesKnownAt', () => {
  it('keeps the timeline entries recorded by knownAt', () => {
    const entries = timelineOf(story.events, A);
    expect(timeline(entriesKnownAt(entries, T)).map((e) => e.type)).toEqual([
      EVENT_TYPES.directiveIssued,
      EVENT_TYPES.progressReported,
      EVENT_TYPES.taskDeadlineChanged,
    ]);
    expect(timeline(entries)).toHaveLength(7);
  });
});
