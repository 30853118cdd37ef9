import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegistry } from '@dm/registry';
import type { ImportRegistry } from './agencies';
import { DRAFT_WARNING_CODES } from '@dm/contracts';
import { importDirective } from './import-directive';
import { importRegistryOf } from './import-registry';

/** The default registry as an import reads it on a date: in 2017 Thanh Hóa's bodies and the central ones. */
const registryOn = (date: string): ImportRegistry => importRegistryOf(defaultRegistry().state, date);

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const ids = (agencies: Array<{ agencyId: string | null }>) => agencies.map((a) => a.agencyId);

describe('importDirective: letter 4308/UBND-VX (Thanh Hóa, 10/02/2017), real OCR', () => {
  const draft = importDirective(fixture('4308-UBND-VX-2017.txt'), registryOn('2017-02-10'));

  it('reads the header through the OCR noise', () => {
    expect(draft).toMatchObject({
      number: '4308/UBND-VX',
      type: 'cong-van',
      issuer: 'ubnd-tinh',
      issuedOn: '2017-02-10',
      place: 'Thanh Hoá',
      subject:
        'V/v thực hiện Chỉ thị số 01 ngày 06/01/2017 của Thủ tướng Chính phủ về tăng cường chỉ đạo thực hiện CTMTQG giảm nghèo bền vững giai đoạn 2016 - 2020.',
      addressees: ['so-ban-nganh', 'ubnd-huyen'],
      signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
      signature: { signedBy: 'Văn phòng Ủy ban Nhân dân', signedAt: '2017-02-10T15:47:44' },
      monitoringAgency: 'so-ldtbxh',
    });
    expect(draft.subject).toMatch(/^V\/v thực hiện Chỉ thị số 01/);
    expect(draft.legalBasis).toContain('Chỉ thị số 01/CT-TTg ngày 06/01/2017');
    expect(draft.names.issuer).toMatchObject({ text: 'ỦY BAN NHÂN DÂN TỈNH THANH HOÁ', agencyId: 'ubnd-tinh' });
    expect(draft.names.addressees.map((a) => a.text)).toEqual(['Các sở, ban, ngành cấp tỉnh', 'UBND các huyện, thị xã, thành phố']);
  });

  it('keeps the Nơi nhận entries, not the signer that shares their lines', () => {
    expect(draft.recipients).toEqual([
      'Thường trực: Tỉnh ủy, HĐND tỉnh (để b/c)',
      'Chủ tịch, các PCT UBND tỉnh',
      'Các sở, ban, ngành, đơn vị cấp tỉnh',
      'UBND các huyện, thị xã, thành phố',
      'Lưu: VT, VXBTXH15',
    ]);
  });

  it('finds its 11 tasks numbered 1 to 11, the page number "2" and "Quyết định số 289." at a line end not among them', () => {
    expect(draft.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(draft.tasks.map((t) => t.source)).toEqual([
      { from: 19, to: 32 },
      { from: 33, to: 41 },
      { from: 42, to: 48 },
      { from: 49, to: 53 },
      { from: 54, to: 58 },
      { from: 59, to: 66 },
      { from: 67, to: 73 },
      { from: 74, to: 78 },
      { from: 79, to: 83 },
      { from: 84, to: 88 },
      { from: 90, to: 92 },
    ]);
  });

  it('reads who leads each task, the request to the Front, and who monitors', () => {
    const [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11] = draft.tasks;
    expect(t1).toMatchObject({ mode: 'yeu-cau', coordinating: [] });
    expect(ids(t1.lead)).toContain('cap-uy-dang');
    expect(t2).toMatchObject({ mode: 'yeu-cau' });
    expect(ids(t2.lead)).toEqual(['so-ban-nganh', 'ubnd-huyen']);
    expect(t3).toMatchObject({ mode: 'yeu-cau', lead: [{ text: 'UBND các huyện, thị xã, thành phố', agencyId: 'ubnd-huyen' }] });
    expect(ids(t4.lead)).toEqual(['so-ban-nganh']);
    expect(t5.lead).toMatchObject([
      { text: 'Ngân hàng Chính sách xã hội tỉnh', agencyId: 'nhcsxh-tinh' },
      { agencyId: 'ngan-hang-thuong-mai' },
    ]);
    for (const task of [t6, t7, t8, t9]) {
      // They name no agency: the opening's "yêu cầu các sở, ban, ngành cấp tỉnh, UBND các huyện …", said with less confidence.
      expect(ids(task.lead)).toEqual(['so-ban-nganh', 'ubnd-huyen']);
      expect(task.confidence.lead).toBeLessThanOrEqual(0.5);
      expect(draft.warnings).toContainEqual({
        field: `tasks[${draft.tasks.indexOf(task)}].lead`,
        code: 'lead-assumed',
        message: expect.stringMatching(/names no agency/),
        params: { names: 'các sở, ban ngành cấp tỉnh, UBND các huyện, thị xã, thành phố' },
      });
    }
    expect(t10).toMatchObject({ mode: 'de-nghi', lead: [{ agencyId: 'mttq-tinh' }, { agencyId: 'doan-the' }] });
    expect(t11).toMatchObject({
      mode: 'giao',
      lead: [{ text: 'Sở Lao động - Thương binh và Xã hội', agencyId: 'so-ldtbxh' }],
      monitoring: true,
      reportDuty: 'tổng hợp báo cáo UBND tỉnh kết quá thực hiện',
    });
    expect(draft.tasks.filter((t) => t.monitoring)).toHaveLength(1);
    expect(draft.names.monitoringAgency).toMatchObject({ agencyId: 'so-ldtbxh' });
  });

  it('invents no deadline: task 7\'s "hàng năm" (the yearly review of officials, one action of several) is left to the reviewer', () => {
    expect(draft.tasks.map((t) => t.deadline)).toEqual(Array(11).fill(null));
    expect(draft.tasks.map((t) => t.recurring)).toEqual(Array(11).fill(null));
    expect(draft.warnings.filter((w) => w.field === 'tasks[6].deadline')).toEqual([
      expect.objectContaining({ code: 'deadline-uncertain', params: { phrase: 'hàng năm', date: '' } }),
    ]);
  });

  it('joins OCR line breaks, drops the stray dots inside sentences and mends the number split at its dot', () => {
    expect(draft.tasks[4].text).toBe(
      'Ngân hàng Chính sách xã hội tỉnh và các ngân hàng thương mại trên địa bàn tỉnh tạo điều kiện thuận lợi để hộ nghèo, hộ cận nghèo và bộ mới thoát nghèo được tiếp cận vay các nguồn vến tín dụng ưu dãi để phát triển sản xuất, knh doanh, tự tạc việc làm tăng thu nhập, giớp người nghèo, hộ nghèo vươn lên thoát nghèo bền vững.',
    );
    expect(draft.tasks[1].text).toContain(
      'tại Quyết định số 289-QĐ/TU ngày 27/5/2016 của Ban chấp hành Đảng bộ tỉnh; Kế hoạch số 159/KH-UBND ngày 21/10/2016',
    );
    expect(draft.tasks[10].text).toBe(
      'Giao Sở Lao động - Thương binh và Xã hội có trách nhiệm theo dõi, đôn đốc việc triển khai thực hiện của các sở, ban, ngành và UBND các huyện, thị xã, thành phố; tổng hợp báo cáo UBND tỉnh kết quá thực hiện.',
    );
  });

  it('gives every field a confidence between 0 and 1', () => {
    for (const value of Object.values(draft.confidence)) expect(value).toBeGreaterThanOrEqual(0.5);
    for (const task of draft.tasks) for (const value of Object.values(task.confidence)) expect(value >= 0 && value <= 1).toBe(true);
  });
});

describe('importDirective: dashes under an agency, and an item keeping its bullets', () => {
  const text = [
    'ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'TỈNH THANH HÓA   Độc lập - Tự do - Hạnh phúc',
    'Số: 21/CT-UBND   Thanh Hóa, ngày 12 tháng 3 năm 2017',
    'CHỈ THỊ',
    'Về tăng cường phòng, chống dịch bệnh gia súc',
    'Chủ tịch UBND tỉnh yêu cầu:',
    '1. Phòng, chống dịch bệnh',
    'a) Sở Nông nghiệp và Phát triển nông thôn:',
    '- Tổ chức tiêm phòng đợt một, hoàn thành trước ngày 30/4/2017.',
    '- Hướng dẫn các huyện lập chốt kiểm dịch.',
    'b) Sở Y tế tổ chức các việc sau:',
    '- Kiểm tra an toàn thực phẩm trước ngày 15/5/2017;',
    '- Tập huấn cho cán bộ y tế xã trong tháng 7 năm 2017.',
  ].join('\n');
  const draft = importDirective(text, registryOn('2017-03-12'));

  it('gives each dash under "a) Sở …:" that agency as lead, and no dash the date of another', () => {
    expect(draft.tasks.map((t) => [t.number, ids(t.lead), t.deadline])).toEqual([
      ['1.a.-1', ['so-nnptnt'], '2017-04-30'],
      ['1.a.-2', ['so-nnptnt'], null],
      ['1.b', ['so-yt'], null],
    ]);
    expect(draft.warnings).toContainEqual(
      expect.objectContaining({ field: 'tasks[2].deadline', message: expect.stringMatching(/bullets set deadlines/) }),
    );
  });
});

describe('importDirective: warning codes', () => {
  it('gives every warning a code from DRAFT_WARNING_CODES, with params naming what the message names', () => {
    const seed = importDirective(fixture('4308-UBND-VX-2017.txt'), registryOn('2017-02-10'));
    const headerless = importDirective(
      'Sở Công Thương có ý kiến như sau:\nGiao Phòng Quản lý thương mại kiểm tra các chợ đầu mối./.\n(Theo Công văn số 9/SCT-QLTM, ngày 3/4/2017)',
      registryOn('2017-04-03'),
    );
    const bad = importDirective(
      '1. Sở Y tế rà soát.\n3. Công ty Cổ phần Xi măng Bỉm Sơn kiểm tra, báo cáo trước ngày 15/5.',
      registryOn('2017-02-10'),
      {
        today: '2017-02-10',
      },
    );
    for (const draft of [seed, headerless, bad]) for (const w of draft.warnings) expect(DRAFT_WARNING_CODES).toContain(w.code);
    expect(headerless.warnings).toContainEqual(expect.objectContaining({ code: 'header-missing' }));
    expect(headerless).toMatchObject({
      number: '9/SCT-QLTM',
      issuedOn: '2017-04-03',
      names: { issuer: { text: 'Sở Công Thương', agencyId: 'so-ct' } },
    });
    expect(bad.warnings).toContainEqual(
      expect.objectContaining({ field: 'tasks[1].number', code: 'numbering-gap', params: { number: '3', after: '1' } }),
    );
    expect(bad.warnings).toContainEqual(
      expect.objectContaining({
        field: 'tasks[1].deadline',
        code: 'deadline-no-year',
        params: expect.objectContaining({ date: '2017-05-15' }),
      }),
    );
    expect(seed.warnings.filter((w) => w.code === 'agency-unplaced').every((w) => typeof w.params?.name === 'string')).toBe(true);
  });
});

describe('importDirective: a two-level issuer', () => {
  it('never gives the parent for a lower level the registry lacks: the lower level is kept as written, unplaced', () => {
    const draft = importDirective(
      'BỘ TÀI CHÍNH\nTỔNG CỤC DỰ TRỮ NHÀ NƯỚC\nSố: 12/TCDT-KH\nV/v kiểm kê kho\nKính gửi: Các Cục Dự trữ Nhà nước khu vực.\n1. Kiểm kê hàng dự trữ trước ngày 30/6/2023.',
      registryOn('2023-03-01'),
    );
    expect(draft.issuer).toBeNull();
    expect(draft.names.issuer).toMatchObject({ text: 'TỔNG CỤC DỰ TRỮ NHÀ NƯỚC', agencyId: null });
  });

  it('places the lower level when the registry has it ("UBND TỈNH …" over "SỞ …")', () => {
    const draft = importDirective(
      'UBND TỈNH THANH HÓA\nSỞ TƯ PHÁP\nSố: 40/STP-VP\nV/v rà soát văn bản\nKính gửi: Các phòng chuyên môn.\n1. Rà soát văn bản quy phạm pháp luật trong tháng 5 năm 2017.',
      registryOn('2017-03-12'),
    );
    expect(draft.issuer).toBe('so-tp');
  });
});

describe('importDirective: a recurrence of one action of several', () => {
  const letter = (items: string) =>
    `ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nSố: 12/UBND-VX   Thanh Hóa, ngày 03 tháng 4 năm 2018\nV/v an toàn thực phẩm\nKính gửi: Các sở, ban, ngành cấp tỉnh.\n${items}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\n`;
  const read = (items: string) => importDirective(letter(items), registryOn('2018-04-03')).tasks;

  it('leaves a bare "hằng năm" after the first clause to the reviewer, and sets one that opens the task or paces its report', () => {
    const [later, opening, report] = read(
      [
        '1. Sở Y tế rà soát các cơ sở chế biến; tổ chức tập huấn cho người sản xuất hằng năm.',
        '2. Hằng năm, Sở Công Thương kiểm tra các chợ đầu mối.',
        '3. Sở Nông nghiệp và Phát triển nông thôn theo dõi việc thực hiện; tổng hợp, báo cáo UBND tỉnh hằng quý.',
      ].join('\n'),
    );
    expect(later).toMatchObject({ deadline: null, recurring: null, deadlineText: 'hằng năm' });
    expect(opening.recurring).toMatchObject({ every: 'year' });
    expect(report.recurring).toMatchObject({ every: 'quarter' });
  });
});
