import { MAX_ATTACHMENT_BYTES } from '@dm/contracts/web';
import { base64OfDataUrl, formatBytes, isTooLarge, mediaTypeOf } from './attachment';

describe('attachments', () => {
  it('takes the base64 content of a data URL', () => {
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
    expect(base64OfDataUrl('data:;base64,')).toBe('');
  });

  it('gives a media type to a file the browser typed none', () => {
    expect(mediaTypeOf('application/pdf')).toBe('application/pdf');
    expect(mediaTypeOf('')).toBe('application/octet-stream');
  });

  it('refuses files beyond the API’s limit', () => {
    expect(isTooLarge(MAX_ATTACHMENT_BYTES)).toBe(false);
    expect(isTooLarge(MAX_ATTACHMENT_BYTES + 1)).toBe(true);
  });

  it('writes sizes with the language’s decimal mark', () => {
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(12, 'vi')).toBe('12 B');
  });
});
