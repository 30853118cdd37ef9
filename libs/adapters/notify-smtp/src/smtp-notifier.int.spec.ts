import { aReminderNotice } from '@dm/notification/testing';
import { startSmtpReceiver, type SmtpReceiver, type SmtpReceiverOptions } from './smtp-receiver.fixtures';
import { SmtpNotifier, type SmtpNotifierOptions } from './smtp-notifier';

const FROM = '"Văn phòng UBND tỉnh Thanh Hóa" <doncoc@thanhhoa.gov.vn>';
const ADDRESSES: Record<string, string[]> = {
  'ubnd-muong-lat': ['vanthu@muonglat.thanhhoa.gov.vn', 'chanhvanphong@muonglat.thanhhoa.gov.vn'],
  'ubnd-thuong-xuan': ['vanthu@thuongxuan.thanhhoa.gov.vn'],
  'so-y-te': [],
};

describe('SmtpNotifier against a loopback SMTP server', () => {
  let receiver: SmtpReceiver | undefined;
  let notifier: SmtpNotifier | undefined;
  const start = async (server: SmtpReceiverOptions = {}, options: Partial<SmtpNotifierOptions> = {}) => {
    receiver = await startSmtpReceiver(server);
    notifier = new SmtpNotifier({
      host: '127.0.0.1',
      port: receiver.port,
      ignoreTLS: true,
      from: FROM,
      recipientsOf: (agencyId) => ADDRESSES[agencyId] ?? [],
      timeoutMs: 5000,
      ...options,
    });
    return { receiver, notifier };
  };

  afterEach(async () => {
    notifier?.close();
    await receiver?.close();
    receiver = notifier = undefined;
  });

  it('sends one digest of the agency’s reminders, in text and escaped HTML, with the reminder ids', async () => {
    const { receiver, notifier } = await start();
    const notices = [
      aReminderNotice({ subject: 'Báo cáo kết quả rà soát hộ nghèo', deadline: '2017-03-31' }),
      aReminderNotice({
        kind: 'dueSoon',
        subject: 'Kế hoạch phòng, chống thiên tai',
        text: 'Chú ý: <script>alert("x")</script> & đề nghị hoàn thành đúng hạn',
        directiveNumber: '45/KH-UBND',
        taskNumber: '7',
        deadline: '2017-04-10',
      }),
      aReminderNotice({ kind: 'periodicMissing', subject: 'Báo cáo định kỳ', deadline: null, period: '2017-Q1' }),
    ];

    const outcome = await notifier.deliver('ubnd-muong-lat', notices);

    expect(outcome).toEqual({ reminderIds: notices.map((n) => n.reminderId), ok: true, attempts: 1, at: expect.any(String) });
    expect(receiver.mails).toHaveLength(1);
    const [{ envelope, parsed }] = receiver.mails;
    expect(envelope).toEqual({ from: 'doncoc@thanhhoa.gov.vn', to: ADDRESSES['ubnd-muong-lat'] });
    expect(parsed.from?.value).toEqual([{ name: 'Văn phòng UBND tỉnh Thanh Hóa', address: 'doncoc@thanhhoa.gov.vn' }]);
    expect(parsed.subject).toBe('[Đôn đốc] 3 nội dung cần thực hiện – UBND huyện Mường Lát');
    expect(parsed.headers.get('x-dm-reminders')).toBe(notices.map((n) => n.reminderId).join(', '));
    expect(parsed.messageId).toMatch(/^<dm-reminders\.[0-9a-f]{32}@thanhhoa\.gov\.vn>$/);

    const text = parsed.text ?? '';
    expect(text).toContain('Kính gửi: UBND huyện Mường Lát');
    expect(text).toContain('1. [Quá hạn] Báo cáo kết quả rà soát hộ nghèo\n   Văn bản số 123/UBND-VX; Nhiệm vụ số 2; Thời hạn: 31/03/2017');
    expect(text).toContain(
      '2. [Sắp đến hạn] Kế hoạch phòng, chống thiên tai\n   Văn bản số 45/KH-UBND; Nhiệm vụ số 7; Thời hạn: 10/04/2017',
    );
    expect(text).toContain('3. [Chưa gửi báo cáo] Báo cáo định kỳ\n   Văn bản số 123/UBND-VX; Nhiệm vụ số 2; Kỳ báo cáo: Quý I/2017');
    expect(text).toContain('Chú ý: <script>alert("x")</script> & đề nghị hoàn thành đúng hạn');

    const html = parsed.html || '';
    expect(html).toContain('Kính gửi: <strong>UBND huyện Mường Lát</strong>');
    expect(html).toContain('Thời hạn: 31/03/2017');
    expect(html).toContain('Chú ý: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; đề nghị hoàn thành đúng hạn');
    expect(html).not.toContain('<script');
  });

  it('sends one message per agency to that agency’s addresses', async () => {
    const { receiver, notifier } = await start();
    const xuan = aReminderNotice({ agencyId: 'ubnd-thuong-xuan', agencyName: 'UBND huyện Thường Xuân' });

    const outcomes = await Promise.all([
      notifier.deliver('ubnd-muong-lat', [aReminderNotice(), aReminderNotice()]),
      notifier.deliver('ubnd-thuong-xuan', [xuan]),
    ]);

    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const byRecipients = Object.fromEntries(receiver.mails.map((m) => [m.envelope.to.join(' '), m.parsed.subject]));
    expect(byRecipients).toEqual({
      [ADDRESSES['ubnd-muong-lat'].join(' ')]: '[Đôn đốc] 2 nội dung cần thực hiện – UBND huyện Mường Lát',
      'vanthu@thuongxuan.thanhhoa.gov.vn': '[Đôn đốc] 1 nội dung cần thực hiện – UBND huyện Thường Xuân',
    });
  });

  it('reports the server’s message when it refuses the recipient', async () => {
    const { receiver, notifier } = await start({ refuse: { 'vanthu@thuongxuan.thanhhoa.gov.vn': 'Mailbox does not exist' } });
    const outcome = await notifier.deliver('ubnd-thuong-xuan', [aReminderNotice({ agencyId: 'ubnd-thuong-xuan' })]);
    expect(outcome).toMatchObject({ ok: false, attempts: 1, error: expect.stringMatching(/550.*Mailbox does not exist/) });
    expect(receiver.mails).toHaveLength(0);
  });

  it('sends to the recipients the server takes and names those it refused', async () => {
    const refused = ADDRESSES['ubnd-muong-lat'][1];
    const { receiver, notifier } = await start({ refuse: { [refused]: 'Mailbox full' } });
    const outcome = await notifier.deliver('ubnd-muong-lat', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: true, attempts: 1, error: `refused recipients: ${refused}` });
    expect(receiver.mails.map((m) => m.envelope.to)).toEqual([[ADDRESSES['ubnd-muong-lat'][0]]]);
  });

  it('sends nothing for an agency without an address', async () => {
    const { receiver, notifier } = await start();
    const outcome = await notifier.deliver('so-y-te', [aReminderNotice({ agencyId: 'so-y-te' })]);
    expect(outcome).toMatchObject({ ok: false, attempts: 0, error: 'no e-mail address for agency so-y-te' });
    expect(receiver.mails).toHaveLength(0);
  });

  it('authenticates when the server requires it, and reports refused credentials', async () => {
    const users = { doncoc: 'mật-khẩu' };
    const { receiver, notifier } = await start({ users }, { auth: { user: 'doncoc', pass: 'mật-khẩu' } });
    expect(await notifier.deliver('ubnd-thuong-xuan', [aReminderNotice()])).toMatchObject({ ok: true });
    expect(receiver.mails.map((m) => m.user)).toEqual(['doncoc']);

    const wrong = new SmtpNotifier({
      host: '127.0.0.1',
      port: receiver.port,
      ignoreTLS: true,
      from: FROM,
      recipientsOf: () => ['a@b.vn'],
      auth: { user: 'doncoc', pass: 'sai' },
    });
    expect(await wrong.deliver('x', [aReminderNotice()])).toMatchObject({ ok: false, error: expect.stringContaining('535') });
    const anonymous = new SmtpNotifier({
      host: '127.0.0.1',
      port: receiver.port,
      ignoreTLS: true,
      from: FROM,
      recipientsOf: () => ['a@b.vn'],
    });
    expect(await anonymous.deliver('x', [aReminderNotice()])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/530|[Aa]uthentication/),
    });
    expect(receiver.mails).toHaveLength(1);
    wrong.close();
    anonymous.close();
  });

  it('reports a server it cannot reach', async () => {
    const { receiver: closed } = await start();
    await closed.close();
    const outcome = await notifier!.deliver('ubnd-thuong-xuan', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: false, attempts: 1, error: expect.stringContaining('ECONNREFUSED') });
    receiver = undefined;
  });
});
