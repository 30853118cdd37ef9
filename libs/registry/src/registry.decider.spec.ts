import { EVENT_SCHEMAS, REGISTRY_EVENT_TYPES as T, type RegistryEvent } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { CreateGroup, EndGroup, registryDecider, RenameAgency } from './registry.decider';
import { agencyEnded, create, end, groupCreated, members, province, registryOf, why } from './registry.fixtures';

const given = DeciderSpecification.for(registryDecider);

describe('the registry decider', () => {
  it('every event it decides has the shape its contract states', () => {
    const decided = [
      ...province,
      ...registryDecider.decide(end(), province.reduce(registryDecider.evolve, registryDecider.initialState())),
    ];
    for (const e of decided) expect(EVENT_SCHEMAS[e.type][1].safeParse(e.data).success).toBe(true);
  });

  describe('CreateAgency', () => {
    it('given the registry, when an agency is created in a group from a date, then agency-created with that date and its groups', () => {
      given(province)
        .when(create({ groups: ['so-ban-nganh'], parent: 'so-nv', aliases: ['Sở M'] }))
        .then([
          {
            type: T.agencyCreated,
            data: {
              ...why,
              agencyId: 'so-moi',
              name: 'Sở Mới',
              kind: 'department',
              parent: 'so-nv',
              aliases: ['Sở M'],
              groups: ['so-ban-nganh'],
              validFrom: '2025-03-01',
            },
          },
        ]);
    });

    it('refuses an id already valid over the same days (409: the validity would overlap), and never reuses an ended one', () => {
      given(province)
        .when(create({ id: 'so-nv', validFrom: '2030-01-01' }))
        .thenThrows(IllegalStateError, (e) => {
          expect(e.field).toBe('id');
          expect(e.message).toContain('overlap');
        });
      given([...province, agencyEnded('so-ldtbxh', '2025-02-28')])
        .when(create({ id: 'so-ldtbxh', validFrom: '2026-01-01' }))
        .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('never reused'));
      given(province)
        .when(create({ id: 'so-ban-nganh' }))
        .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('a group'));
    });

    it('refuses a member of a group before the group existed, and a group or parent it does not know', () => {
      given([...province, groupCreated('ubnd-xa', '2025-07-01')])
        .when(create({ groups: ['ubnd-xa'], validFrom: '2025-03-01' }))
        .thenThrows(RuleViolationError, (e) => {
          expect(e.field).toBe('groups[0]');
          expect(e.message).toContain('01/07/2025');
        });
      given(province)
        .when(create({ groups: ['no-such'] }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('groups[0]'));
      given(province)
        .when(create({ parent: 'no-such' }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('parent'));
      given(province)
        .when(create({ groups: ['so-ban-nganh', 'so-ban-nganh'] }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('groups[1]'));
    });

    it('refuses a parent that is not valid on the first day', () => {
      given([...province, agencyEnded('so-ldtbxh', '2025-02-28')])
        .when(create({ parent: 'so-ldtbxh', validFrom: '2025-03-01' }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('parent'));
      given([...province, agencyEnded('so-ldtbxh', '2025-02-28')])
        .when(create({ parent: 'so-ldtbxh', validFrom: '2025-02-28' }))
        .then([expect.objectContaining({ type: T.agencyCreated }) as RegistryEvent]);
    });
  });

  describe('RenameAgency', () => {
    const rename = (d: object = {}) =>
      new RenameAgency({ ...why, id: 'so-nv', name: 'Sở Nội vụ mới', effectiveOn: '2025-03-01', ...d }, specMetadata());

    it('given an agency, when renamed from a date, then agency-renamed with its previous name; the name read depends on the date', () => {
      given(province)
        .when(rename())
        .then([
          {
            type: T.agencyRenamed,
            data: { ...why, agencyId: 'so-nv', previousName: 'Sở so-nv', name: 'Sở Nội vụ mới', aliases: [], effectiveOn: '2025-03-01' },
          },
        ]);
      const renamed = registryOf([...province, ...registryDecider.decide(rename(), registryOf(province).state)]);
      expect(renamed.snapshot('2025-02-28').agencies['so-nv'].name).toBe('Sở so-nv');
      expect(renamed.snapshot('2025-03-01').agencies['so-nv'].name).toBe('Sở Nội vụ mới');
      expect(renamed.agency('so-nv')?.names).toEqual([
        { name: 'Sở so-nv', from: '2016-01-01' },
        { name: 'Sở Nội vụ mới', from: '2025-03-01' },
      ]);
    });

    it('decides nothing when the name and aliases in force are already those', () => {
      given(province)
        .when(rename({ name: 'Sở so-nv' }))
        .thenNothingHappened();
    });

    it('refuses a name dated on or before the last change, outside the validity, or of an unknown agency', () => {
      given(province)
        .when(rename({ effectiveOn: '2016-01-01' }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
      given([...province, agencyEnded('so-nv', '2020-12-31')])
        .when(rename())
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
      given(province)
        .when(rename({ id: 'no-such' }))
        .thenThrows(NotFoundError);
      given(province)
        .when(rename({ effectiveOn: '2015-12-31' }))
        .thenThrows(RuleViolationError, (e) => expect(e.message).toContain('01/01/2016'));
    });
  });

  describe('EndAgency', () => {
    it('given an agency, when it ends on its last day naming a successor valid the next day, then agency-ended', () => {
      given(province)
        .when(end())
        .then([
          {
            type: T.agencyEnded,
            data: { ...why, agencyId: 'so-ldtbxh', validTo: '2025-02-28', successors: [{ agencyId: 'so-nnmt', duties: null }] },
          },
        ]);
    });

    it('names one successor per duty area, each with its duties', () => {
      const successors = [
        { agencyId: 'so-nv', duties: 'lao động, việc làm' },
        { agencyId: 'so-nnmt', duties: 'giảm nghèo' },
      ];
      given(province)
        .when(end({ successors }))
        .then([{ type: T.agencyEnded, data: { ...why, agencyId: 'so-ldtbxh', validTo: '2025-02-28', successors } }]);
      given(province)
        .when(
          end({
            successors: [
              { agencyId: 'so-nv', duties: 'lao động' },
              { agencyId: 'so-nnmt', duties: null },
            ],
          }),
        )
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('successors[1].duties'));
    });

    it('refuses a successor not valid the day after the end, unknown, named twice, or the agency itself', () => {
      given(province)
        .when(end({ validTo: '2025-02-27' }))
        .thenThrows(RuleViolationError, (e) => {
          expect(e.field).toBe('successors[0].agencyId');
          expect(e.message).toContain('28/02/2025');
        });
      given(province)
        .when(end({ successors: [{ agencyId: 'no-such', duties: null }] }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('successors[0].agencyId'));
      given(province)
        .when(end({ successors: [{ agencyId: 'so-ldtbxh', duties: null }] }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('successors[0].agencyId'));
      given(province)
        .when(
          end({
            successors: [
              { agencyId: 'so-nv', duties: 'a' },
              { agencyId: 'so-nv', duties: 'b' },
            ],
          }),
        )
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('successors[1]'));
    });

    it('refuses an end before the agency began, and a second end on another day; the same end again decides nothing', () => {
      given(province)
        .when(end({ validTo: '2015-12-31', successors: [] }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('validTo'));
      const ended = agencyEnded('so-ldtbxh', '2025-02-28', [{ agencyId: 'so-nnmt', duties: null }]);
      given([...province, ended])
        .when(end())
        .thenNothingHappened();
      given([...province, ended])
        .when(end({ validTo: '2025-03-31' }))
        .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('28/02/2025'));
      given(province)
        .when(end({ id: 'no-such' }))
        .thenThrows(NotFoundError);
    });

    it('refuses to end a successor before the day it takes over', () => {
      const ended = agencyEnded('so-ldtbxh', '2025-02-28', [{ agencyId: 'so-nv', duties: null }]);
      given([...province, ended])
        .when(end({ id: 'so-nv', validTo: '2025-02-28', successors: [] }))
        .thenThrows(RuleViolationError, (e) => {
          expect(e.field).toBe('validTo');
          expect(e.message).toContain('01/03/2025');
        });
      given([...province, ended])
        .when(end({ id: 'so-nv', validTo: '2025-03-01', successors: [] }))
        .then([{ type: T.agencyEnded, data: { ...why, agencyId: 'so-nv', validTo: '2025-03-01', successors: [] } }]);
    });

    it('leaves the agency valid through its last day, out of its groups from the next, with its successors', () => {
      const registry = registryOf([...province, agencyEnded('so-ldtbxh', '2025-02-28', [{ agencyId: 'so-nnmt', duties: null }])]);
      expect(registry.snapshot('2025-02-28').groups['so-ban-nganh'].members).toEqual(['so-ldtbxh', 'so-nv']);
      expect(registry.snapshot('2025-03-01').groups['so-ban-nganh'].members).toEqual(['so-nv', 'so-nnmt']);
      expect(registry.snapshot('2025-03-01').outside?.['so-ldtbxh']).toMatchObject({
        validTo: '2025-02-28',
        successors: [{ agencyId: 'so-nnmt', duties: null }],
      });
    });
  });

  describe('groups and their members', () => {
    it('creates a group with its first members from its first day', () => {
      given(province)
        .when(
          new CreateGroup(
            { ...why, id: 'ubnd-xa', name: 'UBND các xã, phường', validFrom: '2025-07-01', members: ['so-nv'] },
            specMetadata(),
          ),
        )
        .then([
          { type: T.groupCreated, data: { ...why, groupId: 'ubnd-xa', name: 'UBND các xã, phường', validFrom: '2025-07-01' } },
          { type: T.groupMembersChanged, data: { ...why, groupId: 'ubnd-xa', effectiveOn: '2025-07-01', added: ['so-nv'], removed: [] } },
        ]);
    });

    it('changes members from a date: the removed leave the day before, the added join that day', () => {
      const change = registryDecider.decide(members({ add: [], remove: ['so-ldtbxh'] }), registryOf(province).state);
      const registry = registryOf([...province, ...change]);
      expect(registry.snapshot('2025-02-28').groups['so-ban-nganh'].members).toContain('so-ldtbxh');
      expect(registry.snapshot('2025-03-01').groups['so-ban-nganh'].members).not.toContain('so-ldtbxh');
      const back = registryDecider.decide(members({ effectiveOn: '2025-05-01', add: ['so-ldtbxh'] }), registry.state);
      expect(registryOf([...province, ...change, ...back]).snapshot('2025-05-01').groups['so-ban-nganh'].members).toContain('so-ldtbxh');
    });

    it('refuses a member before the group existed, or after it ended', () => {
      const later = [...province, groupCreated('ubnd-xa', '2025-07-01')];
      given(later)
        .when(members({ id: 'ubnd-xa', effectiveOn: '2025-06-30', add: ['so-nv'] }))
        .thenThrows(RuleViolationError, (e) => {
          expect(e.field).toBe('effectiveOn');
          expect(e.message).toContain('01/07/2025');
        });
      given([...province, { type: T.groupEnded, data: { ...why, groupId: 'so-ban-nganh', validTo: '2024-12-31' } }])
        .when(members({ add: ['so-nnmt'] }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
    });

    it('refuses a membership that would overlap one the agency has, a member outside its validity, and removals that cannot be', () => {
      given(province)
        .when(members({ add: ['so-nv'] }))
        .thenThrows(IllegalStateError, (e) => {
          expect(e.field).toBe('add[0]');
          expect(e.message).toContain('overlap');
        });
      given(province)
        .when(members({ effectiveOn: '2025-02-01', add: [], remove: ['so-nnmt'] }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('remove[0]'));
      given([...province, groupCreated('ubnd-xa', '2016-01-01')])
        .when(members({ id: 'ubnd-xa', effectiveOn: '2025-02-01', add: ['so-nnmt'] }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('add[0]'));
      given(province)
        .when(members({ add: [], remove: ['so-nnmt'], effectiveOn: '2025-03-01' }))
        .thenThrows(RuleViolationError, (e) => expect(e.message).toContain('joined'));
      given(province)
        .when(members({ add: ['so-nnmt'], remove: ['so-nnmt'] }))
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('add[0]'));
      given(province)
        .when(members({ id: 'no-such', add: ['so-nv'] }))
        .thenThrows(NotFoundError);
    });

    it('ends a group on its last day, not before a member joined; its members resolve to none after', () => {
      const endGroup = (validTo: string) => new EndGroup({ ...why, id: 'so-ban-nganh', validTo }, specMetadata());
      given(province)
        .when(endGroup('2025-02-28'))
        .thenThrows(RuleViolationError, (e) => expect(e.message).toContain('01/03/2025'));
      given(province)
        .when(endGroup('2025-06-30'))
        .then([{ type: T.groupEnded, data: { ...why, groupId: 'so-ban-nganh', validTo: '2025-06-30' } }]);
      const ended = registryOf([...province, ...registryDecider.decide(endGroup('2025-06-30'), registryOf(province).state)]);
      expect(ended.snapshot('2025-06-30').groups['so-ban-nganh'].members).toHaveLength(3);
      expect(ended.snapshot('2025-07-01').groups['so-ban-nganh']).toBeUndefined();
      given([...province, { type: T.groupEnded, data: { ...why, groupId: 'so-ban-nganh', validTo: '2025-06-30' } }])
        .when(endGroup('2025-06-30'))
        .thenNothingHappened();
    });
  });
});
