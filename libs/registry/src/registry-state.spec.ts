import { REGISTRY_EVENT_TYPES as T, type RegistryEvent } from '@dm/contracts';
import { defaultRegistry } from './default-registry';
import { AgencyRegistry } from './registry';
import { covers, evolveRegistry, evolveRegistryMany, groupsByAgencyOn, initialRegistryState, overlaps } from './registry-state';

const why = { reason: 'r', authorizingDocument: 'd' };
const events: RegistryEvent[] = [
  { type: T.groupCreated, data: { ...why, groupId: 'g1', name: 'G1', validFrom: '2016-01-01' } },
  { type: T.groupCreated, data: { ...why, groupId: 'g2', name: 'G2', validFrom: '2016-01-01' } },
  {
    type: T.agencyCreated,
    data: { ...why, agencyId: 'a', name: 'A', kind: 'district', parent: null, aliases: [], groups: ['g1', 'g2'], validFrom: '2016-01-01' },
  },
  {
    type: T.agencyCreated,
    data: { ...why, agencyId: 'b', name: 'B', kind: 'district', parent: null, aliases: [], groups: ['g1'], validFrom: '2016-01-01' },
  },
  { type: T.groupMembersChanged, data: { ...why, groupId: 'g1', effectiveOn: '2018-01-01', added: [], removed: ['a'] } },
  { type: T.groupMembersChanged, data: { ...why, groupId: 'g1', effectiveOn: '2019-01-01', added: ['a'], removed: [] } },
  { type: T.groupEnded, data: { ...why, groupId: 'g2', validTo: '2020-12-31' } },
  { type: T.agencyEnded, data: { ...why, agencyId: 'b', validTo: '2021-12-31', successors: [{ agencyId: 'a', duties: null }] } },
];

describe('the registry state', () => {
  it('folds the same state one event at a time and all at once, and never changes the state it starts from', () => {
    const oneByOne = events.reduce(evolveRegistry, initialRegistryState());
    expect(evolveRegistryMany(initialRegistryState(), events)).toEqual(oneByOne);
    for (let i = 0; i < events.length; i++) {
      const before = events.slice(0, i).reduce(evolveRegistry, initialRegistryState());
      const copy = structuredClone(before);
      evolveRegistry(before, events[i]);
      evolveRegistryMany(before, events.slice(i));
      expect(before).toEqual(copy);
    }
  });

  it('gives each agency of a snapshot the groups it belongs to on that day, each once', () => {
    const registry = new AgencyRegistry(evolveRegistryMany(initialRegistryState(), events), 'spec');
    expect(registry.snapshot('2017-01-01').agencies.a.groups).toEqual(['g1', 'g2']);
    expect(registry.snapshot('2018-06-01').agencies.a.groups).toEqual(['g2']);
    expect(registry.snapshot('2019-06-01').agencies.a.groups).toEqual(['g1', 'g2']);
    expect(registry.snapshot('2021-06-01').agencies.a.groups).toEqual(['g1']);
    expect(registry.snapshot('2021-06-01').agencies.b.groups).toEqual(['g1']);
    expect(registry.snapshot('2022-01-01').agencies.b).toBeUndefined();
    expect(registry.agencies('2018-06-01').map((a) => [a.id, a.groups])).toEqual([
      ['a', ['g2']],
      ['b', ['g1']],
    ]);
    const state = evolveRegistryMany(initialRegistryState(), [
      ...events,
      { type: T.groupMembersChanged, data: { ...why, groupId: 'g1', effectiveOn: '2020-01-01', added: [], removed: ['a'] } },
      { type: T.groupMembersChanged, data: { ...why, groupId: 'g1', effectiveOn: '2020-01-02', added: ['a'], removed: [] } },
    ]);
    expect(groupsByAgencyOn(state, '2020-06-01').get('a')).toEqual(['g1', 'g2']);
  });

  it('knows when two spans of days overlap, both ends included', () => {
    const span = (from: string, to: string | null) => ({ from, to });
    expect(overlaps(span('2016-01-01', '2017-12-31'), span('2017-12-31', null))).toBe(true);
    expect(overlaps(span('2016-01-01', '2017-12-31'), span('2018-01-01', null))).toBe(false);
    expect(overlaps(span('2018-01-01', null), span('2016-01-01', '2017-12-31'))).toBe(false);
    expect(overlaps(span('2018-01-01', null), span('2016-01-01', '2018-01-01'))).toBe(true);
    expect(overlaps(span('2018-01-01', '2018-12-31'), span('2019-01-01', '2019-12-31'))).toBe(false);
    expect(overlaps(span('2016-01-01', null), span('2030-01-01', null))).toBe(true);
    expect(covers(span('2016-01-01', '2016-01-01'), '2016-01-01')).toBe(true);
    expect(covers(span('2016-01-01', '2016-01-01'), '2016-01-02')).toBe(false);
  });

  it('folds the default editions into the same registry whichever way', () => {
    const registry = defaultRegistry();
    expect(registry.snapshot('2017-02-10').agencies['h-muong-lat'].groups).toEqual(['ubnd-huyen', 'huyen-ngheo-30a']);
    expect(registry.snapshot('2026-03-01').agencies['so-nnmt'].groups).toEqual(['so-ban-nganh']);
  });
});
