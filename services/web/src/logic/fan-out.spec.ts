import { countByRole, previewFanOut, registryOnDate } from './fan-out';

const agency = (id: string, kind: string, groups: string[] = []) => ({ id, name: `Tên ${id}`, kind, groups });

const registry = registryOnDate({
  agencies: [
    agency('ubnd-tinh', 'province'),
    agency('so-ldtbxh', 'department', ['so-ban-nganh']),
    agency('so-yt', 'department', ['so-ban-nganh']),
    agency('h-ba-thuoc', 'district', ['ubnd-huyen']),
    agency('h-nga-son', 'district', ['ubnd-huyen']),
    agency('hu-ba-thuoc', 'party-committee', ['cap-uy']),
  ] as never,
  groups: [
    { id: 'so-ban-nganh', name: 'Các sở, ban, ngành', validFrom: '2016-01-01', validTo: null },
    { id: 'ubnd-huyen', name: 'UBND các huyện', validFrom: '2016-01-01', validTo: null },
    { id: 'cap-uy', name: 'Các cấp ủy', validFrom: '2016-01-01', validTo: null },
    { id: 'trong', name: 'Nhóm trống', validFrom: '2016-01-01', validTo: null },
  ],
});

describe('fan-out preview', () => {
  it('reaches a group’s members in registry order, naming the group', () => {
    const preview = previewFanOut({ lead: ['ubnd-huyen'], coordinating: [], mode: 'yeu-cau' }, registry, 'ubnd-tinh');
    expect(preview.assignments).toEqual([
      { agencyId: 'h-ba-thuoc', name: 'Tên h-ba-thuoc', role: 'lead', viaGroup: 'ubnd-huyen', mode: 'yeu-cau' },
      { agencyId: 'h-nga-son', name: 'Tên h-nga-son', role: 'lead', viaGroup: 'ubnd-huyen', mode: 'yeu-cau' },
    ]);
  });

  it('keeps an agency’s first way in, and gives a lead agency no coordinating assignment', () => {
    const preview = previewFanOut(
      { lead: ['so-ldtbxh', 'so-ban-nganh'], coordinating: ['so-yt', 'ubnd-huyen', 'h-ba-thuoc'], mode: 'giao' },
      registry,
      'ubnd-tinh',
    );
    expect(preview.assignments.map((a) => [a.agencyId, a.role, a.viaGroup])).toEqual([
      ['so-ldtbxh', 'lead', null],
      ['so-yt', 'lead', 'so-ban-nganh'],
      ['h-ba-thuoc', 'coordinating', 'ubnd-huyen'],
      ['h-nga-son', 'coordinating', 'ubnd-huyen'],
    ]);
    expect(countByRole(preview)).toEqual({ lead: 2, coordinating: 2 });
  });

  it('requests (đề nghị) a party body a state body addresses, whatever the task’s mode', () => {
    const preview = previewFanOut({ lead: ['cap-uy'], coordinating: [], mode: 'giao' }, registry, 'ubnd-tinh');
    expect(preview.assignments[0].mode).toBe('de-nghi');
  });

  it('does not request a party body its own sphere addresses', () => {
    const preview = previewFanOut({ lead: ['cap-uy'], coordinating: [], mode: 'giao' }, registry, 'hu-ba-thuoc');
    expect(preview.assignments[0].mode).toBe('giao');
  });

  it('names ids unknown on the date and groups without members', () => {
    const preview = previewFanOut({ lead: ['h-xyz', 'trong'], coordinating: [], mode: 'giao' }, registry, 'ubnd-tinh');
    expect(preview).toEqual({ assignments: [], unknown: ['h-xyz'], emptyGroups: ['trong'] });
  });
});
