import fc from 'fast-check';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test';
const body = '{"type":"reminders","agencyName":"UBND huyện Mường Lát"}';
const now = new Date('2017-04-03T01:00:00.000Z');
const timestamp = Math.floor(now.getTime() / 1000);

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    // Known answer: printf '%s' '1491181200.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhookBody(secret, 1491181200, '{"a":1}')).toBe('sha256=89acf749d7bb8f9b987c0458ffc2ae0d43b6728fa0a9cf1b2d5932ac181973ed');
  });

  it('verifies the signature of the same body, as a string or as raw bytes', () => {
    const signature = signWebhookBody(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, timestamp, body, signature, now })).toBe(true);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body: Buffer.from(body), signature, now })).toBe(true);
  });

  it('refuses another secret, a changed body or timestamp, a malformed or missing signature', () => {
    const signature = signWebhookBody(secret, timestamp, body);
    const check = { secret, timestamp, body, signature, now };
    expect(verifyWebhookSignature({ ...check, secret: 'other' })).toBe(false);
    expect(verifyWebhookSignature({ ...check, body: body.replace('Mường', 'Muong') })).toBe(false);
    expect(verifyWebhookSignature({ ...check, timestamp: timestamp + 1 })).toBe(false);
    expect(verifyWebhookSignature({ ...check, signature: signature.slice(0, -2) })).toBe(false);
    expect(verifyWebhookSignature({ ...check, signature: signature.replace('sha256=', 'sha1=') })).toBe(false);
    expect(verifyWebhookSignature({ ...check, signature: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...check, timestamp: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...check, timestamp: '12e3' })).toBe(false);
  });

  it('refuses a timestamp further from now than the tolerance', () => {
    const old = timestamp - 301;
    const signature = signWebhookBody(secret, old, body);
    expect(verifyWebhookSignature({ secret, timestamp: old, body, signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: old, body, signature, now, toleranceSeconds: 301 })).toBe(true);
  });

  it('refuses any body but the signed one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (signed, received) => {
        const signature = signWebhookBody(secret, timestamp, signed);
        expect(verifyWebhookSignature({ secret, timestamp, body: received, signature, now })).toBe(signed === received);
      }),
    );
  });
});
