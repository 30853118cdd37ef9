import { resolveAssignments } from '@dm/directives-domain';
import { defaultRegistry } from '@dm/registry';
import { seed4308Directive } from '@dm/testing';
import { previewFanOut, registryOnDate } from '../src/logic/fan-out';

/**
 * The web app's fan-out preview against the directives domain itself, on the
 * default registry: what the preview shows is what issuing would record.
 */
describe('fan-out preview and the directives domain agree', () => {
  const registry = defaultRegistry();

  it.each(['2017-02-10', '2020-07-01', '2025-07-01', '2026-01-15'])('for every task of letter 4308 addressed on %s', (date) => {
    const seed = seed4308Directive();
    const answer = { agencies: registry.agencies(date), groups: registry.groups(date) };
    const snapshot = registry.snapshot(date);
    let total = 0;
    for (const task of seed.tasks) {
      const lead = task.lead.filter((id) => id in snapshot.agencies || id in snapshot.groups);
      const coordinating = (task.coordinating ?? []).filter((id) => id in snapshot.agencies || id in snapshot.groups);
      const domain = resolveAssignments('d', { ...task, lead, coordinating }, snapshot, seed.issuer);
      const preview = previewFanOut({ lead, coordinating, mode: task.mode }, registryOnDate(answer), seed.issuer);
      expect(preview.assignments.map((a) => [a.agencyId, a.role, a.viaGroup, a.mode])).toEqual(
        domain.map((a) => [a.agencyId, a.role, a.viaGroup, a.mode ?? task.mode]),
      );
      total += preview.assignments.length;
    }
    expect(total).toBeGreaterThan(100);
    if (date === seed.issuedOn) expect(total).toBe(276);
  });
});
