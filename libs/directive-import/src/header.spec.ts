import {
  closingStart,
  foldAligned,
  readClosing,
  readHeader,
  readCitedGrounds,
  readLegalBasis,
  readSignatureStamp,
  repairDocumentNumber,
  sourceLines,
  typeOfSymbol,
} from './header';

const header = (text: string) => readHeader(sourceLines(text));
const closing = (text: string) => {
  const lines = sourceLines(text);
  return readClosing(lines, closingStart(lines, 0));
};

describe('repairDocumentNumber', () => {
  it.each([
    ['4308/UBND-VX', '4308/UBND-VX', false],
    ['01/CT-TTg   Hà Nội', '01/CT-TTg', false],
    ['15 /KH-UBND', '15/KH-UBND', false],
    ['289. QĐ/TU ngày', '289-QĐ/TU', true],
    ['4308.UBND-VX', '4308/UBND-VX', true],
    ['159/KH- UBND', '159/KH-UBND', false],
    ['30c/NQ-CP', '30c/NQ-CP', false],
    ['71/2017/TT-BTC', '71/2017/TT-BTC', false],
  ])('reads %j as %j', (written, value, repaired) => {
    expect(repairDocumentNumber(written)).toMatchObject({ value, repaired });
  });

  it('reads no number from a text that has none', () => {
    expect([repairDocumentNumber('2016 - 2020'), repairDocumentNumber('ngày 10'), repairDocumentNumber('')]).toEqual([null, null, null]);
  });

  it('knows the type from the symbol', () => {
    expect(['01/CT-TTg', '15/KH-UBND', '289-QĐ/TU', '4308/UBND-VX', '12/CĐ-TTg'].map(typeOfSymbol)).toEqual([
      'chi-thi',
      'ke-hoach',
      'quyet-dinh',
      null,
      'cong-dien',
    ]);
  });
});

