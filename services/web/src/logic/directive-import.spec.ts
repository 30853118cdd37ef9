import type { DirectiveDraft, DraftTask } from '@dm/contracts/directive-import';
import { issueDirectiveRequest } from '@dm/contracts/web';
import {
  draftToValues,
  fieldElementId,
  importIssueBody,
  markKey,
  reviewMarks,
  reviewPath,
  sourceLines,
  unplacedErrors,
  utf8Text,
  valuesToDraft,
  type ImportValues,
} from './directive-import';

const day = (iso: string) => ({ format: () => iso });
const sure = { number: 1, text: 1, mode: 1, lead: 1, coordinating: 1, deadline: 1 };

const task = (number: string, rest: Partial<DraftTask> = {}): DraftTask => ({
  number,
  text: `Nhiệm vụ ${number}`,
  mode: 'giao',
  lead: [{ text: 'UBND các huyện, thị xã, thành phố', agencyId: 'ubnd-huyen', confidence: 0.95 }],
  coordinating: [],
  deadline: null,
  deadlineText: null,
  recurring: null,
  reportDuty: null,
  monitoring: false,
  confidence: sure,
  source: { from: 20, to: 24 },
  ...rest,
});

/** Letter 4308/UBND-VX's draft, cut to three tasks: task 5's commercial banks unplaced, a deadline read unsure, a yearly report. */
const draft: DirectiveDraft = {
  number: '4308/UBND-VX',
  type: 'cong-van',
  issuer: 'ubnd-tinh',
  issuedOn: '2017-02-10',
  subject: 'V/v thực hiện Chỉ thị số 01',
  legalBasis: ['Chỉ thị số 01/CT-TTg ngày 06/01/2017'],
  addressees: ['so-ban-nganh', 'ubnd-huyen'],
  signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
  monitoringAgency: 'so-ldtbxh',
  tasks: [
    task('3'),
    task('5', {
      lead: [
        { text: 'Ngân hàng Chính sách xã hội tỉnh', agencyId: 'nhcsxh', confidence: 0.9 },
        { text: 'các ngân hàng thương mại trên. địa bàn tỉnh', agencyId: null, confidence: 0.3 },
      ],
      deadline: '2017-12-31',
      deadlineText: 'trong năm 2017',
      confidence: { ...sure, deadline: 0.6 },
      source: { from: 50, to: 54 },
    }),
    task('11', {
      lead: [{ text: 'Sở Lao động - Thương binh và Xã hội', agencyId: 'so-ldtbxh', confidence: 1 }],
      deadlineText: 'hằng năm',
      recurring: { every: 'year', day: 15, month: 12, phrase: null },
      monitoring: true,
    }),
  ],
  names: {
    issuer: { text: 'ỦY BAN NHÂN DÂN TỈNH THANH HOÁ', agencyId: 'ubnd-tinh', confidence: 1 },
    addressees: [
      { text: 'Các sở, ban, ngành cấp tỉnh', agencyId: 'so-ban-nganh', confidence: 0.9 },
      { text: 'UBND các huyện, thị xã, thành phố', agencyId: 'ubnd-huyen', confidence: 0.95 },
    ],
    monitoringAgency: { text: 'Sở Lao động - Thương binh và Xã hội', agencyId: 'so-ldtbxh', confidence: 1 },
  },
  place: 'Thanh Hoá',
  recipients: ['Lưu: VT'],
  signature: { signedBy: 'Văn phòng Ủy ban Nhân dân', signedAt: '2017-02-10T15:47:44' },
  confidence: {
    number: 0.7,
    type: 1,
    issuer: 1,
    issuedOn: 1,
    subject: 0.9,
    legalBasis: 0.9,
    addressees: 0.9,
    signer: 0.9,
    monitoringAgency: 1,
    tasks: 0.9,
  },
  warnings: [
    { field: 'tasks[1].lead[1]', message: 'không xác định được cơ quan' },
    { field: 'number', message: 'số văn bản đã sửa lỗi nhận dạng' },
    { field: 'tasks[2].recurring', message: 'định kỳ hằng năm: kiểm tra ngày' },
    { field: 'names.addressees[0]', message: 'nhóm cơ quan' },
    { field: 'signature', message: 'chữ ký số không kiểm tra được' },
  ],
};

const names: Record<string, string> = { 'nh-thuong-mai': 'Các ngân hàng thương mại', 'so-tc': 'Sở Tài chính' };
const nameOf = (id: string) => names[id] ?? id;

