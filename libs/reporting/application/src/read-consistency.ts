import { isDirectiveStream, isPublishedStream, REPORTING_STORE, STREAM_PREFIX } from '@dm/contracts';
import { consistencyToken, parseConsistencyToken, problems, type WrittenAt } from '@dm/platform';
import type { Projector, ReadStore } from '@dm/read-store';
import { appliedRevision } from './report-projection';

const MAX_TOKENS = 200;

const isProjectedStream = (streamId: string) => isDirectiveStream(streamId) || streamId.startsWith(STREAM_PREFIX.assignment);

/**
 * A read sent with X-Consistency-Token waits, bounded, until the projector
 * has applied the write the token names (docs/architecture.md, "Consistency"):
 * the stream's revision in its document, which holds whatever order Kafka
 * delivered other streams in; for other streams, the source's checkpoint.
 */
export class ReadConsistency {
  constructor(
    private readonly served: () => { store: ReadStore; projector: Projector },
    private readonly timeoutMs = 5000,
  ) {}

  /** `header`: one token, or several separated by commas (a client's writes to several streams). */
  async waitFor(header: string | undefined): Promise<void> {
    if (!header) return;
    const texts = header
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (texts.length > MAX_TOKENS) {
      throw problems.invalid([{ field: 'X-Consistency-Token', message: `at most ${MAX_TOKENS} tokens per request` }]);
    }
    const wanted = texts.map((text) => {
      const token = parseConsistencyToken(text);
      if (!token) {
        throw problems.invalid([
          { field: 'X-Consistency-Token', message: 'each token must be <source>:<position>:<streamId>:<revision>, as a write answered it' },
        ]);
      }
      return token;
    });
    const deadline = Date.now() + this.timeoutMs;
    for (const token of wanted) {
      while (!(await this.applied(token))) {
        if (Date.now() >= deadline) {
          throw problems.unavailable(`The read model has not reached ${consistencyToken(token)} within ${this.timeoutMs} ms; retry later`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  private async applied(wanted: WrittenAt): Promise<boolean> {
    // The reporting store's own writes are read from its ledger, which catches up on every read.
    if (wanted.source === REPORTING_STORE) return true;
    // An import draft's write is task-assignment's own: no read model here waits for it.
    if (!isPublishedStream(wanted.streamId)) return true;
    const { store, projector } = this.served();
    if (isProjectedStream(wanted.streamId)) return ((await appliedRevision(store, wanted.streamId)) ?? -1) >= wanted.revision;
    return ((await projector.appliedPosition(wanted.source)) ?? 0) >= wanted.position;
  }
}
