import { attachmentRequest, MAX_ATTACHMENT_BYTES } from '@dm/contracts/web';
import { isTooLarge } from '../logic/attachment';
import type { FieldError } from '../logic/problem';
import type { ChosenFile } from './AttachmentInput';

/** The attachment's checks: the contract's schema, and the size before it is sent. */
export function checkAttachment(file: ChosenFile | null | undefined): FieldError[] {
  if (!file) return [];
  if (isTooLarge(file.size)) return [{ path: ['attachment'], message: `must be at most ${MAX_ATTACHMENT_BYTES} bytes` }];
  const parsed = attachmentRequest.safeParse({ fileName: file.fileName, mediaType: file.mediaType, contentBase64: file.contentBase64 });
  return parsed.success ? [] : [{ path: ['attachment'], message: parsed.error.issues[0].message }];
}
