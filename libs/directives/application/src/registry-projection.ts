import { REGISTRY_STREAM, type RecordedEvent, type RegistryEvent } from '@dm/contracts';
import { foldEvents, type EventStore } from '@dm/eventsourcing';
import { AgencyRegistry, registryDecider, registryVersion, type RegistryState } from '@dm/registry';

/**
 * The registry's projection: its stream folded in memory, with the revision
 * folded so far as its checkpoint. Each read first catches up with the
 * stream (one look-up when nothing is new), so a change appended by another
 * process, or by the CLI, is seen by the next request.
 */
export class RegistryProjection {
  private state: RegistryState = registryDecider.initialState();
  private revision = -1;
  private current = new AgencyRegistry(this.state, registryVersion(-1));
  private catching: Promise<AgencyRegistry> | null = null;

  constructor(private readonly store: EventStore) {}

  /**
   * The registry as its stream tells it now. A catch-up already running may
   * have looked at the stream before a write this caller has seen answered:
   * the caller then catches up again after it.
   */
  async registry(): Promise<AgencyRegistry> {
    if (this.catching) await this.catching.catch(() => undefined);
    this.catching ??= this.catchUp().finally(() => (this.catching = null));
    return this.catching;
  }

  private async catchUp(): Promise<AgencyRegistry> {
    const head = await this.store.streamRevision(REGISTRY_STREAM);
    if (head === null || head <= this.revision) return this.current;
    const events: Array<RecordedEvent<RegistryEvent>> = [];
    for await (const event of this.store.readStream<RegistryEvent>(REGISTRY_STREAM, { fromRevision: this.revision + 1 }))
      events.push(event);
    if (!events.length) return this.current;
    this.state = foldEvents(registryDecider, this.state, events);
    this.revision = events[events.length - 1].streamRevision;
    this.current = new AgencyRegistry(this.state, registryVersion(this.revision));
    return this.current;
  }
}
