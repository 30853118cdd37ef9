import { thanhHoa2017Registry } from './thanh-hoa-2017';
import { AgencyRegistry } from './registry';

describe('agency registry', () => {
  const registry = thanhHoa2017Registry();

  it('resolves the district committees group to its 27 members', () => {
    const snapshot = registry.snapshot('2017-02-10');
    expect(snapshot.groups['ubnd-huyen'].members).toHaveLength(27);
    expect(snapshot.groups['ubnd-huyen'].members).toContain('h-muong-lat');
    expect(snapshot.groups['huyen-ngheo-30a'].members).toHaveLength(7);
    expect(snapshot.agencies['so-ldtbxh'].name).toBe('Sở Lao động - Thương binh và Xã hội');
  });

  it('finds the office of the issuing body', () => {
    expect(registry.officeOf('ubnd-tinh')).toBe('vp-ubnd-tinh');
    expect(registry.officeOf('so-ldtbxh')).toBeNull();
  });

  it('leaves out agencies outside their validity when a group is resolved', () => {
    const dated = new AgencyRegistry({
      registry: 't',
      edition: '1',
      groups: [{ id: 'g', name: 'G', validFrom: '2000-01-01', validTo: null }],
      agencies: [
        {
          id: 'old',
          name: 'Old',
          kind: 'district',
          parent: null,
          groups: ['g'],
          aliases: [],
          validFrom: '2000-01-01',
          validTo: '2020-01-01',
        },
        { id: 'new', name: 'New', kind: 'district', parent: null, groups: ['g'], aliases: [], validFrom: '2020-01-01', validTo: null },
      ],
    });
    expect(dated.snapshot('2017-02-10').groups.g.members).toEqual(['old']);
    expect(dated.snapshot('2021-01-01').groups.g.members).toEqual(['new']);
  });
});
