import { ApiClient, ConsistencySession } from '../api-client';
import { seed4308Directive } from './seed-4308';

export type SignToken = (claims: {
  sub: string;
  name?: string;
  agencyId: string | null;
  roles: Array<'agency_officer' | 'monitoring_officer'>;
}) => string;

/** A deterministic pseudo-random sequence, so the demo writes the same year each time. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Assignment {
  id: string;
  taskNumber: string;
  agencyId: string;
  role: string;
}

const MONTH_ENDS = [
  '2017-03-10',
  '2017-04-10',
  '2017-05-10',
  '2017-06-10',
  '2017-07-10',
  '2017-08-10',
  '2017-09-10',
  '2017-10-10',
  '2017-11-10',
  '2017-12-08',
];

const SUMMARIES: Record<string, string[]> = {
  '3': [
    'Triển khai hỗ trợ phát triển sản xuất cho hộ nghèo tại các xã',
    'Nhân rộng mô hình chăn nuôi bò sinh sản có thu hồi, luân chuyển vốn',
    'Tập huấn chuyển giao tiến bộ kỹ thuật cho hộ nghèo, hộ cận nghèo',
  ],
  '4': [
    'Xây dựng kế hoạch cải thiện tiếp cận dịch vụ xã hội cơ bản cho người nghèo',
    'Rà soát đối tượng thụ hưởng chính sách',
    'Tổng hợp kết quả thực hiện của ngành',
  ],
  '5': ['Giải ngân vốn tín dụng ưu đãi cho hộ nghèo, hộ cận nghèo', 'Kiểm tra sử dụng vốn vay tại các huyện'],
  '11': ['Đôn đốc các sở, ngành và UBND cấp huyện báo cáo kết quả thực hiện', 'Tổng hợp báo cáo quý gửi UBND tỉnh'],
};

/**
 * Issues the seed directive and a year of plausible progress through the
 * API, as the agencies and the monitoring office would. Every command has
 * an Idempotency-Key, so running the demo again writes nothing twice.
 */
export async function runDemo(baseUrl: string, sign: SignToken, log: (line: string) => void = () => undefined) {
  // One session: every read waits for the writes before it, through a gateway too.
  const session = new ConsistencySession();
  // The provincial People's Committee's office enters the directive in its name; Sở LĐ-TB&XH monitors it.
  const office = new ApiClient(
    baseUrl,
    sign({ sub: 'demo-vp-ubnd-tinh', name: 'Chuyên viên Văn phòng UBND tỉnh', agencyId: 'vp-ubnd-tinh', roles: ['monitoring_officer'] }),
    session,
  );
  const monitoring = new ApiClient(
    baseUrl,
    sign({ sub: 'demo-ldtbxh', name: 'Chuyên viên Sở LĐ-TB&XH', agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] }),
    session,
  );
  const officerOf = (agencyId: string) =>
    new ApiClient(baseUrl, sign({ sub: `demo-${agencyId}`, name: `Cán bộ ${agencyId}`, agencyId, roles: ['agency_officer'] }), session);
  const must = async (what: string, call: Promise<{ status: number; body: any }>) => {
    const response = await call;
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const issued = await issueOnce(office, monitoring, must);
  log(`issued ${issued.number} (${issued.id}): ${issued.tasks.length} tasks, ${issued.assignments.length} assignments`);
  await must(
    'deadline task 11',
    monitoring.post(
      `/api/v1/directives/${issued.id}/tasks/11/deadline`,
      {
        deadline: '2017-12-14',
        reason: 'Báo cáo kết quả năm theo kỳ chốt số liệu của Nghị định 09/2019/NĐ-CP (minh họa)',
        authorizingDocument: 'Thông báo kết luận của Chủ tịch UBND tỉnh (minh họa)',
        changedOn: '2017-03-01',
      },
      { 'idempotency-key': 'demo-deadline-11' },
    ),
  );

  const next = random(4308);
  const assignments: Assignment[] = issued.assignments.filter((a: Assignment) => a.role === 'lead' && SUMMARIES[a.taskNumber]);
  let writes = 0;
  for (const a of assignments) {
    if (next() < 0.25) continue; // some agencies never report: they show as not started
    const officer = officerOf(a.agencyId);
    const texts = SUMMARIES[a.taskNumber];
    let percent = 0;
    const months = MONTH_ENDS.filter(() => next() < 0.6);
    for (const [i, reportedOn] of months.entries()) {
      percent = Math.min(100, percent + Math.round(5 + next() * 20));
      await must(
        'progress',
        officer.post(
          `/api/v1/assignments/${a.id}/progress`,
          {
            reportedOn,
            summary: texts[i % texts.length],
            percent,
            difficulties: next() < 0.3 ? 'Nguồn vốn bố trí chậm, địa bàn rộng, giao thông khó khăn' : null,
            proposals: next() < 0.2 ? 'Đề nghị UBND tỉnh bố trí bổ sung kinh phí' : null,
          },
          { 'idempotency-key': `demo-progress-${a.id}-${reportedOn}` },
        ),
      );
      writes++;
    }
    if (percent >= 60 && next() < 0.6) {
      const completedOn = '2017-11-25';
      await must(
        'completion',
        officer.post(
          `/api/v1/assignments/${a.id}/completion`,
          {
            completedOn,
            summary: 'Hoàn thành các nội dung được giao trong năm 2017',
            evidence: `Báo cáo số ${100 + writes}/BC-UBND`,
          },
          { 'idempotency-key': `demo-completion-${a.id}` },
        ),
      );
      const accept = next() < 0.8;
      await must(
        'confirmation',
        monitoring.post(
          `/api/v1/assignments/${a.id}/confirmation`,
          accept
            ? { accepted: true, confirmedOn: '2017-12-05' }
            : { accepted: false, reason: 'Báo cáo chưa có số liệu kết quả cụ thể', returnedOn: '2017-12-05' },
          { 'idempotency-key': `demo-confirmation-${a.id}` },
        ),
      );
      writes += 2;
    }
  }
  log(`reported ${writes} progress, completion and confirmation events`);
  const summary = await must('summary', monitoring.get('/api/v1/reports/summary?period=2017&calendar=decree09'));
  log(`2017 (decree09, ${summary.from} → ${summary.to}): ${JSON.stringify(summary.counts)}`);
  return { directiveId: issued.id, writes };
}

/**
 * Issues the seed letter, or reads it back when it is issued already (a data
 * directory of an earlier demo, whose issue was sent by another user). It is
 * read back by its monitoring agency, which reads all of its assignments
 * (docs/domain.md, "Who reads what"): the office is one of its addressees,
 * and would see its own only.
 */
async function issueOnce(
  office: ApiClient,
  monitoring: ApiClient,
  must: (what: string, call: Promise<{ status: number; body: any }>) => Promise<any>,
) {
  const request = seed4308Directive();
  const issued = await office.post('/api/v1/directives', request, { 'idempotency-key': 'demo-issue-4308' });
  if (issued.status !== 409) return must('issue 4308/UBND-VX', Promise.resolve(issued));
  const list = await must('list directives', monitoring.getAll('/api/v1/directives', ['directives']));
  const found = list.directives.find(
    (d: { number: string; issuedOn: string }) => d.number === request.number && d.issuedOn === request.issuedOn,
  );
  if (!found) return must('issue 4308/UBND-VX', Promise.resolve(issued));
  const directive = await must('read 4308/UBND-VX', monitoring.get(`/api/v1/directives/${found.id}?asOf=${request.issuedOn}`));
  return { ...directive, assignments: directive.assignments.map(({ state: _state, ...a }: { state: unknown }) => a) };
}
