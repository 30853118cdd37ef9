/* Specs of periodic report duties: a duty under letter 4308/UBND-VX (Thanh Hóa,
   10/02/2017) and Vietnam's official working calendar. */
import type { RegimeDuty } from '@dm/contracts';
import { WorkingCalendar } from '@dm/periods';
import type { DutyInstance } from './compliance';
import type { WorkingDays } from './working-days';

export const DIRECTIVE_ID = 'd-4308';
export const ISSUED_ON = '2017-02-10';

/** The official calendar of Vietnam, with no admin adjustment (Tết 2017 26/01–01/02, 06/04, 30/04–02/05, 02/09–04/09). */
export const calendar: WorkingDays = new WorkingCalendar();

/** A quarterly report of the districts to Sở LĐ-TB&XH, on the Decree 09 cut-off, due on the 20th. */
export const duty = (o: Partial<RegimeDuty> = {}): RegimeDuty => ({
  id: 'bc-quy',
  title: 'Báo cáo kết quả giảm nghèo',
  reporters: ['ubnd-huyen'],
  recipient: 'so-ldtbxh',
  frequency: 'quarter',
  calendar: 'decree09',
  deadline: { kind: 'dayOfMonth', day: 20 },
  from: ISSUED_ON,
  to: null,
  ...o,
});

/** One report owed, as dutyInstances gives it. */
export const instance = (o: Partial<DutyInstance> = {}): DutyInstance => ({
  directiveId: DIRECTIVE_ID,
  dutyId: 'bc-quy',
  agencyId: 'h-muong-lat',
  recipient: 'so-ldtbxh',
  period: '2017-Q1',
  cutOff: '2017-03-14',
  dueOn: '2017-03-20',
  submittedOn: null,
  outcome: 'pending',
  ...o,
});
