import type { LifecycleStage, OfficialStatus } from '@dm/contracts';
import { instance } from '../duties/duties.fixtures';
import { assignmentReminders, DEFAULT_URGING_RULES, dutyReminders, type UrgedAssignment } from './conditions';

const NAMES: Record<string, string> = { 'h-muong-lat': 'UBND huyện Mường Lát', 'h-ba-thuoc': 'UBND huyện Bá Thước' };
const nameOf = (id: string) => NAMES[id] ?? id;
const rules = DEFAULT_URGING_RULES; // 7 days before a deadline; 90 days of silence

/** Mường Lát's task 3 of 4308/UBND-VX, due 31/03/2017, in progress. */
const assignment = (o: Partial<UrgedAssignment> = {}): UrgedAssignment => ({
  assignmentId: 'a-3-muong-lat',
  directiveId: 'd-4308',
  directiveNumber: '4308/UBND-VX',
  taskNumber: '3',
  agencyId: 'h-muong-lat',
  status: 'inProgressWithinDeadline',
  lifecycle: 'inProgress',
  deadline: '2017-03-31',
  silentSince: '2017-02-10',
  ...o,
});
const overdue = (o: Partial<UrgedAssignment> = {}) => assignment({ status: 'overdue', ...o });
const deadlineLess = (o: Partial<UrgedAssignment> = {}) => assignment({ status: 'noDeadline', deadline: null, ...o });
const remind = (a: UrgedAssignment, today: string) => assignmentReminders([a], today, rules, nameOf);
const keysOn = (a: UrgedAssignment, today: string) => remind(a, today).map((d) => d.key);

