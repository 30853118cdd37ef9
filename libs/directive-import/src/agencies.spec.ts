import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegistry } from '@dm/registry';
import { growthRatio } from '@dm/testing';
import { AgencyMatcher, type ImportRegistry } from './agencies';
import { importRegistryOf } from './import-registry';

const small: ImportRegistry = {
  agencies: [
    { id: 'ubnd', name: 'Ủy ban nhân dân tỉnh Hà Tĩnh', aliases: ['UBND tỉnh'], kind: 'province' },
    { id: 'stc', name: 'Sở Tài chính', aliases: [], kind: 'department' },
    { id: 'sld', name: 'Sở Lao động - Thương binh và Xã hội', aliases: [], kind: 'department' },
    { id: 'skh', name: 'Sở Kế hoạch và Đầu tư', aliases: [], kind: 'department' },
    { id: 'snv', name: 'Sở Nội vụ', aliases: [], kind: 'department' },
    { id: 'bnv', name: 'Bộ Nội vụ', aliases: [], kind: 'ministry' },
    { id: 'hnd', name: 'Hội Nông dân tỉnh', aliases: [], kind: 'mass-organisation' },
    { id: 'cat-1', name: 'Công an tỉnh', aliases: [], kind: 'police' },
    { id: 'cat-2', name: 'Công an tỉnh', aliases: [], kind: 'police' },
  ],
  groups: [
    { id: 'sbn', name: 'Các sở, ban, ngành cấp tỉnh' },
    { id: 'uh', name: 'UBND các huyện, thị xã, thành phố' },
  ],
};

describe('AgencyMatcher on a small registry', () => {
  const matcher = new AgencyMatcher(small);

  it('gives each mention its offsets, its text as written, its id and how sure', () => {
    const text = 'Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ.';
    expect(matcher.mentions(text)).toEqual([
      { start: 5, end: 17, text: 'Sở Tài chính', agencyId: 'stc', confidence: 1, kind: 'agency', flag: null },
      { start: 40, end: 49, text: 'Sở Nội vụ', agencyId: 'snv', confidence: 1, kind: 'agency', flag: null },
    ]);
  });

  it('reads the province after "tỉnh", and leaves "tỉnh" out of a provincial body', () => {
    expect(matcher.mentions('Sở Tài chính tỉnh Hà Tĩnh')[0]).toMatchObject({
      text: 'Sở Tài chính tỉnh Hà Tĩnh',
      agencyId: 'stc',
      confidence: 1,
    });
    expect(matcher.mentions('Hội Nông dân tổ chức')[0]).toMatchObject({ text: 'Hội Nông dân', agencyId: 'hnd' });
    expect(matcher.mentions('Ủy ban nhân dân tỉnh yêu cầu')[0]).toMatchObject({ text: 'Ủy ban nhân dân tỉnh', agencyId: 'ubnd' });
  });

  it('rates the exact name above an abbreviation, a folded name and a misread one', () => {
    const conf = (text: string) => matcher.mentions(text)[0]?.confidence ?? 0;
    expect(conf('Sở Kế hoạch và Đầu tư')).toBe(1);
    expect(conf('Sở KH&ĐT')).toBe(0.95);
    expect(conf('So Ke hoach va Dau tu')).toBe(0.9);
    const misread = conf('Sở Kế hoạch và Đần tư');
    expect(misread).toBeGreaterThan(0.5);
    expect(misread).toBeLessThan(0.9);
    expect(matcher.mentions('Sở Kế hoạch và Đần tư')[0].agencyId).toBe('skh');
  });

  it('keeps a body absent from the registry as text, flagged', () => {
    expect(matcher.mentions('Sở Ngoại vụ chủ trì')).toEqual([
      { start: 0, end: 11, text: 'Sở Ngoại vụ', agencyId: null, confidence: 0.6, kind: null, flag: 'unknown' },
    ]);
    expect(matcher.resolve('Sở Ngoại vụ')).toEqual({ agencyId: null, confidence: 0, kind: null, flag: 'unknown' });
  });

  it('names no agency by a generic word alone', () => {
    expect(matcher.mentions('UBND')).toEqual([]);
    expect(matcher.mentions('Sở ngày 12')).toEqual([]);
    expect(matcher.mentions('Ủy ban nhân dân')).toEqual([]);
    expect(matcher.mentions('công tác thanh tra, kiểm tra')).toEqual([]);
  });

  it('prefers the longest name where two overlap', () => {
    expect(matcher.mentions('UBND các huyện, thị xã, thành phố').map((m) => m.agencyId)).toEqual(['uh']);
  });

  it('leaves two agencies equally named unplaced, flagged ambiguous', () => {
    expect(matcher.mentions('Công an tỉnh')[0]).toMatchObject({ agencyId: null, flag: 'ambiguous' });
  });

  it('never reads a document symbol as a name', () => {
    expect(matcher.mentions('Công văn số 4308/UBND-VX ngày 10/02/2017')).toEqual([]);
  });

  it('resolves a name already cut out, with the tails a list adds', () => {
    expect(matcher.resolve('các sở, ban, ngành có liên quan')).toMatchObject({ agencyId: 'sbn', kind: 'group' });
    expect(matcher.resolve('Sở LĐ-TB&XH')).toMatchObject({ agencyId: 'sld', kind: 'agency', confidence: 0.95 });
    expect(matcher.resolve('   ')).toEqual({ agencyId: null, confidence: 0, kind: null, flag: null });
  });
});

