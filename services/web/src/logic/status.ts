import { LIFECYCLE_STAGES, OFFICIAL_STATUSES, type LifecycleStage, type OfficialStatus } from '@dm/contracts/web';
import type { Bilingual, Language } from './language';
import { TONES } from './tones';

/** How a status is shown: its words, a short code for dense grids, and colours whose text passes WCAG AA on its background. */
export interface StatusLook {
  label: Bilingual;
  code: Bilingual;
  text: string;
  background: string;
  border: string;
}

const { green: GREEN, gold: GOLD, blue: BLUE, red: RED, grey: GREY, purple: PURPLE, volcano: VOLCANO } = TONES;

/** The official statuses of docs/domain.md, "Statuses", with the labels the API gives them. */
export const STATUS_LOOKS: Record<OfficialStatus, StatusLook> = {
  completedOnTime: { label: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' }, code: { vi: 'HT', en: 'OT' }, ...GREEN },
  completedLate: { label: { vi: 'Hoàn thành quá hạn', en: 'Completed late' }, code: { vi: 'HTQH', en: 'LT' }, ...GOLD },
  inProgressWithinDeadline: {
    label: { vi: 'Đang thực hiện trong hạn', en: 'In progress, within deadline' },
    code: { vi: 'ĐTH', en: 'IP' },
    ...BLUE,
  },
  overdue: { label: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not completed' }, code: { vi: 'QH', en: 'OD' }, ...RED },
  noDeadline: { label: { vi: 'Không có thời hạn', en: 'No deadline' }, code: { vi: 'KTH', en: 'ND' }, ...GREY },
};

/** The stages of an assignment's life beside its status. */
export const STAGE_LOOKS: Record<LifecycleStage, StatusLook> = {
  notStarted: { label: { vi: 'Chưa thực hiện', en: 'Not started' }, code: { vi: 'CTH', en: 'NS' }, ...GREY },
  inProgress: { label: { vi: 'Đang thực hiện', en: 'In progress' }, code: { vi: 'ĐTH', en: 'IP' }, ...BLUE },
  awaitingConfirmation: { label: { vi: 'Chờ xác nhận', en: 'Awaiting confirmation' }, code: { vi: 'CXN', en: 'AC' }, ...PURPLE },
  returned: { label: { vi: 'Trả lại', en: 'Returned' }, code: { vi: 'TL', en: 'RT' }, ...VOLCANO },
  completed: { label: { vi: 'Hoàn thành', en: 'Completed' }, code: { vi: 'HT', en: 'CP' }, ...GREEN },
  cancelled: { label: { vi: 'Đã hủy', en: 'Cancelled' }, code: { vi: 'HỦY', en: 'CX' }, ...GREY },
  superseded: { label: { vi: 'Đã được thay thế', en: 'Superseded' }, code: { vi: 'TT', en: 'SS' }, ...GREY },
  revoked: { label: { vi: 'Đã thu hồi', en: 'Revoked' }, code: { vi: 'TH', en: 'RV' }, ...GREY },
};

export const statusLabel = (status: OfficialStatus, language: Language) => STATUS_LOOKS[status].label[language];
export const stageLabel = (stage: LifecycleStage, language: Language) => STAGE_LOOKS[stage].label[language];

/**
 * What colours an assignment: its official status, or, when it has none
 * (coordinating, closed), its stage.
 */
export function lookOf(assignment: { status: OfficialStatus | null; lifecycle: LifecycleStage }): StatusLook {
  return assignment.status ? STATUS_LOOKS[assignment.status] : STAGE_LOOKS[assignment.lifecycle];
}

/** Every look, for the legends and the contrast check. */
export const ALL_LOOKS: Array<[string, StatusLook]> = [
  ...OFFICIAL_STATUSES.map((s) => [s, STATUS_LOOKS[s]] as [string, StatusLook]),
  ...LIFECYCLE_STAGES.map((s) => [s, STAGE_LOOKS[s]] as [string, StatusLook]),
];

/** Open stages: the agency still has something to do. */
export const isOpenStage = (stage: LifecycleStage) => stage === 'notStarted' || stage === 'inProgress' || stage === 'returned';
