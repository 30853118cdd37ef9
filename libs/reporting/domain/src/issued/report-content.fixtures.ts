/* Specs of issued reports: the 2017-Q1 report (Decree 09: 15/12/2016 → 14/03/2017)
   of a directive issued on 10/02/2017, its assignments told as events through
   the projections (story.fixtures), and the registry as of 14/03/2017. */
import type { ReportContent } from '@dm/contracts';
import { parsePeriod } from '@dm/periods';
import type { AssignmentDoc } from '../assignments/assignment-doc';
import { assignmentId, Story } from '../story.fixtures';
import { reportContent, type RegistryOnDate, type ReportContentInput } from './report-content';

export const D = 'd-1';
export const NUMBER = 'd-1/UBND-VX';
export const period = parsePeriod('2017-Q1', 'decree09');

export const id = (task: string, agency: string, role: 'lead' | 'coordinating' = 'lead') => assignmentId(task, agency, role, D);

export const NAMES: Record<string, string> = {
  'h-muong-lat': 'UBND huyện Mường Lát',
  'h-ba-thuoc': 'UBND huyện Bá Thước',
  'h-dong-son': 'UBND huyện Đông Sơn',
  'h-quan-hoa': 'UBND huyện Quan Hóa',
  'so-yt': 'Sở Y tế',
  'so-ldtbxh': 'Sở Lao động - Thương binh và Xã hội',
  mttq: 'Ủy ban MTTQ Việt Nam tỉnh',
  hlhpn: 'Hội Liên hiệp Phụ nữ tỉnh',
};

/**
 * As of 14/03/2017:
 * - task 1 (giao, due 28/02): Mường Lát completed late on 05/03 (5 days), Bá Thước overdue (14 days, nothing reported),
 *   Đông Sơn completed on time on 20/02, Sở Y tế overdue (14 days, 30 % on 01/03); Sở LĐ-TB&XH coordinates;
 * - task 2 (yeu-cau, due 10/03): Mường Lát overdue (4 days);
 * - task 3 (giao, due 14/03, the period's last day): Bá Thước within its deadline;
 * - task 4 (giao, due 30/06): Đông Sơn within its deadline;
 * - task 5 (giao, due 20/02): Sở Y tế completed on 25/02, accepted 26/02, its deadline extended on 01/03 to 31/03:
 *   still completed late by the deadline of its completion (5 days);
 * - task 10 (de-nghi, due 01/03): the Front overdue (13 days); the Women's Union coordinates;
 * - task 11 (de-nghi, due 30/06): the Front within its deadline;
 * - task 12, added on 20/04 for Quan Hóa: after the period, not counted.
 */
export const newStory = () =>
  new Story(D, '2017-02-10')
    .issue([
      { number: '1', deadline: '2017-02-28', lead: ['h-muong-lat', 'h-ba-thuoc', 'h-dong-son', 'so-yt'], coordinating: ['so-ldtbxh'] },
      { number: '2', deadline: '2017-03-10', lead: ['h-muong-lat'], mode: 'yeu-cau' },
      { number: '3', deadline: '2017-03-14', lead: ['h-ba-thuoc'] },
      { number: '4', deadline: '2017-06-30', lead: ['h-dong-son'] },
      { number: '5', deadline: '2017-02-20', lead: ['so-yt'] },
      { number: '10', deadline: '2017-03-01', lead: ['mttq'], coordinating: ['hlhpn'], mode: 'de-nghi' },
      { number: '11', deadline: '2017-06-30', lead: ['mttq'], mode: 'de-nghi' },
    ])
    .complete(id('1', 'h-dong-son'), '2017-02-20')
    .confirm(id('1', 'h-dong-son'), '2017-02-20', '2017-02-21')
    .complete(id('5', 'so-yt'), '2017-02-25')
    .confirm(id('5', 'so-yt'), '2017-02-25', '2017-02-26')
    .changeDeadline('5', '2017-02-20', '2017-03-31', '2017-03-01')
    .progress(id('1', 'so-yt'), '2017-03-01', 30)
    .complete(id('1', 'h-muong-lat'), '2017-03-05')
    .confirm(id('1', 'h-muong-lat'), '2017-03-05', '2017-03-06')
    .addTask({ number: '12', deadline: '2017-12-31', lead: ['h-quan-hoa'] }, '2017-04-20');

/** The documents a story's events give. */
export const docsOf = (s: Story): AssignmentDoc[] => [...s.docs().values()] as unknown as AssignmentDoc[];
export const docs = (): AssignmentDoc[] => docsOf(newStory());

/** The groups as of 14/03/2017: Mường Lát in two; Sở LĐ-TB&XH and the Women's Union hold no lead assignment; Quan Hóa none counted. */
export const registry: RegistryOnDate = {
  nameOf: (agencyId) => NAMES[agencyId] ?? agencyId,
  groups: [
    { id: 'ubnd-huyen', name: 'UBND các huyện, thị xã, thành phố', members: ['h-muong-lat', 'h-ba-thuoc', 'h-dong-son', 'h-quan-hoa'] },
    { id: 'doan-the', name: 'Các tổ chức đoàn thể', members: ['hlhpn'] },
    { id: 'huyen-ngheo-30a', name: 'Các huyện nghèo theo Nghị quyết 30a', members: ['h-muong-lat', 'h-ba-thuoc'] },
    { id: 'so-ban-nganh', name: 'Các sở, ban, ngành cấp tỉnh', members: ['so-yt', 'so-ldtbxh'] },
    { id: 'mat-tran', name: 'Mặt trận Tổ quốc và các đoàn thể', members: ['mttq', 'hlhpn'] },
    { id: 'huyen-moi', name: 'Các huyện được giao nhiệm vụ bổ sung', members: ['h-quan-hoa'] },
  ],
};

export const heading: ReportContent['heading'] = {
  parentBody: 'UBND TỈNH THANH HÓA',
  issuingBody: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
  number: '15/BC-SLĐTBXH',
  place: 'Thanh Hóa',
  date: '2017-04-05',
  title: 'Kết quả thực hiện Công văn số d-1/UBND-VX quý I năm 2017',
  recipients: ['UBND tỉnh (để b/c)'],
  signer: null,
};

export const directive: ReportContent['directive'] = {
  directiveId: D,
  number: NUMBER,
  subject: 'Giảm nghèo bền vững',
  issuer: 'ubnd-tinh',
  issuedOn: '2017-02-10',
};

export const input = (o: Partial<ReportContentInput> = {}): ReportContentInput => ({
  heading,
  directive,
  period,
  knownAt: '2017-04-05T03:00:00.000Z',
  checkpoints: [],
  docs: docs(),
  registry,
  taskTextOf: (directiveId, taskNumber) => `${directiveId}: nhiệm vụ ${taskNumber}`,
  submissions: [],
  ...o,
});

/** The report's content, computed from the fixtures. */
export const content = (o: Partial<ReportContentInput> = {}): ReportContent => reportContent(input(o));
