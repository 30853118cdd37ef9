import type { IssueDirectiveRequest } from '@dm/contracts';

/**
 * Letter 4308/UBND-VX (Thanh Hóa, 10/02/2017) as an API request: its 11
 * tasks with their addressees resolved to registry ids and groups (task 1
 * to the Party committees too, which are requested, task 5 to the
 * commercial banks too). The
 * letter sets no deadline; `deadlines` lets a scenario give some tasks one.
 */
export function seed4308Directive(deadlines: Record<string, string | null> = {}): IssueDirectiveRequest {
  const task = (number: string, mode: 'giao' | 'yeu-cau' | 'de-nghi', lead: string[], coordinating: string[], text: string) => ({
    number,
    text,
    mode,
    lead,
    coordinating,
    deadline: deadlines[number] ?? null,
    reportDuty: null,
  });
  return {
    number: '4308/UBND-VX',
    type: 'cong-van',
    issuer: 'ubnd-tinh',
    issuedOn: '2017-02-10',
    subject:
      'V/v thực hiện Chỉ thị số 01 ngày 06/01/2017 của Thủ tướng Chính phủ về tăng cường chỉ đạo thực hiện CTMTQG giảm nghèo bền vững giai đoạn 2016 - 2020.',
    legalBasis: [
      'Chỉ thị số 01/CT-TTg ngày 06/01/2017',
      'Quyết định số 289-QĐ/TU ngày 27/5/2016',
      'Kế hoạch số 159/KH-UBND ngày 21/10/2016',
    ],
    addressees: ['so-ban-nganh', 'ubnd-huyen'],
    signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
    monitoringAgency: 'so-ldtbxh',
    tasks: [
      task(
        '1',
        'yeu-cau',
        ['cap-uy-dang', 'so-ban-nganh', 'ubnd-huyen'],
        [],
        'Quán triệt sâu sắc Chỉ thị số 01/CT-TTg; đổi mới nội dung, hình thức tuyên truyền về tiêu chí tiếp cận nghèo đa chiều, mục tiêu giảm nghèo bền vững.',
      ),
      task(
        '2',
        'yeu-cau',
        ['so-ban-nganh', 'ubnd-huyen'],
        [],
        'Tập trung lãnh đạo, chỉ đạo triển khai các nhiệm vụ được giao tại Quyết định số 289-QĐ/TU và Kế hoạch số 159/KH-UBND; các chương trình, kế hoạch giảm nghèo của các sở, ngành, địa phương.',
      ),
      task(
        '3',
        'yeu-cau',
        ['ubnd-huyen'],
        [],
        'Đẩy mạnh hỗ trợ phát triển sản xuất, đa dạng sinh kế, nhân rộng mô hình giảm nghèo hiệu quả nhằm nâng cao thu nhập cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.',
      ),
      task(
        '4',
        'yeu-cau',
        ['so-yt', 'so-gddt', 'so-xd', 'so-nnptnt', 'so-tttt'],
        [],
        'Xây dựng kế hoạch giúp người nghèo cải thiện việc tiếp cận các dịch vụ xã hội cơ bản như y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin.',
      ),
      task(
        '5',
        'yeu-cau',
        ['nhcsxh-tinh', 'ngan-hang-thuong-mai'],
        [],
        'Tạo điều kiện thuận lợi để hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo được tiếp cận vay các nguồn vốn tín dụng ưu đãi để phát triển sản xuất, kinh doanh.',
      ),
      task(
        '6',
        'yeu-cau',
        ['ubnd-huyen'],
        ['so-khdt', 'so-tc'],
        'Huy động các nguồn lực để đẩy mạnh xây dựng cơ sở hạ tầng thiết yếu tại các huyện nghèo, xã, thôn bản đặc biệt khó khăn; áp dụng cơ chế đặc thù rút gọn đối với một số dự án đầu tư quy mô nhỏ.',
      ),
      task(
        '7',
        'yeu-cau',
        ['so-ban-nganh', 'ubnd-huyen'],
        [],
        'Tăng cường công tác kiểm tra, giám sát; tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện giảm nghèo; gắn kiểm điểm việc lãnh đạo, chỉ đạo công tác giảm nghèo với đánh giá cán bộ hằng năm.',
      ),
      task(
        '8',
        'yeu-cau',
        ['huyen-ngheo-30a'],
        ['so-ldtbxh', 'ban-dan-toc'],
        'Tổ chức thực hiện có hiệu quả Đề án hỗ trợ giảm nghèo cho các xã có tỷ lệ nghèo cao vùng miền núi và Đề án xây dựng điểm điển hình giảm nghèo nhanh và bền vững tại các huyện nghèo, giai đoạn 2016-2020.',
      ),
      task(
        '9',
        'yeu-cau',
        ['so-nv', 'ubnd-huyen'],
        [],
        'Tăng cường đào tạo, bồi dưỡng, nâng cao năng lực cho đội ngũ cán bộ làm công tác giảm nghèo ở cấp huyện, xã; thực hiện chính sách luân chuyển, khuyến khích trí thức trẻ tình nguyện về công tác tại các huyện nghèo, xã nghèo.',
      ),
      task(
        '10',
        'de-nghi',
        ['mttq-tinh', 'doan-the'],
        [],
        'Tiếp tục đẩy mạnh cuộc vận động ủng hộ Quỹ "Vì người nghèo" và phong trào thi đua "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"; sử dụng nguồn quỹ đúng mục đích và hiệu quả.',
      ),
      task(
        '11',
        'giao',
        ['so-ldtbxh'],
        [],
        'Theo dõi, đôn đốc việc triển khai thực hiện của các sở, ban, ngành và UBND các huyện, thị xã, thành phố; tổng hợp báo cáo UBND tỉnh kết quả thực hiện.',
      ),
    ],
  };
}