describe('readHeader', () => {
  it('reads "Sô:" and "S6:" for "Số:", the place before the date', () => {
    expect(
      header(
        'BỘ TÀI CHÍNH   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSô: 05/TB-BTC   Hà Nội, ngày 05 tháng 3 năm 2020\nTHÔNG BÁO\nKết luận của Bộ trưởng\n',
      ),
    ).toMatchObject({
      issuer: 'BỘ TÀI CHÍNH',
      number: { value: '05/TB-BTC' },
      place: 'Hà Nội',
      issuedOn: '2020-03-05',
      type: 'thong-bao',
      typeConfidence: 1,
      subject: 'Kết luận của Bộ trưởng',
    });
    expect(header('S6: 01/CT-TTg Hà Nội, ngày 06 tháng 01 năm 2017').number?.value).toBe('01/CT-TTg');
  });

  it('reads a two-level issuer, and a one-level one broken over two lines', () => {
    expect(header('UBND TỈNH THANH HÓA\nSỞ Y TẾ\nSố: 10/SYT-NV')).toMatchObject({
      issuer: 'SỞ Y TẾ',
      issuerHeading: 'UBND TỈNH THANH HÓA',
    });
    expect(header('ỦY BAN NHÂN DÂN\nTỈNH THANH HOÁ\nSố: 10/UBND-VX')).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH THANH HOÁ',
      issuerHeading: null,
    });
  });

  it('reads the lower level of a ministry body’s heading as the issuer, its OCR’d organ word ("TONG CYC") too', () => {
    expect(header('BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nTỔNG CỤC THỦY LỢI\nSố: 31/TCTL-QLCT')).toMatchObject({
      issuer: 'TỔNG CỤC THỦY LỢI',
      issuerHeading: 'BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN',
    });
    expect(header('BO CONG THUONG      CONG HOA XA HOI CHU NGHIA VIET NAM\nTONG CYC QUAN LY THI TRUONG\nSố: 7/TCQLTT-VP')).toMatchObject({
      issuer: 'TỔNG CỤC QUAN LY THI TRUONG',
      issuerHeading: 'BO CONG THUONG',
    });
  });

  it('reads the addressees inline or as a list, and starts the body after them', () => {
    expect(header('Số: 1/UBND-VX\nV/v phòng chống dịch\nKính gửi: Sở Y tế.\nThực hiện ...').addressees).toEqual(['Sở Y tế']);
    const listed = header(
      'Số: 1/UBND-VX\nV/v phòng chống\ndịch bệnh\nKính gửi:\n- Sở Y tế;\n- UBND các huyện, thị xã,\nthành phố.\nThực hiện ...',
    );
    expect(listed).toMatchObject({
      subject: 'V/v phòng chống dịch bệnh',
      type: 'cong-van',
      addressees: ['Sở Y tế', 'UBND các huyện, thị xã, thành phố'],
      bodyStart: 7,
    });
  });

  it('splits the issuer from the national motto sharing its line, and leaves the stamp noise above the motto out', () => {
    expect(
      header(
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN AN LÃO Độc lập - Tự do - Hạnh phúc\n\nSố: 31/UBND-TH An Lão, ngày 4 tháng 5 năm 2021',
      ),
    ).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN HUYỆN AN LÃO', number: { value: '31/UBND-TH' }, issuedOn: '2021-05-04', headerless: false });
    const scanned = [
      'Ký bởi: Cổng điện tử',
      'CONG DIEN TU THONG TIN BO',
      'BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '—— Độc lập - Tự do - Hạnh phúc',
      '',
      'Bộ trưởng Bộ Y tế yêu cầu Giám đốc Sở Y tế các tỉnh, thành phố, Thủ trưởng các đơn vị trực thuộc Bộ:',
      '1. Rà soát cơ số thuốc.',
    ].join('\n');
    expect(header(scanned).issuer).toBe('BỘ Y TẾ');
  });

  it('reads a text without a header block: number and date from a reference note, the issuer from the sentence that instructs or notifies', () => {
    const quoted = header(
      'Ban Quản lý dự án có ý kiến như sau:\nGiao Phòng Kỹ thuật kiểm tra hiện trường./.\n(Theo Công văn số 77/BQL-KT, ngày 5/6/2021)',
    );
    expect(quoted).toMatchObject({
      headerless: true,
      issuer: 'Ban Quản lý dự án',
      number: { value: '77/BQL-KT' },
      issuedOn: '2021-06-05',
      bodyStart: 0,
    });
    const titled = header(
      [
        'Về việc sửa chữa trường học sau bão (88/SXD-QLXD, ngày 9/9/2019).',
        '',
        'Thực hiện Công văn số 12/UBND-VX ngày 1/9/2019 của UBND tỉnh, đồng chí Giám đốc Sở có ý kiến như sau:',
        'Giao Phòng Quản lý xây dựng khảo sát các điểm trường.',
        '(Công văn số 12/UBND-VX ngày 1/9/2019 của UBND tỉnh gửi qua mạng).',
        'Sở Xây dựng thông báo để các đơn vị biết, thực hiện./.',
      ].join('\n'),
    );
    expect(titled).toMatchObject({
      headerless: true,
      issuer: 'Sở Xây dựng',
      number: { value: '88/SXD-QLXD' },
      issuedOn: '2019-09-09',
      subject: 'Về việc sửa chữa trường học sau bão',
      bodyStart: 1,
    });
  });

  it('never takes a cited document’s date for the issue date; without a Số line, the attached plan’s subtitle gives number and date', () => {
    const decision = header(
      [
        'PHÊ DUYỆT ĐỀ ÁN THỰC HIỆN NGHỊ QUYẾT SỐ 08-NQ/TU NGÀY 02 THÁNG 5 NĂM 2020 CỦA TỈNH ỦY VỀ CHUYỂN ĐỔI SỐ',
        'ỦY BAN NHÂN DÂN TỈNH',
        'Căn cứ Nghị quyết số 08-NQ/TU ngày 02 tháng 5 năm 2020 của Tỉnh ủy;',
        'QUYẾT ĐỊNH:',
        'Điều 1. Phê duyệt Đề án kèm theo Quyết định này./.',
        'ĐỀ ÁN',
        '(Ban hành kèm theo Quyết định số 1207/QĐ-UBND ngày 17 tháng 8 năm 2020 của UBND tỉnh)',
      ].join('\n'),
    );
    expect(decision).toMatchObject({ number: { value: '1207/QĐ-UBND' }, issuedOn: '2020-08-17', issuer: 'ỦY BAN NHÂN DÂN TỈNH' });
    const cited = header(['KẾ HOẠCH THỰC HIỆN CÔNG VĂN SỐ 55/BXD-QLN NGÀY 4 THÁNG 1 NĂM 2021', 'SỞ XÂY DỰNG', 'Thực hiện …'].join('\n'));
    expect(cited.issuedOn).toBeNull();
    expect(cited.issuer).toBe('SỞ XÂY DỰNG');
  });

  it('reads a title line naming the document itself ("Quyết định số … ngày …" first) for its number and date', () => {
    expect(header('Quyết định số 96/QĐ-SGTVT ngày 05/02/2021 về việc tổ chức lại bến xe\nGiao Phòng Quản lý vận tải …')).toMatchObject({
      number: { value: '96/QĐ-SGTVT' },
      issuedOn: '2021-02-05',
    });
  });

  it('reads past a web page’s title lines: no issuer from them, the trailing reference note gives number and date', () => {
    const page = header(
      [
        'TIN TỨC',
        'VĂN BẢN CHỈ ĐẠO',
        'Về việc phòng chống rét cho đàn gia súc',
        '',
        'UBND huyện có ý kiến như sau:',
        'Giao Phòng Nông nghiệp hướng dẫn các xã chằng chống chuồng trại./.',
        '',
        '(Theo Công văn số 233/UBND-NN, ngày 08/01/2024)',
      ].join('\n'),
    );
    expect(page).toMatchObject({ headerless: true, issuer: 'UBND huyện', number: { value: '233/UBND-NN' }, issuedOn: '2024-01-08' });
  });

  it('finds nothing in a text without a header', () => {
    expect(header('Một đoạn văn bản bất kỳ.')).toMatchObject({ number: null, issuedOn: null, type: null, subject: null, addressees: [] });
  });
});

