import type { AgencyMention } from './agencies';
import { sourceLines } from './header';
import { coordinatingOf, joinLines, leadOf, monitoringScore, ownMode, reportDutyOf, segmentBody, unplacedSubject } from './tasks';

const segment = (text: string) => segmentBody(sourceLines(text));
const numbers = (text: string) => segment(text).tasks.map((t) => t.number);

/** A fake agency reader for the pure rules: each listed name found where it is written. */
function mentionsOf(text: string, names: string[]): AgencyMention[] {
  const found: AgencyMention[] = [];
  for (const name of names) {
    const start = text.indexOf(name);
    if (start >= 0) found.push({ start, end: start + name.length, text: name, agencyId: name, confidence: 1, kind: 'agency', flag: null });
  }
  return found.sort((a, b) => a.start - b.start);
}

describe('segmentBody: numbering', () => {
  it('reads 1. 1/ and 1) items, a line break inside a sentence being no new task', () => {
    expect(numbers('Yêu cầu các sở thực hiện:\n1. Sở A rà soát\nquy trình.\n2/ Sở B báo cáo.\n3) Sở C kiểm tra.')).toEqual(['1', '2', '3']);
    expect(segment('1. Sở A rà soát\nquy trình.\n2. Sở B.').tasks[0]).toMatchObject({ text: 'Sở A rà soát quy trình.', from: 1, to: 2 });
  });

  it('takes a number at the start of a line inside a sentence for the sentence ("… Quyết định số" then "289. QĐ/TU"), and a number alone for a page', () => {
    const body = segment('1. Thực hiện Quyết định số\n289. QĐ/TU ngày 27/5/2016 và\n27/5/2016 nữa.\n2\n2. Sở B thực hiện.');
    expect(body.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(body.tasks[0].text).toBe('Thực hiện Quyết định số 289. QĐ/TU ngày 27/5/2016 và 27/5/2016 nữa.');
  });

  it('mends a number cut at its dot or hyphen by the line break, and drops a stray dot before a lower-case line', () => {
    expect(joinLines([{ text: 'tại Quyết định số 289.' }, { text: 'QĐ/TU ngày 27/5/2016' }])).toBe(
      'tại Quyết định số 289-QĐ/TU ngày 27/5/2016',
    );
    expect(joinLines([{ text: 'Kế hoạch số 159/KH-' }, { text: 'UBND ngày 21/10/2016' }])).toBe('Kế hoạch số 159/KH-UBND ngày 21/10/2016');
    expect(joinLines([{ text: 'giảm.' }, { text: 'nghèo bền vững.' }, { text: 'Chương trình' }])).toBe('giảm nghèo bền vững. Chương trình');
  });

  it('numbers items inside sections "II.1", skips purpose and funding sections, makes a section with text and no items one task', () => {
    const text = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích: nâng cao hiệu quả.',
      'II. NHIỆM VỤ',
      '1. Sở A chủ trì rà soát.',
      '2. Sở B kiểm tra.',
      'III. KINH PHÍ',
      'Từ ngân sách tỉnh.',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Sở C theo dõi, đôn đốc việc thực hiện.',
    ].join('\n');
    expect(numbers(text)).toEqual(['II.1', 'II.2', 'IV']);
    expect(segment(text).tasks[2].text).toBe('Sở C theo dõi, đôn đốc việc thực hiện.');
  });

  it('makes a)–đ) and 1.1 sub-items the tasks, in the Vietnamese letter order, under their lead-in', () => {
    const text = [
      '1. Bộ A chủ trì, phối hợp với Bộ B:',
      'a) Việc một.',
      'b) Việc hai.',
      'c) Việc ba.',
      'd) Việc bốn.',
      'đ) Việc năm.',
      'e) Việc sáu.',
      '2. Bộ C:',
      '2.1. Việc bảy.',
      '2.2. Việc tám.',
    ].join('\n');
    const body = segment(text);
    expect(body.tasks.map((t) => t.number)).toEqual(['1.a', '1.b', '1.c', '1.d', '1.đ', '1.e', '2.1', '2.2']);
    expect(body.tasks[4]).toMatchObject({ text: 'Việc năm.', leadIn: 'Bộ A chủ trì, phối hợp với Bộ B:' });
    expect(body.tasks[7].leadIn).toBe('Bộ C:');
  });

  it('keeps - and + bullets in their item, unless the item is a lead-in whose every bullet names its agency', () => {
    const part = segment(
      '1. Tăng cường tuyên truyền, trong đó:\n- Tuyên truyền trên báo chí;\n+ báo in;\n- Tổ chức hội nghị.\n2. Việc khác.',
    );
    expect(part.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(part.tasks[0].text).toBe('Tăng cường tuyên truyền, trong đó:\n- Tuyên truyền trên báo chí;\n+ báo in;\n- Tổ chức hội nghị.');

    const own = segment(
      '1. Giao các cơ quan thực hiện các nhiệm vụ sau:\n- Sở Y tế kiểm tra;\n- Sở Tài chính bố trí kinh phí;\n- UBND các huyện triển khai.\n2. Việc khác.',
    );
    expect(own.tasks.map((t) => [t.number, t.text, t.leadIn])).toEqual([
      ['1.-1', 'Sở Y tế kiểm tra;', 'Giao các cơ quan thực hiện các nhiệm vụ sau:'],
      ['1.-2', 'Sở Tài chính bố trí kinh phí;', 'Giao các cơ quan thực hiện các nhiệm vụ sau:'],
      ['1.-3', 'UBND các huyện triển khai.', 'Giao các cơ quan thực hiện các nhiệm vụ sau:'],
      ['2', 'Việc khác.', null],
    ]);
  });

  it('takes bullets after a ":" line for the tasks when nothing is numbered', () => {
    expect(numbers('UBND tỉnh yêu cầu:\n- Sở A kiểm tra;\n- Sở B báo cáo.')).toEqual(['-1', '-2']);
  });

  it('says when a number is skipped or repeated', () => {
    const body = segment('1. Việc một.\n2. Việc hai.\n4. Việc bốn.\n4. Việc bốn nữa.');
    expect(body.tasks.map((t) => t.number)).toEqual(['1', '2', '4', '4']);
    expect(body.tasks.map((t) => t.numberNote)).toEqual([
      null,
      null,
      'numbered 4 after 2: a number is skipped',
      'numbered 4 again: the number repeats',
    ]);
    expect(body.tasks[2].numberConfidence).toBeLessThan(1);
  });

  it('reads labelled fields as the item’s, their values over several lines', () => {
    const body = segment(
      '1. Rà soát thủ tục.\n- Đơn vị chủ trì: Sở Tư pháp.\n- Đơn vị phối hợp: Các sở, ban, ngành;\nUBND các huyện.\n- Thời gian thực hiện: Quý II/2017.\n2. Việc khác.',
    );
    expect(body.tasks[0]).toMatchObject({
      text: 'Rà soát thủ tục.',
      fields: { lead: 'Sở Tư pháp.', coordinating: 'Các sở, ban, ngành; UBND các huyện.', time: 'Quý II/2017.' },
      from: 1,
      to: 5,
    });
  });

  it('keeps the opening apart and splits a closing paragraph off the last task', () => {
    const body = segment(
      'Thực hiện Chỉ thị số 01/CT-TTg, Chủ tịch UBND tỉnh yêu cầu:\n1. Sở A làm việc một.\n2. Sở B làm việc hai.\nGiao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện./.',
    );
    expect(body.opening).toBe('Thực hiện Chỉ thị số 01/CT-TTg, Chủ tịch UBND tỉnh yêu cầu:');
    expect(body.tasks.map((t) => t.text)).toEqual(['Sở A làm việc một.', 'Sở B làm việc hai.']);
    expect(body.closing).toBe('Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện./.');
  });
});

describe('segmentBody: dashes under an agency', () => {
  it('makes each dash under a lettered heading that only names an agency its task, OCR underscores before a dash read past', () => {
    const body = segment(
      [
        '1. Cải cách thủ tục đăng ký kinh doanh',
        'a) Sở Nội vụ:',
        '- Rà soát quy trình một cửa, hoàn thành trước ngày 30/6/2021.',
        '- Trình UBND tỉnh quy chế phối hợp.',
        'b) Sở Tư pháp',
        '__ - Kiểm tra hồ sơ.',
        'c) Sở Tài chính bố trí kinh phí, trong đó:',
        '- Kinh phí tập huấn;',
        '- Kinh phí in ấn.',
      ].join('\n'),
    );
    expect(body.tasks.map((t) => [t.number, t.leadIn])).toEqual([
      ['1.a.-1', 'Sở Nội vụ:'],
      ['1.a.-2', 'Sở Nội vụ:'],
      ['1.b.-1', 'Sở Tư pháp'],
      ['1.c', 'Cải cách thủ tục đăng ký kinh doanh'],
    ]);
    expect(body.tasks[0].text).toBe('Rà soát quy trình một cửa, hoàn thành trước ngày 30/6/2021.');
    expect(body.tasks[3]).toMatchObject({
      ownText: 'Sở Tài chính bố trí kinh phí, trong đó:',
      bulletTexts: ['Kinh phí tập huấn;', 'Kinh phí in ấn.'],
    });
  });

  it('makes each dash a task under a lead-in ending with the agencies asked, when the agency reader says so', () => {
    const text =
      '1. Phát triển du lịch\nSở Du lịch phối hợp với Hội Nhà báo và chủ trì cùng các huyện:\n- Quảng bá điểm đến.\n- Tổ chức lễ hội.';
    const read = segmentBody(sourceLines(text), { endsWithAgencies: (t) => /các huyện$/.test(t) });
    expect(read.tasks.map((t) => t.number)).toEqual(['1.-1', '1.-2']);
    expect(segment(text).tasks.map((t) => t.number)).toEqual(['1']);
  });
});

describe('segmentBody: section levels through OCR', () => {
  it('reads an upper-case "1." heading before II. as section I, "Il." after II. as III, and a page-break mark as no text', () => {
    const text = [
      'Thủ tướng Chính phủ yêu cầu:',
      '1. ĐỊNH HƯỚNG CHUNG',
      '1. Các bộ quán triệt chủ trương.',
      '--- PAGE BREAK ---',
      '2. Các địa phương chủ động.',
      'II. NHIỆM VỤ CỤ THỂ',
      '1. Bộ Y tế rà soát.',
      'Il. TỔ CHỨC THỰC HIỆN',
      '1. Bộ Nội vụ theo dõi.',
      'IV TRÁCH NHIỆM THI HÀNH',
      '1. Các bộ báo cáo.',
    ].join('\n');
    expect(numbers(text)).toEqual(['I.1', 'I.2', 'II.1', 'III.1', 'IV.1']);
    expect(segment(text).tasks[0].text).toBe('Các bộ quán triệt chủ trương.');
  });

  it('keeps upper-case numbered headings as sections when nothing is roman, sub-items numbered 2.1', () => {
    const text = '1. MỤC ĐÍCH\nNâng cao chất lượng.\n2. NHIỆM VỤ TRỌNG TÂM\n2.1. Sở A rà soát.\n2.2. Sở B kiểm tra.';
    expect(numbers(text)).toEqual(['2.1', '2.2']);
  });

  it('reads OCR letters in sub-items: "©)" for c), "đ)" where d) is due', () => {
    const text = '1. Các bộ:\na) Việc một.\nb) Việc hai.\n©) Việc ba.\nđ) Việc bốn.\nđ) Việc năm.';
    expect(numbers(text)).toEqual(['1.a', '1.b', '1.c', '1.d', '1.đ']);
  });
});

describe('segmentBody: a body without a list', () => {
  it('makes the one request paragraph of a short letter task "1", the paragraph introducing it and a bracketed note no task', () => {
    const body = segment(
      [
        'Sở Xây dựng nhận được Tờ trình số 12/TTr-PQH ngày 3/5/2019 của Phòng Quy hoạch, Giám đốc Sở có ý kiến như sau:',
        '',
        'Giao Trưởng phòng: Phòng Quản lý nhà, Phòng Kinh tế phối hợp với Thanh tra Sở rà soát hồ sơ',
        'các công trình chậm tiến độ, báo cáo trước ngày 30/5/2019./.',
        '',
        '(Kèm theo Tờ trình số 12/TTr-PQH)',
      ].join('\n'),
    );
    expect(body.tasks.map((t) => [t.number, t.from, t.to])).toEqual([['1', 3, 4]]);
    expect(body.tasks[0].text).toMatch(/^Giao Trưởng phòng: Phòng Quản lý nhà.*30\/5\/2019\.\/\.$/);
    expect(body.opening).toMatch(/^Sở Xây dựng nhận được Tờ trình số 12\/TTr-PQH/);
  });

  it('numbers several request paragraphs 1, 2, and cuts a request clause after its preamble ("…, UBND huyện đề nghị …")', () => {
    const two = segment('Giao Phòng Y tế kiểm tra các cơ sở.\nĐề nghị Hội Chữ thập đỏ vận động ủng hộ.\nTrân trọng./.');
    expect(two.tasks.map((t) => [t.number, t.text])).toEqual([
      ['1', 'Giao Phòng Y tế kiểm tra các cơ sở.'],
      ['2', 'Đề nghị Hội Chữ thập đỏ vận động ủng hộ.'],
    ]);
    const clause = segment(
      'Thực hiện Kế hoạch số 7/KH-UBND ngày 2/3/2020 của UBND tỉnh, UBND huyện đề nghị Trung tâm Văn hóa tổ chức tuyên truyền./.',
    );
    expect(clause.opening).toBe('Thực hiện Kế hoạch số 7/KH-UBND ngày 2/3/2020 của UBND tỉnh,');
    expect(clause.tasks.map((t) => t.text)).toEqual(['UBND huyện đề nghị Trung tâm Văn hóa tổ chức tuyên truyền./.']);
  });

  it('after "… có ý kiến như sau:", makes each paragraph with a body or a person by title then a verb a task; a notifying close none', () => {
    const body = segment(
      [
        'Về đề nghị của Sở Công Thương, Phó Chủ tịch UBND tỉnh Trần Văn Nam có ý kiến như sau:',
        'Sở Tài nguyên và Môi trường khẩn trương kiểm tra hiện trạng bãi chứa xỉ của nhà máy.',
        'Đồng chí Chủ tịch UBND thị xã Hòa Lạc chỉ đạo lực lượng chức năng giám sát việc vận chuyển.',
        'Tình hình sản xuất của nhà máy đã ổn định trở lại.',
        'Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.',
      ].join('\n'),
    );
    expect(body.tasks.map((t) => [t.number, t.text.slice(0, 30)])).toEqual([
      ['1', 'Sở Tài nguyên và Môi trường kh'],
      ['2', 'Đồng chí Chủ tịch UBND thị xã '],
    ]);
    expect(body.opening).toMatch(/có ý kiến như sau:$/);
  });

  it('reads no subject-and-verb paragraph as a task without an opening that introduces it', () => {
    expect(segment('Sở Tài nguyên và Môi trường tổ chức kiểm tra định kỳ các bãi xỉ trong năm qua.').tasks).toEqual([]);
  });

  it('finds no task in a body that asks nothing', () => {
    expect(
      segment('Năm qua, tình hình giao thông trên địa bàn ổn định.\nTheo đề nghị của Sở Tư pháp, các hồ sơ đã được xử lý.').tasks,
    ).toEqual([]);
  });
});

describe('segmentBody: task tables a PDF extraction flattened', () => {
  it('reads rows whose cells are separated by runs of spaces, a wrapped cell joined to its column', () => {
    const body = segment(
      [
        'TT   Nội dung   Đơn vị chủ trì   Đơn vị phối hợp   Thời gian hoàn thành',
        '1   Kiểm tra cải cách hành chính tại các   Sở Nội vụ   Thanh tra tỉnh   Tháng 10/2017',
        '    sở, ngành',
        '2   Công bố chỉ số   Sở Nội vụ   Sở Tư pháp   Quý I/2017',
      ].join('\n'),
    );
    expect(body.tasks.map((t) => [t.number, t.text, t.fields, t.fromTable])).toEqual([
      [
        '1',
        'Kiểm tra cải cách hành chính tại các sở, ngành',
        { lead: 'Sở Nội vụ', coordinating: 'Thanh tra tỉnh', time: 'Tháng 10/2017' },
        true,
      ],
      ['2', 'Công bố chỉ số', { lead: 'Sở Nội vụ', coordinating: 'Sở Tư pháp', time: 'Quý I/2017' }, true],
    ]);
  });

  it('reads rows whose cells stand one a line, the head too, a page number between rows left out', () => {
    const body = segment(
      [
        'STT',
        'Nội dung nhiệm vụ',
        'Cơ quan chủ trì',
        'Cơ quan phối hợp',
        'Thời gian hoàn thành',
        '1',
        'Xây dựng kế hoạch phòng, chống thiên tai',
        'năm 2025',
        'Sở Nông nghiệp và Môi trường',
        'UBND các xã, phường',
        'Tháng 3/2025',
        '2',
        'Diễn tập ứng phó bão lũ',
        'Bộ Chỉ huy Quân sự tỉnh',
        'Sở Y tế',
        'Quý II/2025',
      ].join('\n'),
    );
    expect(body.tasks.map((t) => [t.number, t.text, t.fields])).toEqual([
      [
        '1',
        'Xây dựng kế hoạch phòng, chống thiên tai năm 2025',
        { lead: 'Sở Nông nghiệp và Môi trường', coordinating: 'UBND các xã, phường', time: 'Tháng 3/2025' },
      ],
      ['2', 'Diễn tập ứng phó bão lũ', { lead: 'Bộ Chỉ huy Quân sự tỉnh', coordinating: 'Sở Y tế', time: 'Quý II/2025' }],
    ]);
  });
});

describe('reading a task', () => {
  it('reads the mode from the verb the text opens with', () => {
    expect([ownMode('Giao Sở A chủ trì'), ownMode('Đề nghị Mặt trận'), ownMode('Yêu cầu các sở'), ownMode('Sở A rà soát')]).toEqual([
      'giao',
      'de-nghi',
      'yeu-cau',
      null,
    ]);
  });

  it('reads the mode and the lead after a body as subject asking ("UBND huyện đề nghị Sở A …")', () => {
    expect(ownMode('Ủy ban nhân dân huyện giao Phòng A rà soát')).toBe('giao');
    const asked = 'UBND huyện đề nghị Hội A, Hội B phối hợp với Phòng C vận động hội viên.';
    expect(leadOf(asked, mentionsOf(asked, ['UBND huyện', 'Hội A', 'Hội B', 'Phòng C']))?.agencies.map((m) => m.text)).toEqual([
      'Hội A',
      'Hội B',
    ]);
  });

  it('reads past a stray OCR mark after the item number ("c) 1 Đề nghị …")', () => {
    expect(
      segment('1. Các hội:\na) Hội A vận động.\nb) | Hội B tuyên truyền.\nc) 1 Đề nghị Hội C hỗ trợ.').tasks.map((t) => t.text),
    ).toEqual(['Hội A vận động.', 'Hội B tuyên truyền.', 'Đề nghị Hội C hỗ trợ.']);
  });

  it('reads the subject before "phối hợp với" as lead when the partner stands before "chủ trì", and "chủ trì cùng" as coordinating', () => {
    const text = 'Sở Du lịch phối hợp với Hội Nhà báo và chủ trì cùng Sở Công Thương tổ chức hội chợ.';
    const mentions = mentionsOf(text, ['Sở Du lịch', 'Hội Nhà báo', 'Sở Công Thương']);
    expect(leadOf(text, mentions)?.agencies.map((m) => m.text)).toEqual(['Sở Du lịch']);
    expect(coordinatingOf(text, mentions).map((m) => m.text)).toEqual(['Hội Nhà báo', 'Sở Công Thương']);
  });

  it('keeps subjects the registry lacks as written: heads of bodies, and a list going on past the placed names', () => {
    expect(
      unplacedSubject('Chủ tịch Hội đồng quản trị, Giám đốc các công ty, hợp tác xã chủ động rà soát kế hoạch.').map((p) => p.text),
    ).toEqual(['Chủ tịch Hội đồng quản trị, Giám đốc các công ty, hợp tác xã']);
    expect(unplacedSubject('Đề nghị thành viên Ban Chỉ đạo phòng chống lụt bão xã tham gia kiểm tra đê.').map((p) => p.text)).toEqual([
      'thành viên Ban Chỉ đạo phòng chống lụt bão xã',
    ]);
    expect(unplacedSubject('Ban hành quy chế làm việc và tổ chức thực hiện.')).toEqual([]);
    const listed = 'Đề nghị Sở A, Hội Người cao tuổi, các hội nghề nghiệp có biện pháp vận động.';
    expect(leadOf(listed, mentionsOf(listed, ['Sở A']))?.agencies.map((m) => [m.text, m.agencyId])).toEqual([
      ['Sở A', 'Sở A'],
      ['Hội Người cao tuổi', null],
      ['các hội nghề nghiệp', null],
    ]);
  });

  it('reads the lead from the subject, past titles and connectors, or from the names before "chủ trì"', () => {
    const subject = 'Giám đốc Sở A, Chủ tịch UBND huyện B tập trung chỉ đạo, phối hợp với Sở C.';
    expect(leadOf(subject, mentionsOf(subject, ['Sở A', 'UBND huyện B', 'Sở C']))?.agencies.map((m) => m.text)).toEqual([
      'Sở A',
      'UBND huyện B',
    ]);
    const chuTri = 'Về việc rà soát, giao Sở A chủ trì, phối hợp với Sở B và Sở C thực hiện.';
    expect(leadOf(chuTri, mentionsOf(chuTri, ['Sở A', 'Sở B', 'Sở C']))).toMatchObject({ source: 'chu-tri', agencies: [{ text: 'Sở A' }] });
    expect(coordinatingOf(chuTri, mentionsOf(chuTri, ['Sở A', 'Sở B', 'Sở C'])).map((m) => m.text)).toEqual(['Sở B', 'Sở C']);
    const none = 'Huy động các nguồn lực của Sở A.';
    expect(leadOf(none, mentionsOf(none, ['Sở A']))).toBeNull();
  });

  it('reads a report duty as written, and the item naming who follows the directive', () => {
    expect(reportDutyOf('Tổ chức thực hiện; tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2017./.')).toBe(
      'tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2017',
    );
    expect(reportDutyOf('Xây dựng báo cáo chuyên đề.')).toBeNull();
    expect(monitoringScore('Giao Sở A theo dõi, đôn đốc việc thực hiện; tổng hợp báo cáo UBND tỉnh kết quả.')).toBe(3);
    expect(monitoringScore('Sở A là cơ quan đầu mối.')).toBe(2);
    expect(monitoringScore('Sở A theo dõi diễn biến thời tiết.')).toBe(0);
  });
});