describe('assignmentReminders', () => {
  describe('due soon', () => {
    it('urges an assignment within its deadline from N days before it to the deadline itself', () => {
      expect(keysOn(assignment(), '2017-03-24')).toEqual(['dueSoon|a-3-muong-lat|2017-03-31']); // 7 days left
      expect(keysOn(assignment(), '2017-03-31')).toEqual(['dueSoon|a-3-muong-lat|2017-03-31']); // 0 days left
    });

    it('does not urge it N + 1 days before', () => {
      expect(remind(assignment(), '2017-03-23')).toEqual([]);
      expect(assignmentReminders([assignment()], '2017-03-23', { ...rules, dueWithinDays: 8 }, nameOf)).toHaveLength(1);
    });

    it('keys it by the deadline: the same while it stands, another after an extension', () => {
      expect(keysOn(assignment(), '2017-03-25')).toEqual(keysOn(assignment(), '2017-03-30'));
      expect(keysOn(assignment({ deadline: '2017-04-30' }), '2017-04-25')).toEqual(['dueSoon|a-3-muong-lat|2017-04-30']);
    });

    it('writes to the agency in Vietnamese, the deadline dd/mm/yyyy and the days left', () => {
      expect(remind(assignment(), '2017-03-28')).toEqual([
        {
          key: 'dueSoon|a-3-muong-lat|2017-03-31',
          kind: 'dueSoon',
          agencyId: 'h-muong-lat',
          directiveId: 'd-4308',
          directiveNumber: '4308/UBND-VX',
          assignmentId: 'a-3-muong-lat',
          taskNumber: '3',
          deadline: '2017-03-31',
          period: null,
          subject: 'Sắp đến hạn: nhiệm vụ 3 theo văn bản số 4308/UBND-VX, hạn 31/03/2017',
          text: 'Đề nghị UBND huyện Mường Lát hoàn thành nhiệm vụ 3 theo văn bản số 4308/UBND-VX trước ngày 31/03/2017 (còn 3 ngày) và báo cáo kết quả.',
        },
      ]);
    });
  });

  describe('overdue', () => {
    it('urges an overdue assignment once per deadline and month', () => {
      expect(keysOn(overdue(), '2017-04-01')).toEqual(['overdue|a-3-muong-lat|2017-03-31|2017-04']);
      expect(keysOn(overdue(), '2017-04-30')).toEqual(['overdue|a-3-muong-lat|2017-03-31|2017-04']);
    });

    it('urges the same overdue assignment again in the next month, with a new key', () => {
      expect(keysOn(overdue(), '2017-05-01')).toEqual(['overdue|a-3-muong-lat|2017-03-31|2017-05']);
      expect(keysOn(overdue(), '2018-04-01')).toEqual(['overdue|a-3-muong-lat|2017-03-31|2018-04']);
    });

    it('says how many days late, the deadline dd/mm/yyyy, and asks for the cause', () => {
      const [draft] = remind(overdue({ lifecycle: 'notStarted' }), '2017-04-05');
      expect(draft).toMatchObject({ kind: 'overdue', deadline: '2017-03-31', assignmentId: 'a-3-muong-lat', period: null });
      expect(draft.subject).toBe('Quá hạn: nhiệm vụ 3 theo văn bản số 4308/UBND-VX, hạn 31/03/2017');
      expect(draft.text).toBe(
        'Nhiệm vụ 3 theo văn bản số 4308/UBND-VX đã quá hạn 5 ngày (hạn 31/03/2017). Đề nghị UBND huyện Mường Lát khẩn trương thực hiện, báo cáo kết quả và nêu rõ nguyên nhân chậm.',
      );
    });

    it('urges one whose completion was returned', () => {
      expect(remind(overdue({ lifecycle: 'returned' }), '2017-04-05')).toHaveLength(1);
    });
  });

  describe('stale (no deadline, no report)', () => {
    // silent since 10/02/2017: 90 days on 11/05, 91 on 12/05, 179 on 08/08, 180 on 09/08, 181 on 10/08
    it('urges only when silent more than the rule’s days', () => {
      expect(remind(deadlineLess(), '2017-05-11')).toEqual([]);
      expect(keysOn(deadlineLess(), '2017-05-12')).toEqual(['stale|a-3-muong-lat|2017-02-10|1']);
    });

    it('keeps the key within a span, and changes it once the silence runs on past a further span', () => {
      expect(keysOn(deadlineLess(), '2017-08-08')).toEqual(keysOn(deadlineLess(), '2017-05-12'));
      expect(keysOn(deadlineLess(), '2017-08-10')).not.toEqual(keysOn(deadlineLess(), '2017-05-12'));
      expect(keysOn(deadlineLess(), '2017-08-10')).not.toEqual(keysOn(deadlineLess(), '2017-11-08')); // 181 and 271 days
    });

    // Each further reminder comes after a further full span: the first when silent > 90 days, the second > 180.
    it('urges again only when silent more than twice the rule’s days (181 days), not at 180', () => {
      expect(keysOn(deadlineLess(), '2017-08-09')).toEqual(keysOn(deadlineLess(), '2017-05-12'));
    });

    it('counts from the latest report: a new report starts a new silence, with a new key', () => {
      expect(remind(deadlineLess({ silentSince: '2017-04-01' }), '2017-05-12')).toEqual([]);
      expect(keysOn(deadlineLess({ silentSince: '2017-04-01' }), '2017-07-01')).toEqual(['stale|a-3-muong-lat|2017-04-01|1']);
    });

    it('says since when and for how many days, dd/mm/yyyy', () => {
      const [draft] = remind(deadlineLess(), '2017-05-12');
      expect(draft).toMatchObject({ kind: 'stale', deadline: null, agencyId: 'h-muong-lat' });
      expect(draft.subject).toBe('Chưa báo cáo 91 ngày: nhiệm vụ 3 theo văn bản số 4308/UBND-VX');
      expect(draft.text).toBe(
        'Nhiệm vụ 3 theo văn bản số 4308/UBND-VX chưa được báo cáo tiến độ từ ngày 10/02/2017 (91 ngày). Đề nghị UBND huyện Mường Lát báo cáo tình hình thực hiện.',
      );
    });

    it('takes the rule’s days', () => {
      expect(assignmentReminders([deadlineLess()], '2017-03-13', { ...rules, staleAfterDays: 30 }, nameOf).map((d) => d.key)).toEqual([
        'stale|a-3-muong-lat|2017-02-10|1',
      ]);
    });
  });

  it.each<[LifecycleStage, OfficialStatus | null]>([
    ['awaitingConfirmation', 'overdue'],
    ['awaitingConfirmation', 'inProgressWithinDeadline'],
    ['completed', 'completedLate'],
    ['completed', 'overdue'],
    ['cancelled', null],
    ['cancelled', 'overdue'],
    ['superseded', 'overdue'],
    ['revoked', 'overdue'],
  ])('never urges an assignment %s (status %s)', (lifecycle, status) => {
    expect(remind(assignment({ lifecycle, status }), '2017-04-05')).toEqual([]);
    expect(remind(assignment({ lifecycle, status }), '2017-03-30')).toEqual([]);
    expect(remind(deadlineLess({ lifecycle }), '2017-12-31')).toEqual([]);
  });

  it('urges nothing completed (on time, late) nor within a deadline further than N days', () => {
    expect(remind(assignment({ status: 'completedOnTime', lifecycle: 'inProgress' }), '2017-03-30')).toEqual([]);
    expect(remind(assignment({ deadline: '2017-06-30' }), '2017-03-30')).toEqual([]);
  });

  it('gives one draft per assignment to urge, each to its holder', () => {
    const drafts = assignmentReminders(
      [
        assignment(),
        overdue({ assignmentId: 'a-2-ba-thuoc', agencyId: 'h-ba-thuoc', deadline: '2017-03-10' }),
        assignment({ lifecycle: 'completed' }),
      ],
      '2017-03-28',
      rules,
      nameOf,
    );
    expect(drafts.map((d) => [d.kind, d.agencyId])).toEqual([
      ['dueSoon', 'h-muong-lat'],
      ['overdue', 'h-ba-thuoc'],
    ]);
    expect(drafts[1].text).toContain('Đề nghị UBND huyện Bá Thước');
  });
});

