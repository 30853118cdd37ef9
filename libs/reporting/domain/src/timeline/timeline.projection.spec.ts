import { ProjectionSpecification } from '@dm/eventsourcing/testing';
import type { FactEvent } from '../assignments/assignment-doc';
import { assignmentId, Story, timelineOf } from '../story.fixtures';
import { timeline, timelineProjection, type TimelineDoc } from './timeline.projection';

const A = assignmentId('1', 'so-tc');

describe('timeline', () => {
  it('lists every fact of the assignment from both sources, oldest first', () => {
    const story = new Story()
      .issue([
        { number: '1', deadline: '2017-03-31', lead: ['so-tc'] },
        { number: '2', deadline: null, lead: ['so-tc'] },
      ])
      .progress(A, '2017-03-01', 30)
      .changeDeadline('2', null, '2017-12-31', '2017-03-05') // another task: not on this timeline
      .changeDeadline('1', '2017-03-31', '2017-06-30', '2017-03-20')
      .complete(A, '2017-05-01')
      .confirm(A, '2017-05-01', '2017-05-02')
      .cancel('1', '2017-06-01');
    const entries = timeline(timelineOf(story.events, A));
    expect(entries.map((e) => [e.type, e.source, e.revision])).toEqual([
      ['directive.issued', 'd', 0],
      ['assignment.progress-reported', 'a', 0],
      ['directive.task-deadline-changed', 'd', 2],
      ['assignment.completion-reported', 'a', 1],
      ['assignment.completion-confirmed', 'a', 2],
      ['directive.task-cancelled', 'd', 3],
    ]);
    expect(entries[1]).toEqual({
      recordedLate: false,
      type: 'assignment.progress-reported',
      occurredAt: '2017-03-01T09:00:00+07:00',
      recordedAt: story.events[1].recordedAt,
      actor: { userId: 'u', agencyId: 'so-tc', role: 'agency_officer' },
      data: story.events[1].data,
      source: 'a',
      streamId: `assignment-${A}`,
      revision: 0,
      eventId: story.events[1].eventId,
    });
  });

  it('orders by record time as instants, then directive before assignment, then revision', () => {
    const fact = (source: 'd' | 'a', revision: number, recordedAt: string): FactEvent => ({
      eventId: `${source}${revision}`,
      source,
      streamId: source === 'd' ? 'directive-d' : 'assignment-x',
      revision,
      type: 't',
      schemaVersion: 1,
      occurredAt: recordedAt,
      recordedAt,
      actor: { userId: 'u', agencyId: null, role: 'system' },
      data: {},
    });
    const entries = [
      fact('a', 1, '2017-03-01T10:00:00Z'),
      fact('a', 0, '2017-03-01T10:00:00Z'),
      fact('a', 2, '2017-03-01T16:00:00+07:00'),
      fact('d', 5, '2017-03-01T10:00:00.000Z'),
      fact('d', 9, '2017-03-01T08:00:00Z'),
    ];
    // 16:00+07:00 is 09:00Z, before 10:00Z
    expect(timeline(entries).map((e) => e.eventId)).toEqual(['d9', 'a2', 'd5', 'a0', 'a1']);
  });
});

describe('timeline projection', () => {
  const districts = Array.from({ length: 27 }, (_, i) => `h-${i + 1}`);
  const a = (task: string, agency: string, role: 'lead' | 'coordinating' = 'lead') => assignmentId(task, agency, role);
  const story = new Story().issue([
    { number: '1', deadline: '2017-03-31', lead: ['so-tc'], coordinating: ['so-ldtbxh'] },
    { number: '3', deadline: null, lead: districts },
  ]);
  const [issued] = story.events;
  const timelineWritesFor = (event: typeof issued) =>
    timelineProjection.evolve(event) as unknown as Array<{ id: string; set: TimelineDoc }>;

  it('puts the whole creation event on each assignment timeline, with only its own task', () => {
    const entries = timelineWritesFor(issued);
    expect(entries).toHaveLength(2 + 27);
    const w = entries[2];
    expect(w).toMatchObject({ id: `${a('3', 'h-1')}:d:0`, source: 't', revision: 0, set: { assignmentId: a('3', 'h-1') } });
    const fact = w.set.entry;
    expect(fact).toMatchObject({
      eventId: issued.eventId,
      source: 'd',
      streamId: 'directive-d-1',
      revision: 0,
      type: 'directive.issued',
      schemaVersion: 1,
    });
    expect(Object.keys(fact.data).sort()).toEqual(
      [
        'assignment',
        'directiveId',
        'issuedOn',
        'issuer',
        'issuerOffice',
        'monitoringAgency',
        'number',
        'registryVersion',
        'signer',
        'subject',
        'task',
        'type',
      ].sort(),
    );
    expect(fact.data.task).toMatchObject({ number: '3', deadline: null });
    expect(fact.data.assignment).toEqual({ id: a('3', 'h-1'), taskNumber: '3', agencyId: 'h-1', role: 'lead', viaGroup: null });
  });

  it('keeps the first entry of a replayed event, whatever the replay carries', () => {
    const replay = { ...issued, data: { ...(issued.data as object), subject: 'changed' } };
    ProjectionSpecification.for(timelineProjection)
      .given([issued, replay])
      .then((docs) => {
        expect(docs.size).toBe(29);
        expect((docs.get(`${a('3', 'h-1')}:d:0`) as unknown as TimelineDoc).entry.data.subject).toBe('Giảm nghèo bền vững');
      });
  });
});

describe('timeline flags on reports', () => {
  const id = assignmentId('1', 'so-tc');
  it('marks a report recorded more than two working days after its date, and names the agency a paper report was recorded for', () => {
    const story = new Story()
      .issue([{ number: '1', deadline: null, lead: ['so-tc'] }])
      .recordAt('2017-03-08T09:00:00+07:00')
      .progress(id, '2017-03-03');
    const [, report] = timeline(timelineOf(story.events, id));
    expect(report).toMatchObject({ type: 'assignment.progress-reported', recordedLate: true });
    expect(report.onBehalfOf).toBeUndefined();
    const onPaper = {
      ...story.events[1],
      data: { ...(story.events[1].data as object), incomingDocument: { number: '45/BC', date: '2017-03-04' } },
    };
    const [, recorded] = timeline(timelineOf([story.events[0], onPaper], id));
    expect(recorded).toMatchObject({ onBehalfOf: 'so-tc', actor: { role: 'agency_officer' } });
  });
});
