import { createHash } from 'node:crypto';
import type { Attachment } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import type { Document, ReadStore } from './read-store';

interface AttachmentDoc extends Document {
  fileName: string;
  mediaType: string;
  size: number;
  contentBase64: string;
}

/** A file as sent (its name, media type and base64 content), and as described: what its event records, and its bytes. */
export type AttachmentUpload = { fileName: string; mediaType: string; contentBase64: string };
export type DescribedFile = { meta: Attachment; bytes: Buffer };

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Attached files, kept by their SHA-256 in one collection of a read store
 * that is never rebuilt (the base store, not a generation): the event
 * records the hash, a download checks it again. The reporting context keeps
 * its periodic reports' files this way, progress-events the files of progress
 * and completion reports, each in a collection of its own store.
 */
export class AttachmentStore {
  constructor(
    private readonly store: ReadStore,
    readonly collection: string,
  ) {}

  /** Decodes a file and answers what the event records of it (nothing is kept yet). */
  describe(file: AttachmentUpload, field = 'attachment.contentBase64'): DescribedFile {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== file.contentBase64.replace(/=+$/, ''))
      throw new ValidationError('is not base64 text of a file', field);
    return {
      meta: {
        fileName: file.fileName.normalize('NFC'),
        mediaType: file.mediaType.toLowerCase(),
        size: bytes.length,
        sha256: sha256Of(bytes),
      },
      bytes,
    };
  }

  /** Keeps a described file under its hash (once: the same bytes again change nothing). */
  async put({ meta, bytes }: DescribedFile): Promise<void> {
    const set = { ...meta, contentBase64: bytes.toString('base64') };
    await this.store.applyFacts(this.collection, [{ id: meta.sha256, source: 'f', revision: 0, setOnInsert: {}, set, insertOnly: true }]);
  }

  /** The file with this hash, checked against it, or null. */
  async get(sha256: string): Promise<DescribedFile | null> {
    const doc = await this.store.get<AttachmentDoc>(this.collection, sha256);
    if (!doc) return null;
    const bytes = Buffer.from(doc.contentBase64, 'base64');
    if (sha256Of(bytes) !== sha256) throw new Error(`attachment ${sha256} does not match its hash`);
    return { meta: { fileName: doc.fileName, mediaType: doc.mediaType, size: doc.size, sha256 }, bytes };
  }
}