describe('dutyReminders', () => {
  // Mường Lát's 2017-Q1 report under duty bc-quy, due Monday 20/03/2017
  const remindDuty = (o: Parameters<typeof instance>[0], today: string) =>
    dutyReminders([instance(o)], today, rules, () => '4308/UBND-VX', nameOf);

  it('urges a pending report due within N days, the due day included, not N + 1 days before', () => {
    expect(remindDuty({ outcome: 'pending' }, '2017-03-13').map((d) => d.kind)).toEqual(['periodicDue']);
    expect(remindDuty({ outcome: 'pending' }, '2017-03-20').map((d) => d.kind)).toEqual(['periodicDue']);
    expect(remindDuty({ outcome: 'pending' }, '2017-03-12')).toEqual([]);
  });

  it('urges nothing for a report judged pending on an earlier day, when today is past its due day', () => {
    expect(remindDuty({ outcome: 'pending' }, '2017-03-21')).toEqual([]);
  });

  it('urges a missing report after its due day', () => {
    expect(remindDuty({ outcome: 'missing' }, '2017-03-21').map((d) => d.kind)).toEqual(['periodicMissing']);
    expect(remindDuty({ outcome: 'missing' }, '2017-06-01').map((d) => d.kind)).toEqual(['periodicMissing']);
  });

  it('urges nothing submitted, on time or late', () => {
    expect(remindDuty({ outcome: 'onTime', submittedOn: '2017-03-15' }, '2017-03-16')).toEqual([]);
    expect(remindDuty({ outcome: 'late', submittedOn: '2017-03-25' }, '2017-03-26')).toEqual([]);
  });

  it('keys each by directive, duty, agency and period: the same whatever the day', () => {
    const key = 'd-4308|bc-quy|h-muong-lat|2017-Q1';
    expect(remindDuty({ outcome: 'pending' }, '2017-03-14')[0].key).toBe(`periodicDue|${key}`);
    expect(remindDuty({ outcome: 'pending' }, '2017-03-19')[0].key).toBe(`periodicDue|${key}`);
    expect(remindDuty({ outcome: 'missing' }, '2017-03-21')[0].key).toBe(`periodicMissing|${key}`);
    expect(remindDuty({ outcome: 'missing' }, '2017-05-21')[0].key).toBe(`periodicMissing|${key}`);
    expect(remindDuty({ outcome: 'missing', period: '2017-Q2', dueOn: '2017-06-20' }, '2017-06-21')[0].key).toBe(
      'periodicMissing|d-4308|bc-quy|h-muong-lat|2017-Q2',
    );
  });

  it('writes in Vietnamese with the due day dd/mm/yyyy, the period and the directive’s number', () => {
    expect(remindDuty({ outcome: 'pending' }, '2017-03-17')).toEqual([
      {
        key: 'periodicDue|d-4308|bc-quy|h-muong-lat|2017-Q1',
        kind: 'periodicDue',
        agencyId: 'h-muong-lat',
        directiveId: 'd-4308',
        directiveNumber: '4308/UBND-VX',
        assignmentId: null,
        taskNumber: null,
        deadline: '2017-03-20',
        period: '2017-Q1',
        subject: 'Sắp đến hạn gửi báo cáo định kỳ kỳ 2017-Q1 theo văn bản số 4308/UBND-VX, hạn 20/03/2017',
        text: 'Đề nghị UBND huyện Mường Lát gửi báo cáo định kỳ kỳ 2017-Q1 theo văn bản số 4308/UBND-VX trước ngày 20/03/2017 (còn 3 ngày).',
      },
    ]);
    const [missing] = remindDuty({ outcome: 'missing' }, '2017-03-22');
    expect(missing.subject).toBe('Chưa nhận được báo cáo định kỳ kỳ 2017-Q1 theo văn bản số 4308/UBND-VX (hạn 20/03/2017)');
    expect(missing.text).toContain('hạn gửi ngày 20/03/2017. Đề nghị UBND huyện Mường Lát khẩn trương gửi báo cáo.');
  });

  it('asks each instance’s directive number', () => {
    const asked: string[] = [];
    dutyReminders(
      [instance({ outcome: 'missing' }), instance({ directiveId: 'd-2', outcome: 'missing' })],
      '2017-03-22',
      rules,
      (id) => {
        asked.push(id);
        return id === 'd-2' ? '12/CT-UBND' : '4308/UBND-VX';
      },
      nameOf,
    );
    expect(asked).toEqual(['d-4308', 'd-2']);
  });
});
