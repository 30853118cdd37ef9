import type { Rate, ReportAssignmentRow, ReportContent, RollupRow, StatusCounts, SummaryBlock } from '@dm/contracts';
import { renderCsv, renderPdf, renderXlsx } from '@dm/report-documents';

const AGENCIES = 500;
const TASKS = [
  'Đẩy mạnh hỗ trợ phát triển sản xuất, đa dạng sinh kế, nhân rộng mô hình giảm nghèo hiệu quả nhằm nâng cao thu nhập cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.',
  'Xây dựng kế hoạch giúp người nghèo cải thiện việc tiếp cận các dịch vụ xã hội cơ bản như y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin.',
  'Tăng cường công tác kiểm tra, giám sát; tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện giảm nghèo.',
];

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * The issued report's three formats rendered with `rows` late or overdue
 * assignments (spread over 500 communes, each with its scorecard): the
 * workbook, the CSV of the late list, the PDF, each timed after one small
 * warm-up render. The aim: the workbook in 3 s or less.
 */
export async function reportDocumentsBench(rows = 10_000): Promise<Record<string, number>> {
  await renderAll(benchContent(10));
  const content = benchContent(rows);
  const timed = async (render: () => Promise<Buffer> | Buffer) => {
    const start = process.hrtime.bigint();
    const bytes = (await render()).length;
    return { ms: Math.round(since(start)), bytes };
  };
  const xlsx = await timed(() => renderXlsx(content));
  const csv = await timed(() => renderCsv(content, 'late'));
  const pdf = await timed(() => renderPdf(content));
  const perSecond = (ms: number) => Math.round((rows / ms) * 1000);
  const result = {
    rows,
    xlsxMs: xlsx.ms,
    xlsxRowsPerSecond: perSecond(xlsx.ms),
    xlsxBytes: xlsx.bytes,
    csvMs: csv.ms,
    csvRowsPerSecond: perSecond(csv.ms),
    csvBytes: csv.bytes,
    pdfMs: pdf.ms,
    pdfRowsPerSecond: perSecond(pdf.ms),
    pdfBytes: pdf.bytes,
  };
  console.log(`\nreport documents with ${rows} late and overdue assignments (${AGENCIES} agencies)`);
  console.log(
    `  xlsx (six sheets)    : ${result.xlsxMs} ms, ${result.xlsxRowsPerSecond} rows/s, ${result.xlsxBytes} bytes (aim ≤ 3000 ms)`,
  );
  console.log(`  csv (the late list)  : ${result.csvMs} ms, ${result.csvRowsPerSecond} rows/s, ${result.csvBytes} bytes`);
  console.log(`  pdf (six sections)   : ${result.pdfMs} ms, ${result.pdfRowsPerSecond} rows/s, ${result.pdfBytes} bytes`);
  return result;
}

async function renderAll(content: ReportContent): Promise<void> {
  await renderXlsx(content);
  renderCsv(content, 'late');
  await renderPdf(content);
}

function benchContent(rows: number): ReportContent {
  const late: ReportAssignmentRow[] = Array.from({ length: rows }, (_, i) => {
    const overdue = i % 3 !== 0;
    const agency = i % AGENCIES;
    return {
      assignmentId: `bench-${i}`,
      directiveNumber: '4308/UBND-VX',
      taskNumber: String((i % 11) + 1),
      taskText: `${TASKS[i % TASKS.length]} (${i + 1})`,
      mode: 'yeu-cau',
      role: 'lead',
      agencyId: `xa-${agency}`,
      agencyName: `UBND xã Số ${agency + 1}`,
      status: overdue ? 'overdue' : 'completedLate',
      statusLabel: overdue ? 'Quá hạn chưa hoàn thành' : 'Hoàn thành quá hạn',
      lifecycle: overdue ? 'inProgress' : 'completed',
      deadline: '2017-02-28',
      completedOn: overdue ? null : '2017-03-10',
      daysLate: overdue ? 14 : 10,
      latestPercent: overdue ? i % 100 : 100,
    };
  });
  const scorecards = Array.from({ length: AGENCIES }, (_, a) =>
    rollup(
      `xa-${a}`,
      `UBND xã Số ${a + 1}`,
      late.filter((_, i) => i % AGENCIES === a),
    ),
  );
  const province = rollup('province', 'Toàn tỉnh', late);
  return {
    heading: {
      parentBody: 'UBND tỉnh Thanh Hóa',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội',
      number: '15/BC-SLĐTBXH',
      place: 'Thanh Hóa',
      date: '2017-04-05',
      title: 'Kết quả thực hiện Văn bản số 4308/UBND-VX, quý I năm 2017',
      recipients: ['UBND tỉnh (để báo cáo);', 'Lưu: VT, BTXH.'],
      signer: { name: 'Nguyễn Thị Hạnh', capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
    },
    directive: null,
    period: { period: '2017-Q1', kind: 'quarter', calendar: 'decree09', from: '2016-12-15', to: '2017-03-14' },
    asOf: '2017-03-14',
    knownAt: '2017-04-05T03:00:00.000Z',
    checkpoints: [{ store: 'events', treeSize: rows * 5, rootHash: 'ab'.repeat(32), time: '2017-04-05T02:59:00.000Z', keyId: 'bench' }],
    summary: province,
    requests: block([]),
    coordinating: {
      assigned: 0,
      total: 0,
      lifecycle: lifecycle(0, 0),
      activity: { progressReports: 0, completionsReported: 0, confirmations: 0, returns: 0, reopenings: 0, recordedLate: 0 },
    },
    scorecards,
    groups: [{ ...province, id: 'ubnd-xa', name: 'UBND các xã, phường' }],
    province,
    lateAndOverdue: late,
    requestRows: [],
    submissions: [],
  };
}

function rollup(id: string, name: string, rows: readonly ReportAssignmentRow[]): RollupRow {
  return { id, name, agencies: id === 'province' ? AGENCIES : 1, ...block(rows), requests: block([]) };
}

function block(rows: readonly ReportAssignmentRow[]): SummaryBlock {
  const completedLate = rows.filter((r) => r.status === 'completedLate').length;
  const counts: StatusCounts = {
    completedOnTime: 0,
    completedLate,
    inProgressWithinDeadline: 0,
    overdue: rows.length - completedLate,
    noDeadline: 0,
    completedWithoutDeadline: 0,
    extendedAfterDue: 0,
    total: rows.length,
  };
  const none: StatusCounts = { ...counts, completedLate: 0, overdue: 0, total: 0 };
  return {
    assigned: rows.length,
    counts,
    carriedOver: none,
    assignedInWindow: counts,
    lifecycle: lifecycle(rows.length - completedLate, completedLate),
    rates: [rate('completed/assigned', completedLate, rows.length), rate('completed/due', completedLate, rows.length)],
    activity: {
      progressReports: rows.length,
      completionsReported: completedLate,
      confirmations: completedLate,
      returns: 0,
      reopenings: 0,
      recordedLate: 0,
    },
  };
}

function rate(name: string, numerator: number, denominator: number): Rate {
  const label = name === 'completed/due' ? 'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn' : 'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao';
  return { name, label, numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

function lifecycle(inProgress: number, completed: number): SummaryBlock['lifecycle'] {
  return { notStarted: 0, inProgress, awaitingConfirmation: 0, returned: 0, completed, cancelled: 0, superseded: 0, revoked: 0 };
}

if (require.main === module) {
  reportDocumentsBench(Number(process.argv[2] ?? 10_000)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