describe('the closing and the stamp', () => {
  it('reads the signer beside Nơi nhận on the same lines, the title cleared of OCR noise', () => {
    expect(closing('Nơi nhận:   KT. CHỦ TỊCH\n- Như trên;   PHÓ CHỦ TỊCH 7\n- Lưu: VT.\nPhạm Đặng Quyền\n\n3')).toEqual({
      start: 0,
      signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
      recipients: ['Như trên', 'Lưu: VT'],
    });
  });

  it('reads TL. and (Đã ký) lines, and a signer without Nơi nhận', () => {
    expect(closing('Việc cuối./.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(Đã ký)\nNguyễn Văn A').signer).toEqual({
      name: 'Nguyễn Văn A',
      capacity: 'TL. CHỦ TỊCH',
      title: 'CHÁNH VĂN PHÒNG',
    });
  });

  it('reads the stamp lines wherever they are, the signing time as an ISO local time', () => {
    expect(readSignatureStamp(sourceLines('Ký bởi: Văn phòng Ủy ban Nhân dân\nThời gian ký: 10/02/2017 15:47:44'))).toEqual({
      signedBy: 'Văn phòng Ủy ban Nhân dân',
      signedAt: '2017-02-10T15:47:44',
    });
    expect(readSignatureStamp(sourceLines('Người ký: Sở Tài chính Email: a@b.vn Thời gian ký: 20.07.2017 09:15 +07:00'))).toEqual({
      signedBy: 'Sở Tài chính',
      signedAt: '2017-07-20T09:15:00',
    });
    expect(readSignatureStamp(sourceLines('Không có dấu'))).toBeNull();
  });
});

describe('readLegalBasis', () => {
  it('collects the documents the preamble cites and those whose assignments a task carries out, each once past OCR slips', () => {
    const preamble = 'Sở Y tế nhận được Công văn số 52/BYT-DP ngày 3/2/2021 của Bộ Y tế, Giám đốc Sở có ý kiến như sau:';
    const tasks = [
      'Các phòng thực hiện các nhiệm vụ được giao tại Quyết định số 77-QĐ/TU ngày 5/1/2021 của Tỉnh ủy; Kế hoạch số 9/KH-UBND ngày 8/1/2021 của UBND tỉnh thực hiện Quyết định 77-QĐ/TT ngày 5/1/2021.',
      'Nghiên cứu Luật số 12/2017/QH14 ngày 20/6/2017 để áp dụng.',
    ];
    expect(readCitedGrounds(preamble, tasks).map((b) => b.reference)).toEqual([
      'Công văn số 52/BYT-DP ngày 3/2/2021',
      'Quyết định số 77-QĐ/TU ngày 5/1/2021',
      'Kế hoạch số 9/KH-UBND ngày 8/1/2021',
    ]);
  });

  it('reads each Căn cứ and the documents of a Thực hiện sentence, repaired', () => {
    expect(
      readLegalBasis(
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Thực hiện Quyết định số 289. QĐ/TU ngày 27/5/2016; Kế hoạch số 159/KH- UBND ngày 21/10/2016 của UBND tỉnh, Chủ tịch UBND tỉnh yêu cầu:',
      ),
    ).toEqual([
      { reference: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015', written: null },
      { reference: 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020', written: null },
      { reference: 'Quyết định số 289-QĐ/TU ngày 27/5/2016', written: '289. QĐ/TU' },
      { reference: 'Kế hoạch số 159/KH-UBND ngày 21/10/2016', written: null },
    ]);
  });
});

describe('foldAligned', () => {
  it('folds one character for one, so offsets hold in the original', () => {
    const text = 'Ủy ban nhân dân tỉnh Thanh Hoá, Đảng 😀';
    const folded = foldAligned(text);
    expect(folded).toHaveLength(text.length);
    expect(folded.slice(0, 31)).toBe('uy ban nhan dan tinh thanh hoa,');
  });
});
