import { issueDirectiveRequest } from '@dm/contracts/web';
import { directiveBody } from './directive-body';

const day = (iso: string) => ({ format: () => iso });

describe('the body of a directive issued from the form', () => {
  const values = {
    number: '4308/UBND-VX',
    type: 'cong-van',
    issuer: 'ubnd-tinh',
    issuedOn: day('2017-02-10'),
    subject: 'V/v thực hiện Chỉ thị số 01',
    legalBasis: ['Chỉ thị 01/CT-TTg', '  ', undefined],
    addressees: ['so-ban-nganh'],
    signer: { name: 'Phạm Đặng Quyền', capacity: '', title: 'PHÓ CHỦ TỊCH' },
    monitoringAgency: 'so-ldtbxh',
    tasks: [
      { number: '1', text: 'Tăng cường', mode: 'giao' as const, lead: ['ubnd-huyen'], deadline: day('2017-06-30') },
      {
        number: '2',
        text: 'Rà soát',
        mode: 'yeu-cau' as const,
        lead: ['so-ldtbxh'],
        coordinating: ['so-yt'],
        deadline: null,
        reportDuty: ' ',
      },
    ],
  };

  it('is what the issue request schema accepts', () => {
    expect(issueDirectiveRequest.safeParse(directiveBody(values)).success).toBe(true);
  });

  it('leaves out blank legal bases, a blank capacity and a blank report duty; no deadline is null', () => {
    const body = directiveBody(values);
    expect(body.legalBasis).toEqual(['Chỉ thị 01/CT-TTg']);
    expect(body.signer.capacity).toBeUndefined();
    expect(body.tasks[1]).toEqual({
      number: '2',
      text: 'Rà soát',
      mode: 'yeu-cau',
      lead: ['so-ldtbxh'],
      coordinating: ['so-yt'],
      deadline: null,
      reportDuty: undefined,
    });
    expect(body.tasks[0].deadline).toBe('2017-06-30');
  });

  it('sends an empty form as empty fields, for the schema to name', () => {
    const parsed = issueDirectiveRequest.safeParse(directiveBody({}));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['number', 'issuedOn', 'subject', 'signer.name', 'tasks']),
    );
  });
});
