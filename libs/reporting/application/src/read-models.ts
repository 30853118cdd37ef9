import { TOPICS } from '@dm/contracts';
import { IllegalStateError } from '@dm/eventsourcing';
import { validatingConsumer, type BusMessage, type Consumer, type MessageBus } from '@dm/message-bus';
import { problems } from '@dm/platform';
import { GenerationReadStore, type Projector, type ReadStore } from '@dm/read-store';
import type { StatusRules } from '@dm/reporting-domain';
import { READ_MODEL_VERSION, READ_MODEL_VERSION_CHECKPOINT, REPORT_PROJECTION, reportProjector } from './report-projection';
import { ASSIGNMENTS } from '@dm/reporting-domain';
import { ReportQueries } from './report-queries';

export const REPORT_PROJECTION_GROUP = 'report-projection';
/** The generation the service reads and writes; a rebuild moves it on. */
export const GENERATION_CHECKPOINT = `${REPORT_PROJECTION}:generation`;
/** The last generation a rebuild started (an abandoned one is never reused). */
const ATTEMPT_CHECKPOINT = `${REPORT_PROJECTION}:generation-started`;
const TOPICS_READ = [TOPICS.directives, TOPICS.progress, TOPICS.registry];

/** Generation 0 keeps the plain group name, so an installation without rebuilds keeps its offsets. */
export const groupOf = (generation: number) => (generation === 0 ? REPORT_PROJECTION_GROUP : `${REPORT_PROJECTION_GROUP}.g${generation}`);

export interface RebuildStatus {
  generation: number;
  state: 'replaying' | 'switched' | 'failed';
  startedAt: string;
  lag: number | null;
  switchedAt?: string;
  error?: string;
}

interface Generation {
  generation: number;
  store: GenerationReadStore;
  projector: Projector;
  queries: ReportQueries;
  consumer: Consumer;
}

/**
 * report-projection's read models: the live generation, fed by its consumer
 * group, and at most one rebuild, which replays the topics from the start
 * into the next generation's collections under a new group and takes over
 * once it has no lag left.
 */
export class ReadModels {
  private live: Generation | null = null;
  private applied = 0;
  private status: RebuildStatus | null = null;
  private rebuilding = false;

  constructor(
    private readonly store: ReadStore,
    private readonly bus: MessageBus,
    private readonly onApplied: (messages: BusMessage[]) => void = () => undefined,
    private readonly pollMs = 500,
    private readonly rules?: StatusRules,
  ) {}

  async start(): Promise<void> {
    this.live = await this.open((await this.store.getCheckpoint(GENERATION_CHECKPOINT)) ?? 0);
    await this.upgrade();
  }

  /**
   * Documents written at an older READ_MODEL_VERSION are replayed anew: on
   * Kafka by an online rebuild (which marks the version once switched); on
   * the in-process bus the embedded start has rebuilt them already.
   */
  private async upgrade(): Promise<void> {
    if ((await this.store.getCheckpoint(READ_MODEL_VERSION_CHECKPOINT)) === READ_MODEL_VERSION) return;
    const written = (await this.current.store.find(ASSIGNMENTS, { limit: 1 })).length > 0;
    if (written && this.bus.lag) await this.startRebuild();
    else await this.store.setCheckpoint(READ_MODEL_VERSION_CHECKPOINT, READ_MODEL_VERSION);
  }

  async stop(): Promise<void> {
    this.rebuilding = false;
    await this.live?.consumer.stop();
  }

  /** Moves on with every batch the served read models apply, and with each switch of generation: what cached answers are checked against. */
  get version(): number {
    return this.applied;
  }

  get generation(): number {
    return this.current.generation;
  }

  /** The generation served: its store and projector. */
  get served(): { store: ReadStore; projector: Projector } {
    return this.current;
  }

  get queries(): ReportQueries {
    return this.current.queries;
  }

  rebuildStatus(): RebuildStatus | null {
    return this.status;
  }

  /** Starts replaying into the next generation; answers at once with its status. */
  async startRebuild(): Promise<RebuildStatus> {
    const lag = this.bus.lag?.bind(this.bus);
    if (!lag) {
      throw new IllegalStateError(
        'An online rebuild replays Kafka topics; this service runs on the in-process bus. Stop it and run `npm run cli -- rebuild`.',
      );
    }
    if (this.rebuilding) throw new IllegalStateError(`A rebuild into generation ${this.status?.generation} is running`);
    this.rebuilding = true;
    const generation = Math.max(this.generation, (await this.store.getCheckpoint(ATTEMPT_CHECKPOINT)) ?? 0) + 1;
    await this.store.setCheckpoint(ATTEMPT_CHECKPOINT, generation);
    this.status = { generation, state: 'replaying', startedAt: new Date().toISOString(), lag: null };
    void this.replay(generation, lag).catch((error: Error) => {
      this.rebuilding = false;
      this.status = { ...this.status!, state: 'failed', error: error.message };
    });
    return this.status;
  }

  private async replay(generation: number, lag: (group: string, topics: string[]) => Promise<number>): Promise<void> {
    const next = await this.open(generation, true);
    for (;;) {
      if (!this.rebuilding) return void (await next.consumer.stop());
      const behind = await lag(groupOf(generation), TOPICS_READ);
      this.status = { ...this.status!, lag: behind };
      if (behind === 0) break;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
    const previous = this.current;
    this.live = next;
    this.applied += 1;
    await this.store.setCheckpoint(GENERATION_CHECKPOINT, generation);
    await this.store.setCheckpoint(READ_MODEL_VERSION_CHECKPOINT, READ_MODEL_VERSION);
    await previous.consumer.stop();
    await previous.projector.truncate();
    this.status = { ...this.status!, state: 'switched', switchedAt: new Date().toISOString() };
    this.rebuilding = false;
  }

  private async open(generation: number, fresh = false): Promise<Generation> {
    const store = new GenerationReadStore(this.store, generation);
    const projector = reportProjector(store);
    if (fresh) await projector.truncate();
    await projector.init();
    const group = groupOf(generation);
    const consumer = await this.bus.subscribe(
      group,
      TOPICS_READ,
      validatingConsumer(group, this.bus, async (_events, messages) => {
        // Moved before and after: an answer computed while the batch is written is never taken for after it.
        if (this.live?.projector === projector) this.applied += 1;
        await projector.applyAll(messages);
        if (this.live?.projector === projector) {
          this.applied += 1;
          this.onApplied(messages);
        }
      }),
    );
    return { generation, store, projector, queries: new ReportQueries(store, this.rules), consumer };
  }

  private get current(): Generation {
    if (!this.live) throw problems.unavailable('The read models are starting');
    return this.live;
  }
}
