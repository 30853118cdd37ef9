import { defaultRegistry } from './default-registry';

describe('the default registry (Thanh Hóa, 2016 to today)', () => {
  const registry = defaultRegistry();

  it('resolves the district committees group to its 27 members in 2017', () => {
    const snapshot = registry.snapshot('2017-02-10');
    expect(snapshot.groups['ubnd-huyen'].members).toHaveLength(27);
    expect(snapshot.groups['ubnd-huyen'].members).toContain('h-muong-lat');
    expect(snapshot.groups['huyen-ngheo-30a'].members).toHaveLength(7);
    expect(snapshot.agencies['so-ldtbxh'].name).toBe('Sở Lao động - Thương binh và Xã hội');
  });

  it('holds 2016, so that the seed letter’s own basis (21/10/2016) can be entered', () => {
    expect(registry.snapshot('2016-10-21').agencies['ubnd-tinh']).toBeDefined();
    expect(registry.snapshot('2015-12-31').agencies['ubnd-tinh']).toBeUndefined();
  });

  it('names Sầm Sơn a city from 19/04/2017, and Nghi Sơn a town in place of Tĩnh Gia from 01/06/2020', () => {
    expect(registry.snapshot('2017-04-18').agencies['tx-sam-son'].name).toBe('UBND thị xã Sầm Sơn');
    expect(registry.snapshot('2017-04-19').agencies['tx-sam-son'].name).toBe('UBND thành phố Sầm Sơn');
    const in2020 = registry.snapshot('2020-06-01').groups['ubnd-huyen'].members;
    expect(in2020).toContain('tx-nghi-son');
    expect(in2020).not.toContain('h-tinh-gia');
    expect(in2020).toHaveLength(27);
  });

  it('knows the province after 01/07/2025: no district group, 166 communes (147 xã, 19 phường)', () => {
    const today = registry.snapshot('2026-03-01');
    expect(today.groups['ubnd-huyen']).toBeUndefined();
    const communes = today.groups['ubnd-xa'].members;
    expect(communes).toHaveLength(166);
    expect(communes.filter((id) => today.agencies[id].name.startsWith('UBND phường '))).toHaveLength(19);
    expect(communes.filter((id) => today.agencies[id].name.startsWith('UBND xã '))).toHaveLength(147);
    expect(today.agencies['h-muong-lat']).toBeUndefined();
  });

  it('ends Sở LĐ-TB&XH on 28/02/2025 with a successor per duty area, poverty reduction to Sở Nông nghiệp và Môi trường', () => {
    const ended = registry.agency('so-ldtbxh');
    expect(ended?.validTo).toBe('2025-02-28');
    expect(ended?.successors).toContainEqual({ agencyId: 'so-nnmt', duties: 'giảm nghèo' });
    expect(registry.snapshot('2025-03-01').groups['so-ban-nganh'].members).toEqual(expect.arrayContaining(['so-nnmt', 'so-dttg']));
    expect(registry.snapshot('2025-03-01').groups['so-ban-nganh'].members).not.toContain('so-ldtbxh');
  });

  it('holds issuers and addressees beyond the province', () => {
    const s = registry.snapshot('2017-01-06');
    expect(s.agencies['thu-tuong']).toMatchObject({ name: 'Thủ tướng Chính phủ', kind: 'prime-minister' });
    expect(s.agencies['tinh-uy'].kind).toBe('party-committee');
    expect(s.groups['ngan-hang-thuong-mai'].members.length).toBeGreaterThan(0);
    expect(s.groups['cap-uy-dang'].members).toHaveLength(28);
  });

  it('finds the office of the issuing body; bodies outside the province have theirs recorded by the province office', () => {
    expect(registry.officeOf('ubnd-tinh', '2017-02-10')).toBe('vp-ubnd-tinh');
    expect(registry.officeOf('so-ldtbxh', '2017-02-10')).toBeNull();
    expect(registry.officeOf('thu-tuong', '2017-01-06')).toBe('vp-ubnd-tinh');
    expect(registry.officeOf('tinh-uy', '2017-01-06')).toBe('vp-ubnd-tinh');
  });
});
