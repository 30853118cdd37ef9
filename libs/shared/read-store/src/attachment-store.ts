import { createHash } from 'node:crypto';
import type { Attachment } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import type { Document, ReadStore } from '@dm/read-store';

export const ATTACHMENTS = 'reporting-attachments';

interface AttachmentDoc extends Document {
  fileName: string;
  mediaType: string;
  size: number;
  contentBase64: string;
}

/**
 * Attached files, kept by their SHA-256 in the read store's base (never
 * rebuilt): the event records the hash, a download checks it again.
 */
export class AttachmentStore {
  constructor(private readonly store: ReadStore) {}

  /** Decodes a file and answers what the event records of it (nothing is kept yet). */
  describe(file: { fileName: string; mediaType: string; contentBase64: string }): { meta: Attachment; bytes: Buffer } {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== file.contentBase64.replace(/=+$/, ''))
      throw new ValidationError('is not base64 text of a file', 'attachment.contentBase64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      meta: { fileName: file.fileName.normalize('NFC'), mediaType: file.mediaType.toLowerCase(), size: bytes.length, sha256 },
      bytes,
    };
  }

  /** Keeps a described file under its hash (once: the same bytes again change nothing). */
  async put({ meta, bytes }: { meta: Attachment; bytes: Buffer }): Promise<void> {
    const set = { ...meta, contentBase64: bytes.toString('base64') };
    await this.store.applyFacts(ATTACHMENTS, [{ id: meta.sha256, source: 'f', revision: 0, setOnInsert: {}, set, insertOnly: true }]);
  }

  /** The file with this hash, checked against it, or null. */
  async get(sha256: string): Promise<{ meta: Attachment; bytes: Buffer } | null> {
    const doc = await this.store.get<AttachmentDoc>(ATTACHMENTS, sha256);
    if (!doc) return null;
    const bytes = Buffer.from(doc.contentBase64, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`attachment ${sha256} does not match its hash`);
    return { meta: { fileName: doc.fileName, mediaType: doc.mediaType, size: doc.size, sha256 }, bytes };
  }
}
