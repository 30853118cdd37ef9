import { parseConsistencyToken, problems } from '@dm/platform';
import type { ReportProjector } from './report-projector';

/**
 * A read sent with X-Consistency-Token waits, bounded, until the projector
 * has applied the position the token names (DESIGN.md "Consistency seen by a client").
 */
export class ReadConsistency {
  constructor(
    private readonly projector: ReportProjector,
    private readonly timeoutMs = 5000,
  ) {}

  async waitFor(token: string | undefined): Promise<void> {
    if (!token) return;
    const wanted = parseConsistencyToken(token);
    if (!wanted) throw problems.invalid([{ field: 'X-Consistency-Token', message: 'must be <source>:<position>' }]);
    const deadline = Date.now() + this.timeoutMs;
    while (((await this.projector.appliedPosition(wanted.source)) ?? 0) < wanted.position) {
      if (Date.now() >= deadline) {
        throw problems.unavailable(`The read model has not reached ${token} within ${this.timeoutMs} ms; retry later`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