describe('an imported draft reviewed on the issuing form', () => {
  it('fills the form: placed agencies in the pickers, unplaced names apart as written, dates as pickers take them', () => {
    const values = draftToValues(draft, day);
    expect(values.number).toBe('4308/UBND-VX');
    expect(values.issuedOn?.format('')).toBe('2017-02-10');
    expect(values.signer).toEqual({ name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' });
    expect(values.tasks).toHaveLength(3);
    expect(values.tasks![1]).toMatchObject({
      draftIndex: 1,
      number: '5',
      lead: ['nhcsxh'],
      leadUnplaced: ['các ngân hàng thương mại trên. địa bàn tỉnh'],
      deadlineText: 'trong năm 2017',
    });
    expect(values.tasks![1].deadline?.format('')).toBe('2017-12-31');
    expect(values.tasks![0].deadline).toBeNull();
    expect(values.addresseesUnplaced).toEqual([]);
  });

  it('gives an empty legal basis to type in when the text cites none, and empty fields where nothing was read', () => {
    const values = draftToValues({ ...draft, legalBasis: [], number: null, signer: null, issuedOn: null }, day);
    expect(values.legalBasis).toEqual(['']);
    expect(values.number).toBeUndefined();
    expect(values.issuedOn).toBeUndefined();
    expect(values.signer).toEqual({ name: undefined, capacity: undefined, title: undefined });
  });

  it('gives back the same draft when the reviewer changes nothing', () => {
    expect(valuesToDraft(draft, draftToValues(draft, day), nameOf)).toEqual(draft);
  });

  it('records a correction: the field becomes certain, its warning goes, a placed name keeps the words the text wrote', () => {
    const values = draftToValues(draft, day);
    values.number = '4308/UBND-VX ';
    values.tasks![1] = { ...values.tasks![1], lead: ['nhcsxh', 'nh-thuong-mai'], leadUnplaced: [], deadline: day('2017-11-30') };
    const corrected = valuesToDraft(draft, values, nameOf);
    expect(corrected.number).toBe('4308/UBND-VX');
    expect(corrected.confidence.number).toBe(0.7); // the same number once trimmed: not a correction
    expect(corrected.tasks[1].lead).toEqual([
      { text: 'Ngân hàng Chính sách xã hội tỉnh', agencyId: 'nhcsxh', confidence: 0.9 },
      { text: 'Các ngân hàng thương mại', agencyId: 'nh-thuong-mai', confidence: 1 },
    ]);
    expect(corrected.tasks[1].deadline).toBe('2017-11-30');
    expect(corrected.tasks[1].confidence).toMatchObject({ lead: 1, deadline: 1, text: 1 });
    expect(corrected.tasks[1].deadlineText).toBe('trong năm 2017');
    expect(corrected.tasks[1].source).toEqual({ from: 50, to: 54 });
    expect(corrected.warnings.map((w) => w.field)).toEqual(['number', 'tasks[2].recurring', 'names.addressees[0]', 'signature']);
  });

  it('makes a changed header field certain, names a new issuer as the registry does, and drops the rule of a task given a date', () => {
    const values = draftToValues(draft, day);
    values.issuer = 'so-tc';
    values.tasks![2] = { ...values.tasks![2], deadline: day('2017-12-15') };
    const corrected = valuesToDraft(draft, values, nameOf);
    expect(corrected.confidence.issuer).toBe(1);
    expect(corrected.names.issuer).toEqual({ text: 'Sở Tài chính', agencyId: 'so-tc', confidence: 1 });
    expect(corrected.tasks[2]).toMatchObject({ deadline: '2017-12-15', recurring: null });
    expect(corrected.warnings.map((w) => w.field)).not.toContain('tasks[2].recurring');
  });

  it('keeps a name still unplaced as written, and drops the tasks’ warnings once a task is removed', () => {
    const values = draftToValues(draft, day);
    values.tasks = [values.tasks![1], values.tasks![2]];
    const corrected = valuesToDraft(draft, values, nameOf);
    expect(corrected.tasks.map((t) => t.number)).toEqual(['5', '11']);
    expect(corrected.tasks[0].lead[1]).toEqual({ text: 'các ngân hàng thương mại trên. địa bàn tỉnh', agencyId: null, confidence: 0.3 });
    expect(corrected.confidence.tasks).toBe(1);
    expect(corrected.warnings.map((w) => w.field)).toEqual(['number', 'names.addressees[0]', 'signature']);
  });
});

describe('the fields a reviewer must look at', () => {
  const marks = reviewMarks(draft);
  const at = (...name: Array<string | number>) => marks.fields.get(markKey(name));

  it('marks a field read with little confidence, with its confidence', () => {
    expect(at('number')).toMatchObject({ confidence: 0.7 });
    expect(at('tasks', 1, 'deadline')).toMatchObject({ confidence: 0.6 });
    expect(at('subject')).toBeUndefined();
    expect(at('tasks', 0, 'lead')).toBeUndefined();
  });

  it('marks an agency list with an unplaced name, giving the name as written and the least confidence of the list', () => {
    expect(at('tasks', 1, 'lead')).toMatchObject({ confidence: 0.3, unplaced: ['các ngân hàng thương mại trên. địa bàn tỉnh'] });
  });

  it('puts each warning beside its field: an agency at its list, a rule at the deadline, a header name at its field', () => {
    expect(at('tasks', 1, 'lead')!.warnings.map((w) => w.message)).toEqual(['không xác định được cơ quan']);
    expect(at('tasks', 2, 'deadline')!.warnings.map((w) => w.message)).toEqual(['định kỳ hằng năm: kiểm tra ngày']);
    expect(at('addressees')!.warnings.map((w) => w.message)).toEqual(['nhóm cơ quan']);
    expect(marks.warnings.map((w) => w.name)).toEqual([['tasks', 1, 'lead'], ['number'], ['tasks', 2, 'deadline'], ['addressees'], null]);
  });

  it('marks what was not found at all, and a task without a lead', () => {
    const empty = reviewMarks({ ...draft, number: null, signer: null, tasks: [task('1', { lead: [] })], warnings: [] });
    expect(empty.fields.get('number')).toMatchObject({ confidence: 0 });
    expect(empty.fields.get('signer.name')).toMatchObject({ confidence: 0 });
    expect(empty.fields.get('tasks.0.lead')).toMatchObject({ confidence: 0 });
  });

  it('reads a warning’s path as the form’s field', () => {
    expect(reviewPath('tasks[4].lead[1]')).toEqual(['tasks', 4, 'lead', 1]);
    expect(reviewPath('tasks[4].deadlineText')).toEqual(['tasks', 4, 'deadline']);
    expect(reviewPath('names.monitoringAgency')).toEqual(['monitoringAgency']);
    expect(reviewPath('signer')).toEqual(['signer', 'name']);
  });

  it('finds the element a link focuses', () => {
    expect(fieldElementId('import', ['tasks', 4, 'lead'])).toBe('import_tasks_4_lead');
    expect(fieldElementId('import', ['legalBasis', 0])).toBe('legalBasis_0');
    expect(fieldElementId('import', ['tasks', 4])).toBe('import-task-4');
    expect(fieldElementId('import', ['signer', 'name'])).toBe('import_signer_name');
  });
});

describe('issuing the reviewed draft', () => {
  it('is the issuing form’s body, each repeating deadline kept as the task’s rule, which the issue request accepts', () => {
    const body = importIssueBody(draftToValues(draft, day));
    expect(body.tasks[2]).toMatchObject({ deadline: null, recurrence: { every: 'year', day: 15, month: 12 } });
    expect(body.tasks[2].recurrence).not.toHaveProperty('phrase');
    expect(body.tasks[1]).toMatchObject({ deadline: '2017-12-31' });
    expect(body.tasks[1]).not.toHaveProperty('recurrence');
    expect(issueDirectiveRequest.safeParse(body).success).toBe(true);
  });

  it('names every list still holding an unplaced name', () => {
    const values: ImportValues = { ...draftToValues(draft, day), addresseesUnplaced: ['Các đoàn thể'] };
    expect(unplacedErrors(values, (n) => `chưa xác định: ${n.join(', ')}`)).toEqual([
      { path: ['addressees'], message: 'chưa xác định: Các đoàn thể' },
      { path: ['tasks', 1, 'lead'], message: 'chưa xác định: các ngân hàng thương mại trên. địa bàn tỉnh' },
    ]);
  });
});

describe('the source beside the draft', () => {
  it('numbers the lines from 1 and marks the selected task’s', () => {
    const lines = sourceLines('a\r\nb\nc\nd', { from: 2, to: 3 });
    expect(lines.map((l) => [l.number, l.text, l.marked])).toEqual([
      [1, 'a', false],
      [2, 'b', true],
      [3, 'c', true],
      [4, 'd', false],
    ]);
    expect(sourceLines('a', null)[0].marked).toBe(false);
  });
});

describe('a .txt file read in the browser', () => {
  it('is read as UTF-8, its byte-order mark dropped', () => {
    const bytes = new TextEncoder().encode('\uFEFFSố: 4308/UBND-VX\nKính gửi:');
    expect(utf8Text(bytes)).toBe('Số: 4308/UBND-VX\nKính gửi:');
  });

  it('is refused when its bytes are not UTF-8 (a Windows-1258 file)', () => {
    expect(utf8Text(Uint8Array.from([0x53, 0xf4, 0x3a, 0x20, 0xd2]))).toBeNull();
  });
});
