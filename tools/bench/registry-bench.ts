import { AgencyRegistry, decideImport, defaultRegistry, parseEdition, registryDecider } from '@dm/registry';

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * An edition of `rows` new communes, all in one new group, loaded on the
 * default registry: the import decided, its events folded as the projection
 * and the command handler fold them (evolveMany) beside one evolve per event
 * (the baseline), then a date's snapshot and list of agencies.
 */
export function registryBench(rows: number) {
  const base = defaultRegistry().state;
  const edition = parseEdition({
    edition: 'bench',
    effectiveOn: '2026-01-01',
    reason: 'Đo hiệu năng',
    authorizingDocument: 'bench',
    groups: [{ id: 'bench-group', name: 'Nhóm đo' }],
    agencies: Array.from({ length: rows }, (_, i) => ({
      id: `bench-${i}`,
      name: `UBND xã Đo ${i}`,
      kind: 'commune',
      groups: ['bench-group'],
    })),
  });
  let start = process.hrtime.bigint();
  const events = decideImport(edition, base);
  const decideMs = since(start);
  start = process.hrtime.bigint();
  const folded = registryDecider.evolveMany!(base, events);
  const foldManyMs = since(start);
  start = process.hrtime.bigint();
  events.reduce(registryDecider.evolve, base);
  const foldOneByOneMs = since(start);
  const registry = new AgencyRegistry(folded, 'bench');
  start = process.hrtime.bigint();
  registry.snapshot('2026-03-01');
  registry.agencies('2026-03-01');
  const readMs = since(start);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    rows,
    events: events.length,
    decideMs: r(decideMs),
    foldManyMs: r(foldManyMs),
    foldOneByOneMs: r(foldOneByOneMs),
    oneByOneOverMany: r(foldOneByOneMs / foldManyMs),
    readMs: r(readMs),
  };
}
