import { aReminderNotice } from '@dm/notification/testing';
import { digestEmail } from './digest-email';

describe('digestEmail', () => {
  it('numbers each reminder with its kind, references and text', () => {
    const { subject, text } = digestEmail([
      aReminderNotice({ text: 'Dòng một\nDòng hai' }),
      aReminderNotice({
        kind: 'periodicDue',
        subject: 'Báo cáo quý',
        directiveNumber: null,
        taskNumber: null,
        deadline: null,
        period: '2017-Q1',
      }),
      aReminderNotice({ kind: 'manual', subject: 'Nhắc', directiveNumber: null, taskNumber: null, deadline: null, text: 'Khẩn' }),
    ]);
    expect(subject).toBe('[Đôn đốc] 3 nội dung cần thực hiện – UBND huyện Mường Lát');
    expect(text).toContain(
      [
        '1. [Quá hạn] Báo cáo kết quả rà soát hộ nghèo',
        '   Văn bản số 123/UBND-VX; Nhiệm vụ số 2; Thời hạn: 31/03/2017',
        '   Dòng một',
        '   Dòng hai',
        '',
        '2. [Đến kỳ báo cáo] Báo cáo quý',
        '   Kỳ báo cáo: Quý I/2017',
      ].join('\n'),
    );
    expect(text).toContain('3. [Đôn đốc] Nhắc\n   Khẩn\n');
  });

  it('escapes every value in the HTML part', () => {
    const hostile = '<img src=x onerror="alert(1)">&\'';
    const { html } = digestEmail([
      aReminderNotice({
        agencyName: hostile,
        subject: hostile,
        text: hostile,
        directiveNumber: hostile,
        taskNumber: hostile,
        deadline: hostile,
        period: hostile,
      }),
    ]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"alert');
    // In the title, the greeting, the subject, the four references and the text.
    expect(html.match(/&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&amp;&#39;/g)?.length).toBe(8);
  });
});
