import { EVENT_TYPES, type RecordedEvent } from '@dm/contracts';
import { busMessage } from './testing';
import { InMemoryMessageBus } from './in-memory';
import type { BusMessage } from './message-bus';
import { validatingConsumer } from './validating-consumer';

const progress = {
  assignmentId: 'a-1',
  directiveId: 'd-1',
  taskNumber: '1',
  agencyId: 'so-yte',
  reportedOn: '2017-03-01',
  summary: 'started',
  percent: 10,
  difficulties: null,
  proposals: null,
};
const valid = (key: string, data: unknown = progress) =>
  busMessage('monitoring.progress.v1', key, { type: EVENT_TYPES.progressReported, data });

describe('validatingConsumer', () => {
  it('hands on the valid events in order and dead-letters the others with the reason', async () => {
    const bus = new InMemoryMessageBus();
    const handled: Array<{ events: RecordedEvent[]; messages: BusMessage[] }> = [];
    await bus.subscribe(
      'report-projection',
      ['monitoring.progress.v1'],
      validatingConsumer('report-projection', bus, async (events, messages) => void handled.push({ events, messages })),
    );
    const first = valid('assignment-2');
    const badData = valid('assignment-1', { ...progress, percent: 140 });
    const unknownType = busMessage('monitoring.progress.v1', 'assignment-1', { type: 'assignment.unheard-of' });
    const notAnEvent = { ...busMessage('monitoring.progress.v1', 'assignment-3'), event: { nope: true } as unknown as RecordedEvent };
    const second = valid('assignment-1');
    await bus.publish([first, badData, unknownType, notAnEvent, second]);

    expect(handled).toHaveLength(1);
    expect(handled[0].events.map((e) => e.eventId)).toEqual([first.event.eventId, second.event.eventId]);
    expect(handled[0].messages.map((m) => m.key)).toEqual(['assignment-2', 'assignment-1']);
    const letters = await bus.deadLetters('report-projection');
    expect(letters.map((l) => [l.key, l.reason])).toEqual([
      ['assignment-1', expect.stringContaining('data: percent')],
      ['assignment-1', 'unknown event assignment.unheard-of v1'],
      ['assignment-3', expect.stringContaining('envelope:')],
    ]);
    expect(JSON.parse(letters[0].payload)).toEqual(badData.event);
  });

  it('does not call the handler when nothing in the batch is valid', async () => {
    const bus = new InMemoryMessageBus();
    const handle = jest.fn(async () => undefined);
    await validatingConsumer('g', bus, handle)([busMessage('t', 'k', { type: 'unknown' })]);
    expect(handle).not.toHaveBeenCalled();
    expect(await bus.deadLetters('g')).toHaveLength(1);
  });
});
