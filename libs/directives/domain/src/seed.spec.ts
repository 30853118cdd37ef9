import type { DirectiveIssued, IssueDirectiveRequest } from '@dm/contracts';
import { specMetadata } from '@dm/eventsourcing/testing';
import { defaultRegistry } from '@dm/registry';
import { directiveDecider } from './directive';
import { IssueDirective } from './issue-directive';

/** Letter 4308/UBND-VX (Thanh Hóa, 10/02/2017), issued against the real 2017 registry. */
describe('seed 4308/UBND-VX', () => {
  const registry = defaultRegistry().snapshot('2017-02-10');
  const t = (
    number: string,
    mode: 'giao' | 'yeu-cau' | 'de-nghi',
    lead: string[],
    coordinating: string[] = [],
  ): IssueDirectiveRequest['tasks'][number] => ({
    number,
    text: `Nhiệm vụ ${number}`,
    mode,
    lead,
    coordinating,
    deadline: null,
    reportDuty: null,
  });
  const [event] = directiveDecider.decide(
    new IssueDirective(
      {
        number: '4308/UBND-VX',
        type: 'cong-van',
        issuer: 'ubnd-tinh',
        issuedOn: '2017-02-10',
        subject: 'V/v thực hiện Chỉ thị số 01 ngày 06/01/2017 của Thủ tướng Chính phủ',
        legalBasis: ['01/CT-TTg', '289-QĐ/TU', '159/KH-UBND'],
        addressees: ['so-ban-nganh', 'ubnd-huyen'],
        signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
        monitoringAgency: 'so-ldtbxh',
        tasks: [
          t('3', 'giao', ['ubnd-huyen']),
          t('5', 'giao', ['nhcsxh-tinh']),
          t('10', 'de-nghi', ['mttq-tinh', 'doan-the']),
          t('11', 'giao', ['so-ldtbxh'], ['so-ban-nganh', 'ubnd-huyen']),
        ],
        registry,
        today: '2017-02-10',
      },
      specMetadata(),
    ),
    directiveDecider.initialState(),
  );
  const data = event.data as DirectiveIssued;
  const of = (taskNumber: string, role: 'lead' | 'coordinating') =>
    data.assignments.filter((a) => a.taskNumber === taskNumber && a.role === role);

  it('fans task 3 out to the 27 districts, towns and the city, each its own lead assignment', () => {
    const lead = of('3', 'lead');
    expect(lead).toHaveLength(27);
    expect(new Set(lead.map((a) => a.id)).size).toBe(27);
    expect(lead.every((a) => a.viaGroup === 'ubnd-huyen')).toBe(true);
    expect(lead.map((a) => a.agencyId)).toEqual(registry.groups['ubnd-huyen'].members);
    expect(of('3', 'coordinating')).toHaveLength(0);
  });

  it('records the issuer office and the registry version', () => {
    expect(data.issuerOffice).toBe('vp-ubnd-tinh');
    expect(data.registryVersion).toBe(registry.version);
  });

  it('gives the Front and the mass organisations the request of task 10', () => {
    expect(of('10', 'lead').map((a) => a.agencyId)).toEqual([
      'mttq-tinh',
      'hoi-lhpn-tinh',
      'tinh-doan',
      'hoi-nong-dan-tinh',
      'hoi-ccb-tinh',
      'ldld-tinh',
    ]);
  });

  it('does not make DOLISA coordinate the task it leads (task 11)', () => {
    expect(of('11', 'lead').map((a) => a.agencyId)).toEqual(['so-ldtbxh']);
    const coordinating = of('11', 'coordinating').map((a) => a.agencyId);
    expect(coordinating).not.toContain('so-ldtbxh');
    expect(coordinating).toHaveLength(registry.groups['so-ban-nganh'].members.length - 1 + 27);
  });
});
