import { busMessage, messageBusContract } from '../testing';
import type { BusMessage } from '../message-bus';
import { InMemoryMessageBus } from './in-memory-message-bus';

messageBusContract('InMemoryMessageBus', async () => new InMemoryMessageBus(), { publishAwaitsConsumers: true });

describe('InMemoryMessageBus', () => {
  it('also delivers a dead letter to subscribers of <group>.dlq', async () => {
    const bus = new InMemoryMessageBus({ clock: () => new Date('2026-01-01T00:00:00Z') });
    const parked: BusMessage[] = [];
    await bus.subscribe('ops', ['report-projection.dlq'], async (batch) => void parked.push(...batch));
    await bus.deadLetter({ group: 'report-projection', topic: 't', key: 'assignment-1', reason: 'bad', payload: '{"type":"x"}' });
    expect(parked).toEqual([{ topic: 'report-projection.dlq', key: 'assignment-1', source: 'report-projection', event: { type: 'x' } }]);
    expect(await bus.deadLetters('report-projection')).toEqual([
      {
        group: 'report-projection',
        topic: 't',
        key: 'assignment-1',
        reason: 'bad',
        payload: '{"type":"x"}',
        at: '2026-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('refuses a second consumer of a topic in the same group, and a group consuming its own dead letters', async () => {
    const bus = new InMemoryMessageBus();
    await bus.subscribe('g', ['a', 'b'], async () => undefined);
    await expect(bus.subscribe('g', ['b'], async () => undefined)).rejects.toThrow('already has a consumer of topic b');
    await expect(bus.subscribe('g', ['g.dlq'], async () => undefined)).rejects.toThrow('its own dead letters');
    const other = await bus.subscribe('g', ['c'], async () => undefined);
    await other.stop();
  });

  it('hands a group only the messages of its topics, in one batch per publish', async () => {
    const bus = new InMemoryMessageBus();
    const batches: string[][] = [];
    await bus.subscribe('g', ['a', 'b'], async (batch) => void batches.push(batch.map((m) => m.topic)));
    await bus.publish([busMessage('a', 'k'), busMessage('c', 'k'), busMessage('b', 'k')]);
    expect(batches).toEqual([['a', 'b']]);
  });
});
