import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@dm/contracts';
import { AssignmentView, VIEW_COLLECTION } from '@dm/progress-events';
import { reportProjector } from '@dm/report-projection';
import { ASSIGNMENT_FACTS, ASSIGNMENTS, DIRECTIVES, TIMELINE } from '@dm/reporting-domain';
import { runDemo } from '@dm/testing';
import { SqliteReadStore } from './adapters';
import { startEmbedded } from './embedded-app';

/** Projectors fed every event twice, and in another order across streams, give the same read models as once. */
describe('projections replayed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-replay-'));
  const history: Array<{ source: string; event: RecordedEvent }> = [];

  beforeAll(async () => {
    const server = await startEmbedded({ dataDir: join(dir, 'system'), logger: false });
    await runDemo(server.url, (claims) => server.runtime.tokens.sign(claims));
    for (const store of Object.values(server.runtime.stores)) {
      for await (const event of store.readAll()) history.push({ source: store.name, event });
    }
    await server.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function project(name: string, feed: (apply: (source: string, events: RecordedEvent[]) => Promise<void>) => Promise<void>) {
    const store = new SqliteReadStore({ file: join(dir, `${name}.db`) });
    const projector = reportProjector(store);
    const view = new AssignmentView(store, 0);
    await projector.init();
    await feed(async (source, events) => {
      await projector.apply(source, events);
      await view.apply(events.filter((e) => e.streamId.startsWith('directive-')));
    });
    const docs = {
      assignments: await store.find(ASSIGNMENTS, { orderBy: [['_id', 'asc']] }),
      assignmentFacts: await store.find(ASSIGNMENT_FACTS, { orderBy: [['_id', 'asc']] }),
      directives: await store.find(DIRECTIVES, { orderBy: [['_id', 'asc']] }),
      timeline: await store.find(TIMELINE, { orderBy: [['_id', 'asc']] }),
      view: await store.find(VIEW_COLLECTION, { orderBy: [['_id', 'asc']] }),
    };
    await store.close();
    return docs;
  }

  it('gives the same documents when every event is delivered twice', async () => {
    expect(history.length).toBeGreaterThan(150);
    const once = await project('once', async (apply) => {
      for (const { source, event } of history) await apply(source, [event]);
    });
    const twice = await project('twice', async (apply) => {
      for (const { source, event } of history) {
        await apply(source, [event, event]);
        await apply(source, [event]);
      }
      for (let i = 0; i < history.length; i += 50) {
        const batch = history.slice(i, i + 50);
        await apply(
          batch[0].source,
          batch.filter((h) => h.source === batch[0].source).map((h) => h.event),
        );
      }
    });
    // the letter's groups as they resolve in 2017 (244), with task 1's 28 Party committees and task 5's 4 commercial banks
    expect(once.assignments.length).toBe(276);
    expect(twice).toEqual(once);
  });

  it('gives the same documents when progress arrives before the directive that created its assignment', async () => {
    const once = await project('ordered', async (apply) => {
      for (const { source, event } of history) await apply(source, [event]);
    });
    const reversedSources = await project('progress-first', async (apply) => {
      const progress = history.filter((h) => h.event.streamId.startsWith('assignment-'));
      const directives = history.filter((h) => h.event.streamId.startsWith('directive-'));
      for (const { source, event } of [...progress, ...directives]) await apply(source, [event]);
    });
    expect(reversedSources.assignments).toEqual(once.assignments);
    expect(reversedSources.assignmentFacts).toEqual(once.assignmentFacts);
    expect(reversedSources.directives).toEqual(once.directives);
    expect(reversedSources.timeline).toEqual(once.timeline);
  });
});