describe('AgencyMatcher on the default registry of 2017', () => {
  const matcher = new AgencyMatcher(importRegistryOf(defaultRegistry().state, '2017-02-10'));
  const ids = (text: string) => matcher.mentions(text).map((m) => m.agencyId);

  it.each([
    // The seed letter's names.
    ['UBND các huyện, thị xã, thành phố đẩy manh hỗ trợ', ['ubnd-huyen']],
    [
      'Ngân hàng Chính sách xã hội tỉnh và các ngân hàng thương mại trên.\nđịa bàn tỉnh tạo điều kiện',
      ['nhcsxh-tinh', 'ngan-hang-thuong-mai'],
    ],
    ['Đề nghị Mặt trận tổ quốc Việt Nam tỉnh và các tổ chức đoàn thể tiếp\ntục', ['mttq-tinh', 'doan-the']],
    ['Giao Sở Lao động - Thương binh và Xã hội có trách nhiệm theo dõi', ['so-ldtbxh']],
    ['- Các sở, ban, ngành cấp tỉnh;', ['so-ban-nganh']],
    [
      'Chủ tịch UBND tỉnh yêu cầu các sở, ban.\nngành cấp tỉnh, UBND các huyện, thị xã, thành phố tập trung',
      ['ubnd-tinh', 'so-ban-nganh', 'ubnd-huyen'],
    ],
    ['Giám đốc các Sở, ban, ngành, Thủ trưởng các đơn vị có liên quan, Chủ\ntịch UBND các huyện', ['so-ban-nganh', 'ubnd-huyen']],
    ['Các cấp ủy Đảng, chính quyền các cấp, các ngành quán triệt', ['cap-uy-dang']],
    ['của Ban chấp hành Đảng bộ tỉnh; Kế hoạch số 159/KH-\nUBND ngày 21/10/2016 của UBND tỉnh', ['tinh-uy', 'ubnd-tinh']],
    ['- Thường trực: Tỉnh ủy, HĐND tỉnh (để b/c);', ['tinh-uy', 'hdnd-tinh']],
    ['Chỉ thị số 01/CT-TTg ngày 06/01/2017 của Thủ tướng Chính\nphủ về việc', ['thu-tuong']],
    ['Các sở, ngành liên quan xây dựng kế hoạch', ['so-ban-nganh']],
    // Diacritics, OCR slips, spacing and hyphens.
    ['Sở Lao động - Thương binh và Xã hôi', ['so-ldtbxh']],
    ['So Tai chinh', ['so-tc']],
    ['Sở Lao động-Thương binh và Xã hội', ['so-ldtbxh']],
    ['Sở Lao động – Thương binh và Xã hội', ['so-ldtbxh']],
    ['Sở Lao động - Thương\nbinh và Xã hội', ['so-ldtbxh']],
    ['SỞ TÀI CHÍNH', ['so-tc']],
    ['Sở Tài nguyên và Môi trưòng', ['so-tnmt']],
    ['Sở Giao thông vận tái', ['so-gtvt']],
    ['Sở Kế hoạch và Đần tư', ['so-khdt']],
    ['Sở Nông nghiệp và Phát triển nôngthôn', ['so-nnptnt']],
    // Abbreviations, listed in the registry or not.
    ['Sở LĐ-TB&XH', ['so-ldtbxh']],
    ['Sở LĐTBXH', ['so-ldtbxh']],
    ['Sở LĐ-TBXH', ['so-ldtbxh']],
    ['Sở KH&ĐT', ['so-khdt']],
    ['Sở KHĐT', ['so-khdt']],
    ['Sở GD&ĐT', ['so-gddt']],
    ['Sở NN&PTNT', ['so-nnptnt']],
    ['Sở TN&MT', ['so-tnmt']],
    ['Sở TT&TT', ['so-tttt']],
    ['Sở VHTT&DL', ['so-vhttdl']],
    ['Sở KH-CN', ['so-khcn']],
    ['Bộ LĐ-TB&XH', ['bo-ldtbxh']],
    ['Bộ Lao động - TB&XH', ['bo-ldtbxh']],
    ['Ủy ban nhân dân tỉnh', ['ubnd-tinh']],
    ['Uỷ ban nhân dân tỉnh Thanh Hoá', ['ubnd-tinh']],
    ['Hội đồng nhân dân tỉnh', ['hdnd-tinh']],
    ['MTTQ tỉnh', ['mttq-tinh']],
    ['Ủy ban MTTQ Việt Nam tỉnh', ['mttq-tinh']],
    ['UBMTTQ tỉnh', ['mttq-tinh']],
    ['NHCSXH tỉnh', ['nhcsxh-tinh']],
    ['Ngân hàng CSXH tỉnh', ['nhcsxh-tinh']],
    ['Ngân hàng Chính sách xã hội', ['nhcsxh-tinh']],
    ['Mặt trận Tổ quốc tỉnh', ['mttq-tinh']],
    ['Sở Tài chính tỉnh Thanh Hóa', ['so-tc']],
    ['Hội Liên hiệp Phụ nữ', ['hoi-lhpn-tinh']],
    ['Hội LHPN tỉnh', ['hoi-lhpn-tinh']],
    ['Liên đoàn Lao động tỉnh', ['ldld-tinh']],
    ['Tỉnh đoàn', ['tinh-doan']],
    ['Văn phòng UBND tỉnh', ['vp-ubnd-tinh']],
    ['UBND huyện Bá Thước', ['h-ba-thuoc']],
    ['Ủy ban nhân dân thị xã Sầm Sơn', ['tx-sam-son']],
    ['Giám đốc Sở Y tế', ['so-yt']],
    ['Bộ trưởng Bộ Tài chính', ['bo-tc']],
    // Groups in other provinces' and ministries' phrasings.
    ['các Sở, ban, ngành cấp tỉnh', ['so-ban-nganh']],
    ['các sở, ngành', ['so-ban-nganh']],
    ['các sở, ban, ngành, đơn vị cấp tỉnh', ['so-ban-nganh']],
    ['Thủ trưởng các sở, ban, ngành trên địa bàn tỉnh', ['so-ban-nganh']],
    ['Chủ tịch UBND các huyện, thị xã, thành phố', ['ubnd-huyen']],
    ['UBND cấp huyện', ['ubnd-huyen']],
    ['Ủy ban nhân dân các huyện, thị xã, thành phố', ['ubnd-huyen']],
    ['UBND các huyện, thành phố, thị xã', ['ubnd-huyen']],
    ['UBND các huyện, thị, thành phố', ['ubnd-huyen']],
    ['UBND các huyện, TX, TP', ['ubnd-huyen']],
    ['các tổ chức đoàn thể', ['doan-the']],
    ['các đoàn thể chính trị - xã hội', ['doan-the']],
    ['các tổ chức chính trị - xã hội', ['doan-the']],
    ['các ngân hàng thương mại trên địa bàn tỉnh', ['ngan-hang-thuong-mai']],
    ['các ngân hàng thương mại', ['ngan-hang-thuong-mai']],
    ['các cấp ủy Đảng', ['cap-uy-dang']],
    ['các bộ, cơ quan ngang bộ', ['cac-bo']],
    ['các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ', ['cac-bo']],
    ['Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ', ['cac-bo']],
    ['các bộ, ngành', ['cac-bo']],
    ['các sở, ngành, đoàn thể cấp tỉnh', ['so-ban-nganh', 'doan-the']],
    ['Sở Tài chính, Sở Kế hoạch và Đầu tư', ['so-tc', 'so-khdt']],
    ['Sở Y tế và các sở, ngành liên quan', ['so-yt', 'so-ban-nganh']],
    // Names that must stay unplaced, or not be names at all.
    ['Bộ Công an', [null]],
    ['Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp', [null]],
    ['Công an tỉnh chủ trì', [null]],
    ['Cục Thống kê tỉnh', [null]],
    ['UBND huyện Quỳnh Lưu', [null]],
    // Another province's bodies are not this province's, whatever their short name.
    ['UBND tỉnh Bến Tre', [null]],
    ['Ủy ban nhân dân tỉnh Hà Giang chỉ đạo', [null]],
    ['Tỉnh ủy Nghệ An', [null]],
    ['Sở Tài chính tỉnh Quảng Trị', [null]],
    ['UBND tỉnh Thanh Hoá', ['ubnd-tinh']],
    ['Sở Y tế tỉnh phối hợp', ['so-yt']],
    ['Trung tâm Xúc tiến Đầu tư tham mưu', [null]],
    ['UBND', []],
    ['Sở', []],
    ['các ngành, các cấp', []],
    ['ở cấp huyện, xã', []],
    ['Nghị định số 30/2020/NĐ-CP', []],
    ['tuyên truyền, giáo dục', []],
    ['Ban hành kèm theo', []],
  ])('%j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('places the seed letter by its names, none left unplaced', () => {
    const seed = readFileSync(join(__dirname, '../fixtures/4308-UBND-VX-2017.txt'), 'utf8');
    const found = matcher.mentions(seed);
    expect(found.filter((m) => m.agencyId === null)).toEqual([]);
    expect(new Set(found.map((m) => m.agencyId))).toEqual(
      new Set([
        'vp-ubnd-tinh',
        'thu-tuong',
        'so-ban-nganh',
        'ubnd-huyen',
        'ubnd-tinh',
        'cap-uy-dang',
        'tinh-uy',
        'nhcsxh-tinh',
        'ngan-hang-thuong-mai',
        'huyen-ngheo-30a',
        'mttq-tinh',
        'doan-the',
        'so-ldtbxh',
        'hdnd-tinh',
      ]),
    );
    for (const m of found) expect(seed.slice(m.start, m.end)).toBe(m.text);
  });

  it('resolves names cut out of a text', () => {
    expect(matcher.resolve('Sở LĐ-TB&XH')).toEqual({ agencyId: 'so-ldtbxh', confidence: 0.95, kind: 'agency', flag: null });
    expect(matcher.resolve('UBND các huyện, thị xã, thành phố')).toMatchObject({ agencyId: 'ubnd-huyen', kind: 'group', confidence: 1 });
    expect(matcher.resolve('Sờ Lao đông - Thưong binh và Xả hộỉ')).toMatchObject({ agencyId: 'so-ldtbxh' });
    expect(matcher.resolve('Sở Ngoại giao')).toMatchObject({ agencyId: null, flag: 'unknown' });
    expect(matcher.resolve('UBND tỉnh Bến Tre')).toMatchObject({ agencyId: null, flag: 'unknown' });
  });

  it('takes an agency by the name it bore then: Sầm Sơn a town before 19/04/2017, a city after', () => {
    const before = new AgencyMatcher(importRegistryOf(defaultRegistry().state, '2017-01-01'));
    const after = new AgencyMatcher(importRegistryOf(defaultRegistry().state, '2018-01-01'));
    expect(before.resolve('UBND thành phố Sầm Sơn').agencyId).toBeNull();
    expect(after.resolve('UBND thành phố Sầm Sơn')).toMatchObject({ agencyId: 'tx-sam-son', confidence: 1 });
    expect(after.resolve('UBND thị xã Sầm Sơn')).toMatchObject({ agencyId: 'tx-sam-son', confidence: 0.95 });
  });

  const mention = (text: string) => matcher.mentions(text).map((m) => [m.text, m.agencyId]);

  it.each([
    // Official names the registry lacks, whole: commas and "và" inside a ministry's name, lower-case words after a capital.
    ['Bộ Văn hóa, Thể thao và Du lịch hướng dẫn các tỉnh', [['Bộ Văn hóa, Thể thao và Du lịch', null]]],
    ['giao Bộ Giao thông vận tải rà soát', [['Bộ Giao thông vận tải', null]]],
    ['Bộ Ngoại giao làm đầu mối', [['Bộ Ngoại giao', null]]],
    ['Ban Tuyên giáo Trung ương định hướng thông tin', [['Ban Tuyên giáo Trung ương', null]]],
    ['Ban Tuyên giáo TW định hướng', [['Ban Tuyên giáo TW', null]]],
    ['Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ', [['Trung tâm Phục vụ hành chính công', null]]],
    ['Sở Y tế tỉnh Kon Tum phối hợp', [['Sở Y tế tỉnh Kon Tum', null]]],
    ['Đài Phát thanh - Truyền hình Bình Phước đưa tin', [['Đài Phát thanh - Truyền hình Bình Phước', null]]],
    ['Sở Tài chính Thanh Hóa thẩm định', [['Sở Tài chính Thanh Hóa', 'so-tc']]],
    // A group widened by localities or the centre is named whole, the group's id less surely.
    ['các bộ, ngành, địa phương chủ động rà soát', [['các bộ, ngành, địa phương', 'cac-bo']]],
    ['các bộ, cơ quan trung ương và địa phương khẩn trương', [['các bộ, cơ quan trung ương và địa phương', 'cac-bo']]],
    ['phối hợp các cơ quan ban ngành cấp tỉnh', [['các cơ quan ban ngành cấp tỉnh', 'so-ban-nganh']]],
    // A body in each member of a group the registry lacks: one mention, unplaced.
    ['UBND các xã, phường, thị trấn tuyên truyền', [['UBND các xã, phường, thị trấn', null]]],
    [
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo',
      [['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', null]],
    ],
    ['Chủ tịch UBND các tỉnh, thành phố trực thuộc TW chịu trách nhiệm', [['UBND các tỉnh, thành phố trực thuộc TW', null]]],
    ['Cục Hải quan các tỉnh, thành phố tăng cường', [['Cục Hải quan các tỉnh, thành phố', null]]],
    ['Thanh tra các bộ, ngành, địa phương kiểm tra', [['Thanh tra các bộ, ngành, địa phương', null]]],
    [
      'Chủ tịch Hội đồng quản trị các tập đoàn kinh tế, tổng công ty nhà nước báo cáo',
      [['các tập đoàn kinh tế, tổng công ty nhà nước', null]],
    ],
    // National bodies are not the province's namesakes.
    ['Ngân hàng Nhà nước Việt Nam điều hành', [['Ngân hàng Nhà nước Việt Nam', null]]],
    ['Kiểm toán Nhà nước tăng cường', [['Kiểm toán Nhà nước', null]]],
    ['Tổng Liên đoàn Lao động Việt Nam vận động', [['Tổng Liên đoàn Lao động Việt Nam', null]]],
    ['Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh phát động', [['Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', null]]],
    ['Trung ương Đoàn phát động', [['Trung ương Đoàn', null]]],
    ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam giám sát', [['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', null]]],
    ['Ủy ban TW MTTQ Việt Nam giám sát', [['Ủy ban TW MTTQ Việt Nam', null]]],
    ['Hội Liên hiệp Phụ nữ Việt Nam vận động', [['Hội Liên hiệp Phụ nữ Việt Nam', null]]],
    // A branch written before its bank.
    ['Chi nhánh NHCSXH tỉnh giải ngân', [['Chi nhánh NHCSXH tỉnh', 'nhcsxh-tinh']]],
    [
      'Chi nhánh Ngân hàng Chính sách xã hội tỉnh Thanh Hóa cho vay',
      [['Chi nhánh Ngân hàng Chính sách xã hội tỉnh Thanh Hóa', 'nhcsxh-tinh']],
    ],
  ])('%j names its bodies whole', (text, expected) => {
    expect(mention(text)).toEqual(expected);
  });

  it('reads names under a shared head one by one, with their offsets, placed where the registry has them', () => {
    const text = 'chủ trì, phối hợp với các Bộ: Tài chính, Kế hoạch và ĐT, Quốc phòng và Công an tổ chức';
    const found = matcher.mentions(text);
    expect(found.map((m) => [m.text, m.name, m.agencyId])).toEqual([
      ['Bộ: Tài chính', 'Bộ Tài chính', 'bo-tc'],
      ['Kế hoạch và ĐT', 'Bộ Kế hoạch và ĐT', 'bo-khdt'],
      ['Quốc phòng', 'Bộ Quốc phòng', null],
      ['Công an', 'Bộ Công an', null],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mention('giao các Sở Nội vụ, Tư pháp, Y tế thẩm định')).toEqual([
      ['Sở Nội vụ', 'so-nv'],
      ['Tư pháp', 'so-tp'],
      ['Y tế', 'so-yt'],
    ]);
    expect(mention('các Sở: Giáo dục và Đào tạo, Nông nghiệp và PTNT, Sở Xây dựng')).toEqual([
      ['Sở: Giáo dục và Đào tạo', 'so-gddt'],
      ['Nông nghiệp và PTNT', 'so-nnptnt'],
      ['Sở Xây dựng', 'so-xd'],
    ]);
    // Without a colon, one name is just a name.
    expect(mention('các Sở Tài chính chủ trì')).toEqual([['Sở Tài chính', 'so-tc']]);
  });

  it('names a continued list item of a group fairly surely: "các sở, ban, ngành, đoàn thể cấp tỉnh"', () => {
    const [first, second] = matcher.mentions('Đề nghị các sở, ban, ngành, đoàn thể cấp tỉnh phối hợp');
    expect(first).toMatchObject({ agencyId: 'so-ban-nganh' });
    expect(second).toMatchObject({ text: 'đoàn thể cấp tỉnh', agencyId: 'doan-the' });
    expect(second.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('reads ten pages in time proportional to their length', () => {
    const page = [
      '1. Giao Sở Tài chính chủ trì, phối hợp với các Sở: Kế hoạch và Đầu tư, Xây dựng và UBND các huyện, thị xã, thành phố rà soát.',
      '2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức đoàn thể vận động; Bộ Văn hóa, Thể thao và Du lịch hướng dẫn.',
      '3. Các sở, ban, ngành, đoàn thể cấp tỉnh, Chi nhánh NHCSXH tỉnh, Kiểm toán Nhà nước khu vực XI phối hợp thực hiện.',
      '4. UBND các xã, phường, thị trấn báo cáo Sở Lao động - Thương binh và Xã hội trước ngày 15/12/2027.',
    ].join('\n');
    const pages = (n: number) => Array.from({ length: 6 * n }, () => page).join('\n');
    expect(growthRatio(pages(10), pages(40), (text) => matcher.mentions(text))).toBeLessThan(8);
  });

  it('reads a long directive in time proportional to its length', () => {
    const seed = readFileSync(join(__dirname, '../fixtures/4308-UBND-VX-2017.txt'), 'utf8');
    const pages = (n: number) => Array.from({ length: n }, () => seed).join('\n\n');
    // Three pages and twelve: a single page reads in a few milliseconds, where a timer's and a collector's noise is most of it.
    expect(growthRatio(pages(3), pages(12), (text) => matcher.mentions(text))).toBeLessThan(8);
  });
});
