import { REGISTRY_EVENT_TYPES as T, type RegistryEvent } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { membersOn } from './registry-state';
import { EndGroup, ImportEdition, registryDecider, RenameAgency } from './registry.decider';
import { agencyEnded, end, groupCreated, members, province, registryOf, why } from './registry.fixtures';

const given = DeciderSpecification.for(registryDecider);

describe('the registry decider at its edges', () => {
  const endGroup = (validTo: string, id = 'so-ban-nganh') => new EndGroup({ ...why, id, validTo }, specMetadata());
  const fold = (events: RegistryEvent[]) => events.reduce(registryDecider.evolve, registryDecider.initialState());

  it('gives a new agency no successors, and a new group no members', () => {
    const registry = registryOf(province);
    expect(registry.agency('so-nv')?.successors).toEqual([]);
    expect(fold([groupCreated('g')]).groups.g.members).toEqual([]);
  });

  it('lets a member leave and join again after its membership ended, but never twice over the same days', () => {
    const left = [
      ...province,
      { type: T.groupMembersChanged, data: { ...why, groupId: 'so-ban-nganh', effectiveOn: '2020-01-01', added: [], removed: ['so-nv'] } },
    ] as RegistryEvent[];
    given(left)
      .when(members({ effectiveOn: '2021-01-01', add: ['so-nv'] }))
      .then([
        {
          type: T.groupMembersChanged,
          data: { ...why, groupId: 'so-ban-nganh', effectiveOn: '2021-01-01', added: ['so-nv'], removed: [] },
        },
      ]);
    given(left)
      .when(members({ effectiveOn: '2021-01-01', remove: ['so-nv'] }))
      .thenThrows(RuleViolationError, (e) => expect(e.message).toContain('is not a member'));
    const back = [
      ...left,
      { type: T.groupMembersChanged, data: { ...why, groupId: 'so-ban-nganh', effectiveOn: '2021-01-01', added: ['so-nv'], removed: [] } },
    ] as RegistryEvent[];
    const registry = registryOf(back);
    expect(registry.snapshot('2019-12-31').groups['so-ban-nganh'].members).toContain('so-nv');
    expect(registry.snapshot('2020-06-01').groups['so-ban-nganh'].members).not.toContain('so-nv');
    expect(registry.snapshot('2021-01-01').groups['so-ban-nganh'].members).toContain('so-nv');
    // leaving again ends only the open membership: the first keeps its last day
    const again = fold([
      ...back,
      { type: T.groupMembersChanged, data: { ...why, groupId: 'so-ban-nganh', effectiveOn: '2022-01-01', added: [], removed: ['so-nv'] } },
    ]);
    expect(again.groups['so-ban-nganh'].members.filter((m) => m.agencyId === 'so-nv').map((m) => [m.from, m.to])).toEqual([
      ['2016-01-01', '2019-12-31'],
      ['2021-01-01', '2021-12-31'],
    ]);
  });

  it('ends a group on the day its last member joined, not the day before; another end date after one is refused; no group, not found', () => {
    given(province)
      .when(endGroup('2025-03-01'))
      .then([{ type: T.groupEnded, data: { ...why, groupId: 'so-ban-nganh', validTo: '2025-03-01' } }]);
    given([...province, { type: T.groupEnded, data: { ...why, groupId: 'so-ban-nganh', validTo: '2025-06-30' } }])
      .when(endGroup('2025-07-31'))
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('30/06/2025'));
    given(province).when(endGroup('2025-06-30', 'no-such')).thenThrows(NotFoundError);
    given([groupCreated('g', '2020-01-01')])
      .when(endGroup('2019-12-31', 'g'))
      .thenThrows(RuleViolationError, (e) => expect(e.message).toContain('begins on 01/01/2020'));
  });

  it('ends an agency on the day of its last rename; the same end with other successors is refused', () => {
    const renamed = [
      ...province,
      {
        type: T.agencyRenamed,
        data: { ...why, agencyId: 'so-ldtbxh', previousName: 'Sở so-ldtbxh', name: 'Sở LĐ', aliases: [], effectiveOn: '2024-01-01' },
      },
    ] as RegistryEvent[];
    given(renamed)
      .when(end({ validTo: '2024-01-01', successors: [] }))
      .then([{ type: T.agencyEnded, data: { ...why, agencyId: 'so-ldtbxh', validTo: '2024-01-01', successors: [] } }]);
    given([...province, agencyEnded('so-ldtbxh', '2025-02-28', [{ agencyId: 'so-nnmt', duties: null }])])
      .when(end({ successors: [{ agencyId: 'so-nv', duties: null }] }))
      .thenThrows(IllegalStateError);
    const two = [
      { agencyId: 'so-nv', duties: 'lao động' },
      { agencyId: 'so-nnmt', duties: 'giảm nghèo' },
    ];
    given([...province, agencyEnded('so-ldtbxh', '2025-02-28', two)])
      .when(end({ successors: two }))
      .thenNothingHappened();
    given([...province, agencyEnded('so-ldtbxh', '2025-02-28', two)])
      .when(end({ successors: [two[0], { ...two[1], duties: 'môi trường' }] }))
      .thenThrows(IllegalStateError);
    given([...province, agencyEnded('so-ldtbxh', '2025-02-28', two)])
      .when(end({ successors: [two[0]] }))
      .thenThrows(IllegalStateError);
  });

  it('renames when only the aliases change', () => {
    given(province)
      .when(new RenameAgency({ ...why, id: 'so-nv', name: 'Sở so-nv', aliases: ['SNV'], effectiveOn: '2020-01-01' }, specMetadata()))
      .then([
        {
          type: T.agencyRenamed,
          data: { ...why, agencyId: 'so-nv', previousName: 'Sở so-nv', name: 'Sở so-nv', aliases: ['SNV'], effectiveOn: '2020-01-01' },
        },
      ]);
  });

  it('decides an import through the decider, and names the row of an id a group row takes from an agency', () => {
    const edition = {
      ...why,
      edition: 'e',
      source: null,
      effectiveOn: '2020-01-01',
      groups: [{ id: 'so-nv', name: 'Nhóm' }],
      agencies: [],
    };
    given(province)
      .when(new ImportEdition(edition, specMetadata()))
      .thenThrows(IllegalStateError, (e) => expect(e.field).toBe('groups[0].id'));
    given(province)
      .when(new ImportEdition({ ...edition, groups: [{ id: 'nhom-moi', name: 'Nhóm' }] }, specMetadata()))
      .then([{ type: T.groupCreated, data: { ...why, groupId: 'nhom-moi', name: 'Nhóm', validFrom: '2020-01-01' } }]);
  });

  it('resolves no members for a group on a day outside it', () => {
    const state = fold(province);
    expect(membersOn(state, state.groups['so-ban-nganh'], '2015-12-31')).toEqual([]);
  });
});
