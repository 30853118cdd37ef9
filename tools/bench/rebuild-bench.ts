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

type BenchAssignment = DirectiveIssued['assignments'][number] & { directiveId: string };

/** What writeProvinceYear writes: directives shaped like the seed, progress reports over their assignments, and completions. */
export interface ProvinceYear {
  directives: number;
  /** Progress reports, round-robin over every assignment (about four per assignment in the rebuild bench). */
  progressReports: number;
  /** Task deadlines each directive is issued with (seed4308Directive's argument); none by default, as the letter sets none. */
  deadlines?: Record<string, string | null>;
  /**
   * Lead assignments reported complete then confirmed (two events each, after
   * every progress report): the n-th lead assignment (from 0) is completed on
   * `completedOn(n)` when that answers a date, and confirmed `confirmedAfterDays`
   * later (3 by default). None by default.
   */
  completions?: { completedOn: (n: number) => string | null; confirmedAfterDays?: number };
}

/** The seed directive numbered `n`/UBND-VX, decided on the registry: its id and its directive.issued event. */
export function seedDirective(n: number, deadlines?: Record<string, string | null>, registry = defaultRegistry()) {
  const request = { ...seed4308Directive(deadlines), number: `${n}/UBND-VX` };
  const directiveId = directiveIdFor(request.issuer, request.issuedOn, request.number);
  const command = new IssueDirective(
    { ...request, registry: registry.snapshot(request.issuedOn), today: request.issuedOn },
    specMetadata(),
  );
  const [issued] = directiveDecider.decide(command, directiveDecider.initialState());
  return { directiveId, issued, issuedOn: request.issuedOn };
}

/**
 * Writes a province's year straight into the stores of `runtime` (no read
 * model is touched): `directives` directives shaped like the seed (letter
 * 4308, numbered 1/UBND-VX, 2/UBND-VX, ..., each with its 276 assignments),
 * the progress reports spread over them, then the completions asked for.
 */
export async function writeProvinceYear(runtime: EmbeddedRuntime, year: ProvinceYear) {
  const registry = defaultRegistry();
  const assignments: BenchAssignment[] = [];
  const directiveIds: string[] = [];
  for (let n = 1; n <= year.directives; n++) {
    const { directiveId, issued, issuedOn } = seedDirective(n, year.deadlines, registry);
    await runtime.stores.taskAssignment.appendToStream(directiveStreamId(directiveId), [envelope(issued.type, issuedOn, issued.data)]);
    directiveIds.push(directiveId);
    assignments.push(...(issued.data as DirectiveIssued).assignments.map((a) => ({ ...a, directiveId })));
  }
  const ref = (a: BenchAssignment) => ({ assignmentId: a.id, directiveId: a.directiveId, taskNumber: a.taskNumber, agencyId: a.agencyId });
  const progress = year.progressReports;
  for (let start = 0; start < progress; start += 5000) {
    const byStream = new Map<string, NewEvent[]>();
    for (let i = start; i < Math.min(progress, start + 5000); i++) {
      const a = assignments[i % assignments.length];
      const reportedOn = addDays('2017-02-11', Math.floor(i / assignments.length) % 3000);
      const stream = assignmentStreamId(a.id);
      if (!byStream.has(stream)) byStream.set(stream, []);
      byStream.get(stream)!.push(
        envelope(EVENT_TYPES.progressReported, reportedOn, {
          ...ref(a),
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
  const leads = assignments.filter((a) => a.role === 'lead');
  let completed = 0;
  if (year.completions) {
    const { completedOn, confirmedAfterDays = 3 } = year.completions;
    for (let start = 0; start < leads.length; start += 5000) {
      const appends: Array<{ streamId: string; events: NewEvent[] }> = [];
      for (let n = start; n < Math.min(leads.length, start + 5000); n++) {
        const on = completedOn(n);
        if (!on) continue;
        const a = leads[n];
        const confirmedOn = addDays(on, confirmedAfterDays);
        appends.push({
          streamId: assignmentStreamId(a.id),
          events: [
            envelope(EVENT_TYPES.completionReported, on, { ...ref(a), completedOn: on, summary: `Hoàn thành ${n}`, evidence: null }),
            envelope(EVENT_TYPES.completionConfirmed, confirmedOn, { ...ref(a), completedOn: on, confirmedOn }),
          ],
        });
      }
      if (appends.length) await runtime.stores.progressEvents.appendBatch(appends);
      completed += appends.length;
    }
  }
  return {
    directiveIds,
    assignments: assignments.length,
    leads: leads.length,
    completed,
    events: year.directives + progress + 2 * completed,
  };
}

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
    await writeProvinceYear(runtime, { directives, progressReports: total - directives });
    const { events, seconds } = await rebuildReadModels(runtime);
    return { events, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(events / seconds) };
  } finally {
    await runtime.close();
  }
}
