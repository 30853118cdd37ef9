import type { ReportContent } from '@dm/contracts';
import { formatVietnamese } from '@dm/periods';
import { vietnamesePeriodName } from './period-name';
import { formatUtcTime, placeAndDateLine, upper } from './vietnamese-format';

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DOCUMENT_KIND = 'BÁO CÁO';
export const ALL_DIRECTIVES = 'Tất cả chỉ thị, văn bản đang theo dõi';

/** The text of a report's heading block and the paragraph that frames its figures, shared by every format. */
export interface DocumentHeading {
  /** The parent body (when there is one) and the issuing body, upper case. */
  parentBody: string | null;
  issuingBody: string;
  /** "Số: 15/BC-SLĐTBXH". */
  numberLine: string;
  /** "Thanh Hóa, ngày 05 tháng 4 năm 2017". */
  placeAndDate: string;
  title: string;
  /** What is reported on: the directive's number, date, issuer and subject, or every directive. */
  scope: string[];
  /** "Kỳ báo cáo: Quý I năm 2017 (2017-Q1)". */
  periodLine: string;
  /** "Số liệu tính từ ngày 15/12/2016 đến ngày 14/03/2017 …". */
  cutOffLine: string;
  /** The record time and the checkpoints the figures were computed at. */
  recordLine: string;
}

const CALENDAR_BASIS: Record<ReportContent['period']['calendar'], string> = {
  decree09: 'kỳ chốt số liệu theo Nghị định số 09/2019/NĐ-CP',
  calendar: 'kỳ dương lịch',
};

export function documentHeading(content: ReportContent): DocumentHeading {
  const { heading, directive, period } = content;
  const scope = directive
    ? [
        `Văn bản: số ${directive.number} ngày ${formatVietnamese(directive.issuedOn)} của ${directive.issuer}`,
        `Trích yếu: ${directive.subject}`,
      ]
    : [`Phạm vi: ${ALL_DIRECTIVES}`];
  const asOf = content.asOf === period.to ? '' : `; tình trạng nhiệm vụ xác định đến hết ngày ${formatVietnamese(content.asOf)}`;
  return {
    parentBody: heading.parentBody ? upper(heading.parentBody) : null,
    issuingBody: upper(heading.issuingBody),
    numberLine: `Số: ${heading.number}`,
    placeAndDate: placeAndDateLine(heading.place, heading.date),
    title: heading.title,
    scope,
    periodLine: `Kỳ báo cáo: ${vietnamesePeriodName(period.period)} (${period.period})`,
    cutOffLine: `Số liệu tính từ ngày ${formatVietnamese(period.from)} đến ngày ${formatVietnamese(period.to)} (${CALENDAR_BASIS[period.calendar]})${asOf}`,
    recordLine: `Số liệu theo sổ sự kiện đến ${formatUtcTime(content.knownAt)} (UTC), điểm kiểm tra: ${checkpointsText(content)}`,
  };
}

function checkpointsText(content: ReportContent): string {
  if (content.checkpoints.length === 0) return 'không có';
  return content.checkpoints.map((c) => `${c.store} #${c.treeSize} (gốc ${c.rootHash.slice(0, 16)}…)`).join('; ');
}
