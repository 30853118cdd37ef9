import type { ReminderNotice } from '@dm/notification';
import { escapeHtml } from './html-escape';
import { kindLabel, vietnameseDate, vietnamesePeriod } from './vietnamese-format';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = 'Thư được gửi tự động từ hệ thống theo dõi thực hiện nhiệm vụ; xin đừng trả lời thư này.';

/** One agency's reminders as one e-mail: a numbered list, in text and in HTML. */
export function digestEmail(notices: ReminderNotice[]): DigestEmail {
  const agencyName = notices[0]?.agencyName ?? '';
  const subject = `[Đôn đốc] ${notices.length} nội dung cần thực hiện – ${agencyName}`;
  const intro = `Đơn vị có ${notices.length} nội dung cần thực hiện:`;
  const text = [
    `Kính gửi: ${agencyName}`,
    '',
    intro,
    '',
    ...notices.flatMap((notice, i) => [
      `${i + 1}. [${kindLabel(notice.kind)}] ${notice.subject}`,
      ...detailsOf(notice).map((line) => `   ${line}`),
      ...notice.text.split(/\r?\n/).map((line) => `   ${line}`),
      '',
    ]),
    FOOTER,
    '',
  ].join('\n');
  const items = notices.map((notice) => {
    const details = detailsOf(notice).map((line) => `<br>${escapeHtml(line)}`);
    const body = notice.text.split(/\r?\n/).map(escapeHtml).join('<br>');
    return `<li><p><strong>[${escapeHtml(kindLabel(notice.kind))}] ${escapeHtml(notice.subject)}</strong>${details.join('')}</p><p>${body}</p></li>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>Kính gửi: <strong>${escapeHtml(agencyName)}</strong></p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ol>${items.join('')}</ol>`,
    `<p style="color:#666">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** The reminder's references on one line: directive, task, deadline, period (those it has). */
function detailsOf(notice: ReminderNotice): string[] {
  const parts = [
    notice.directiveNumber && `Văn bản số ${notice.directiveNumber}`,
    notice.taskNumber && `Nhiệm vụ số ${notice.taskNumber}`,
    notice.deadline && `Thời hạn: ${vietnameseDate(notice.deadline)}`,
    notice.period && `Kỳ báo cáo: ${vietnamesePeriod(notice.period)}`,
  ].filter((part): part is string => !!part);
  return parts.length ? [parts.join('; ')] : [];
}
