import type { ReminderNotice } from '../reminder-notice';

let made = 0;

/** A reminder notice with plausible Vietnamese content; fields given override it. */
export function aReminderNotice(overrides: Partial<ReminderNotice> = {}): ReminderNotice {
  made++;
  return {
    reminderId: `reminder-${made}`,
    agencyId: 'ubnd-muong-lat',
    agencyName: 'UBND huyện Mường Lát',
    kind: 'overdue',
    subject: 'Báo cáo kết quả rà soát hộ nghèo',
    text: 'Đề nghị đơn vị khẩn trương thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh.',
    directiveId: 'directive-1',
    directiveNumber: '123/UBND-VX',
    taskNumber: '2',
    assignmentId: 'assignment-1',
    deadline: '2017-03-31',
    period: null,
    issuedAt: '2017-04-03T01:00:00.000Z',
    ...overrides,
  };
}
