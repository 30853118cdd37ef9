import { v7 as uuidv7 } from 'uuid';
import { assignmentStreamId, directiveStreamId, EVENT_TYPES, type NewEvent } from '@dm/contracts';
import { directiveDecider, directiveIdFor, IssueDirective } from '@dm/directives-domain';
import { specMetadata } from '@dm/eventsourcing/testing';
import { addDays, startOfVietnamDay } from '@dm/periods';
import { EmbeddedRuntime, rebuildReadModels } from '@dm/composition';
import { defaultRegistry } from '@dm/registry';
import { seed4308Directive } from '@dm/testing';
import type { DirectiveIssued } from '@dm/contracts';

const actor = { userId: 'bench', agencyId: 'so-ldtbxh', role: 'monitoring_officer' as const };
const envelope = (type: string, occurredOn: string, data: unknown): NewEvent => ({
  eventId: uuidv7(),
  type,
  schemaVersion: 1,
  occurredAt: startOfVietnamDay(occurredOn),
  actor,
  correlationId: uuidv7(),
  causationId: null,
  data,
  metadata: {},
});

/**
 * Writes a province's year straight into the stores (one directive shaped
 * like the seed per 1,000 events, each with its 276 assignments, and progress
 * reports spread over them: about four per assignment), then rebuilds every
 * read model from them.
 */
export async function rebuildBench(dataDir: string, total: number) {
  const runtime = new EmbeddedRuntime(dataDir);
  try {
    const directives = Math.max(1, Math.round(total / 1000));
    const registry = defaultRegistry();
    const assignments: Array<DirectiveIssued['assignments'][number] & { directiveId: string }> = [];
    for (let n = 1; n <= directives; n++) {
      const request = { ...seed4308Directive(), number: `${n}/UBND-VX` };
      const directiveId = directiveIdFor(request.issuer, request.issuedOn, request.number);
      const command = new IssueDirective(
        { ...request, registry: registry.snapshot(request.issuedOn), today: request.issuedOn },
        specMetadata(),
      );
      const [issued] = directiveDecider.decide(command, directiveDecider.initialState());
      await runtime.stores.taskAssignment.appendToStream(directiveStreamId(directiveId), [
        envelope(issued.type, request.issuedOn, issued.data),
      ]);
      assignments.push(...(issued.data as DirectiveIssued).assignments.map((a) => ({ ...a, directiveId })));
    }
    const progress = total - directives;
    for (let start = 0; start < progress; start += 5000) {
      const byStream = new Map<string, NewEvent[]>();
      for (let i = start; i < Math.min(progress, start + 5000); i++) {
        const a = assignments[i % assignments.length];
        const reportedOn = addDays('2017-02-11', Math.floor(i / assignments.length) % 3000);
        const stream = assignmentStreamId(a.id);
        if (!byStream.has(stream)) byStream.set(stream, []);
        byStream.get(stream)!.push(
          envelope(EVENT_TYPES.progressReported, reportedOn, {
            assignmentId: a.id,
            directiveId: a.directiveId,
            taskNumber: a.taskNumber,
            agencyId: a.agencyId,
            reportedOn,
            summary: `Báo cáo ${i}`,
            percent: i % 101,
            difficulties: null,
            proposals: null,
          }),
        );
      }
      await runtime.stores.progressEvents.appendBatch([...byStream].map(([streamId, events]) => ({ streamId, events })));
    }
    const { events, seconds } = await rebuildReadModels(runtime);
    return { events, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(events / seconds) };
  } finally {
    await runtime.close();
  }
}
