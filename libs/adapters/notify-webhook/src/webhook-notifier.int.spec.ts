import { aReminderNotice } from '@dm/notification/testing';
import { refusedUrl, startWebhookReceiver, type Reply, type WebhookReceiver } from './webhook-receiver.fixtures';
import { WebhookNotifier, type WebhookNotifierOptions } from './webhook-notifier';
import { verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_dm_test';

describe('WebhookNotifier against a loopback HTTP server', () => {
  let receiver: WebhookReceiver | undefined;
  const receive = async (reply?: (n: number) => Reply) => (receiver = await startWebhookReceiver(reply));
  const notifierFor = (url: string, options: Partial<WebhookNotifierOptions> = {}) =>
    new WebhookNotifier({ url, secret, backoffMs: 10, ...options });

  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('retries 503s and succeeds on the third attempt, with the same delivery id each time', async () => {
    const { url, requests } = await receive((n) => (n < 2 ? { status: 503, body: 'overloaded' } : { status: 200 }));
    const notices = [aReminderNotice(), aReminderNotice()];

    const outcome = await notifierFor(url).deliver('ubnd-muong-lat', notices);

    expect(outcome).toEqual({ reminderIds: notices.map((n) => n.reminderId), ok: true, attempts: 3, at: expect.any(String) });
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['x-dm-delivery'])).size).toBe(1);
    expect(requests[0].headers['x-dm-delivery']).toMatch(/^[0-9a-f]{32}$/);
    expect(requests.map((r) => r.body.toString())).toEqual(Array(3).fill(requests[0].body.toString()));
  });

  it('posts the digest as UTF-8 JSON signed over "<timestamp>.<raw body>"', async () => {
    const { url, requests } = await receive();
    const notices = [
      aReminderNotice({
        subject: 'Sắp đến hạn: Kế hoạch phòng, chống thiên tai năm 2017',
        text: 'Đề nghị Phòng Nông nghiệp & PTNT <khẩn>',
      }),
      aReminderNotice({ kind: 'periodicMissing', period: '2017-Q1', deadline: null }),
    ];

    await notifierFor(url).deliver('ubnd-muong-lat', notices);

    const [request] = requests;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual({
      type: 'reminders',
      agencyId: 'ubnd-muong-lat',
      agencyName: 'UBND huyện Mường Lát',
      reminders: notices,
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const timestamp = request.headers['x-dm-timestamp'] as string;
    const signature = request.headers['x-dm-signature'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, timestamp, body: request.body, signature })).toBe(true);
    expect(verifyWebhookSignature({ secret: 'another secret', timestamp, body: request.body, signature })).toBe(false);
    const tampered = request.body.toString('utf8').replace('Mường Lát', 'Mường Lat');
    expect(verifyWebhookSignature({ secret, timestamp, body: tampered, signature })).toBe(false);
  });

  it('does not retry a 400, and names the status in the outcome', async () => {
    const { url, requests } = await receive(() => ({ status: 400, body: 'unknown agency' }));
    const outcome = await notifierFor(url).deliver('ubnd-muong-lat', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: false, attempts: 1, error: 'HTTP 400 Bad Request: unknown agency' });
    expect(requests).toHaveLength(1);
  });

  it('gives up on an attempt the server never answers after its timeout', async () => {
    const { url, requests } = await receive(() => 'hang');
    const started = Date.now();
    const outcome = await notifierFor(url, { timeoutMs: 200, retries: 1 }).deliver('ubnd-muong-lat', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: false, attempts: 2, error: 'timed out after 200 ms' });
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('retries a refused connection, then reports it failed', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const outcome = await notifierFor(await refusedUrl(), { retries: 2, backoffMs: 100, sleep }).deliver('ubnd-muong-lat', [
      aReminderNotice(),
    ]);
    expect(outcome).toMatchObject({ ok: false, attempts: 3, error: expect.stringContaining('ECONNREFUSED') });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('honours Retry-After on a 429, within its cap', async () => {
    const { url, requests } = await receive((n) => (n === 0 ? { status: 429, headers: { 'retry-after': '3600' } } : { status: 204 }));
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const outcome = await notifierFor(url, { maxRetryAfterMs: 1500, sleep }).deliver('ubnd-muong-lat', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([1500]);
    expect(requests).toHaveLength(2);
  });

  it('reports the last 5xx when every attempt fails', async () => {
    const { url, requests } = await receive(() => ({ status: 502 }));
    const outcome = await notifierFor(url, { retries: 2 }).deliver('ubnd-muong-lat', [aReminderNotice()]);
    expect(outcome).toMatchObject({ ok: false, attempts: 3, error: 'HTTP 502 Bad Gateway' });
    expect(requests).toHaveLength(3);
  });
});
