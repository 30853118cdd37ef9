import { MAX_ATTACHMENT_BYTES } from '@dm/contracts/web';

/** A file as the API takes it in a JSON body (attachmentRequest). */
export interface AttachmentBody {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** The base64 content of a `data:` URL as FileReader.readAsDataURL gives it. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** A browser gives no type for some files; the API needs one. */
export const mediaTypeOf = (type: string) =>
  /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(type) ? type : 'application/octet-stream';

export const isTooLarge = (bytes: number) => bytes > MAX_ATTACHMENT_BYTES;

/** 1536 → "1,5 KB" (Vietnamese decimal comma) or "1.5 KB". */
export function formatBytes(bytes: number, language: 'vi' | 'en' = 'vi'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: unit ? 1 : 0 }).format(value);
  return `${number} ${units[unit]}`;
}
