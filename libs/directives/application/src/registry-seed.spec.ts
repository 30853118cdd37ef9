import { REGISTRY_STREAM } from '@dm/contracts';
import { InMemoryEventStore } from '@dm/eventsourcing';
import { defaultEditions } from '@dm/registry';
import { RegistryProjection } from './registry-projection';
import { seedDefaultRegistry } from './registry-seed';

describe('the default registry loaded on start', () => {
  it('loads each default edition once: a second start, or two starting together, write nothing more', async () => {
    const store = new InMemoryEventStore({ name: 'task-assignment' });
    const [first, second] = await Promise.all([seedDefaultRegistry(store), seedDefaultRegistry(store)]);
    expect(first + second).toBeGreaterThan(500);
    const revision = await store.streamRevision(REGISTRY_STREAM);
    expect(revision).toBe(first + second - 1);
    expect(await seedDefaultRegistry(store)).toBe(0);
    expect(await store.streamRevision(REGISTRY_STREAM)).toBe(revision);
    const registry = await new RegistryProjection(store).registry();
    expect(registry.version).toBe(`registry@r${revision}`);
    expect(registry.snapshot('2026-03-01').groups['ubnd-xa'].members).toHaveLength(166);
  });

  it('loads the editions a start did not reach (a crash between two), and each only once', async () => {
    const store = new InMemoryEventStore({ name: 'task-assignment' });
    await seedDefaultRegistry(store);
    const all = await store.streamRevision(REGISTRY_STREAM);
    const partial = new InMemoryEventStore({ name: 'task-assignment' });
    const events = [];
    for await (const e of store.readStream(REGISTRY_STREAM)) events.push(e);
    const first = `default-registry:${defaultEditions()[0].edition}`;
    const firstEdition = events.filter((e) => e.correlationId === first);
    await partial.appendToStream(
      REGISTRY_STREAM,
      firstEdition.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        actor: e.actor,
        occurredAt: e.occurredAt,
        correlationId: e.correlationId,
        causationId: e.causationId,
        schemaVersion: e.schemaVersion,
      })),
    );
    expect(await seedDefaultRegistry(partial)).toBe((all as number) + 1 - firstEdition.length);
    expect(await partial.streamRevision(REGISTRY_STREAM)).toBe(all);
  });
});
