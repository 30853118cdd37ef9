import { z } from 'zod';
import { text } from './common';

/**
 * A file attached to what an agency reports (a periodic report, a progress
 * report, a completion): sent as base64 in the JSON body; the event records
 * its name, media type, size and SHA-256; the service that records it keeps
 * the bytes by their hash in its own read store (AttachmentStore, @dm/read-store).
 */

/** At most 3 MiB of file, sent as base64 in the JSON body. */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

export const attachmentRequest = z
  .object({
    fileName: text(255).refine(
      (s) => !/[\\/\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(s),
      'must be a file name without a path, control characters or direction marks',
    ),
    mediaType: z
      .string({ required_error: 'is required', invalid_type_error: 'must be a media type' })
      .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a media type such as application/pdf')
      .max(100),
    contentBase64: z
      .string({ required_error: 'is required', invalid_type_error: 'must be base64 text' })
      .min(1, 'must not be empty')
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, `must be at most ${MAX_ATTACHMENT_BYTES} bytes`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 text'),
  })
  .strict();
export type AttachmentRequest = z.infer<typeof attachmentRequest>;

/** What an event records of an attached file. */
export const attachmentSchema = z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() });
export type Attachment = z.infer<typeof attachmentSchema>;
