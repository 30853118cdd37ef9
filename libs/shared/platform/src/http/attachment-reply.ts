import type { FastifyReply } from 'fastify';
import type { Attachment } from '@dm/contracts';

/** A file name as an RFC 5987 ext-value's characters: UTF-8, every byte outside attr-char percent-encoded. */
export const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Answers a kept file as a download: its media type, its name as an RFC 5987
 * `filename*` of an attachment, never sniffed or rendered as a page, and the
 * SHA-256 its bytes were checked against (x-content-sha256).
 */
export function sendAttachment(reply: FastifyReply, file: { meta: Attachment; bytes: Buffer }): void {
  reply
    .header('content-type', file.meta.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${rfc5987(file.meta.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('x-content-sha256', file.meta.sha256)
    .send(file.bytes);
}
