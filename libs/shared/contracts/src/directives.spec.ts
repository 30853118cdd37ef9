import { cancelTaskRequest, changeDeadlineRequest, issueDirectiveRequest } from './directives';

const task = { number: '1', text: 'Nhiệm vụ 1', mode: 'giao', lead: ['so-tc'], coordinating: [], deadline: null };
const directive = {
  number: '4308/UBND-VX',
  type: 'cong-van',
  issuer: 'ubnd-tinh',
  issuedOn: '2017-02-10',
  subject: 'V/v thực hiện Chỉ thị số 01/CT-TTg',
  legalBasis: ['01/CT-TTg'],
  addressees: ['so-ban-nganh'],
  signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
  monitoringAgency: 'so-ldtbxh',
  tasks: [task],
};
const fieldsAtFault = (result: { success: boolean; error?: { issues: Array<{ path: Array<string | number> }> } }) =>
  result.success
    ? []
    : result.error!.issues.map((i) => i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${p}`)).join(''));

/** The shape of a directive's requests is checked here, once; the decider checks the domain rules. */
describe('issueDirectiveRequest', () => {
  it('takes the seed letter, trims texts, and fills the defaults', () => {
    const parsed = issueDirectiveRequest.parse({
      ...directive,
      subject: '  V/v  ',
      legalBasis: undefined,
      addressees: undefined,
      tasks: [{ ...task, coordinating: undefined }],
    });
    expect(parsed).toMatchObject({ subject: 'V/v', legalBasis: [], addressees: [], tasks: [{ coordinating: [], reportDuty: null }] });
  });

  it.each<[string, string, object]>([
    ['an empty number', 'number', { number: '  ' }],
    ['an empty type', 'type', { type: '' }],
    ['an empty subject', 'subject', { subject: '' }],
    ['an issue date that is not a date', 'issuedOn', { issuedOn: '2017-02-30' }],
    ['an issue date in another form', 'issuedOn', { issuedOn: '10/02/2017' }],
    ['an empty signer name', 'signer.name', { signer: { name: '', title: 'PHÓ CHỦ TỊCH' } }],
    ['an issuer id that is not an id', 'issuer', { issuer: 'UBND Tỉnh' }],
    ['an empty legal basis entry', 'legalBasis[1]', { legalBasis: ['01/CT-TTg', ' '] }],
    ['no task', 'tasks', { tasks: [] }],
    ['no lead', 'tasks[0].lead', { tasks: [{ ...task, lead: [] }] }],
    ['an empty task number', 'tasks[0].number', { tasks: [{ ...task, number: ' ' }] }],
    ['an empty task text', 'tasks[0].text', { tasks: [{ ...task, text: '' }] }],
    ['an unknown mode', 'tasks[0].mode', { tasks: [{ ...task, mode: 'ra-lenh' }] }],
    ['a deadline that is not a date', 'tasks[0].deadline', { tasks: [{ ...task, deadline: '2017-02-31' }] }],
  ])('refuses %s, naming %s', (_name, field, change) => {
    expect(fieldsAtFault(issueDirectiveRequest.safeParse({ ...directive, ...change }))).toContain(field);
  });
});

describe('changeDeadlineRequest and cancelTaskRequest', () => {
  it.each<[string, string, object]>([
    ['a deadline that is not a date', 'deadline', { deadline: '2017-13-01' }],
    ['an empty reason', 'reason', { reason: ' ' }],
    ['an empty authorising document', 'authorizingDocument', { authorizingDocument: '' }],
    ['a change date in another form', 'changedOn', { changedOn: '20/03/2017' }],
  ])('a deadline change refuses %s, naming %s', (_name, field, change) => {
    expect(
      fieldsAtFault(
        changeDeadlineRequest.safeParse({ deadline: '2017-06-30', reason: 'Gia hạn', authorizingDocument: '1/UBND', ...change }),
      ),
    ).toContain(field);
  });

  it('a deadline change may remove the deadline', () => {
    expect(changeDeadlineRequest.parse({ deadline: null, reason: 'Bỏ thời hạn', authorizingDocument: '1/UBND' }).deadline).toBeNull();
  });

  it('a cancellation needs a reason and a real date; its authorising document may be left out or blank', () => {
    expect(fieldsAtFault(cancelTaskRequest.safeParse({ reason: '' }))).toEqual(['reason']);
    expect(fieldsAtFault(cancelTaskRequest.safeParse({ reason: 'x', cancelledOn: '2017-04-31' }))).toEqual(['cancelledOn']);
    expect(cancelTaskRequest.parse({ reason: 'x', authorizingDocument: ' ' }).authorizingDocument).toBeNull();
  });
});
