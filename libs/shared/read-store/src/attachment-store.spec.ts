import { createHash } from 'node:crypto';
import { ValidationError } from '@dm/eventsourcing';
import { AttachmentStore } from './attachment-store';
import { InMemoryReadStore } from './in-memory-read-store';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const upload = (text: string, fileName = 'báo cáo.pdf') => ({
  fileName,
  mediaType: 'Application/PDF',
  contentBase64: Buffer.from(text).toString('base64'),
});

describe('AttachmentStore', () => {
  let store: InMemoryReadStore;
  beforeEach(() => {
    store = new InMemoryReadStore();
  });
  afterEach(() => store.close());

  it('describes a file by its SHA-256, its NFC name and lower-case media type, keeping nothing yet', async () => {
    const files = new AttachmentStore(store, 'files');
    const described = files.describe(upload('Báo cáo', 'Ba\u0301o ca\u0301o.pdf'));
    expect(described.meta).toEqual({
      fileName: 'Báo cáo.pdf'.normalize('NFC'),
      mediaType: 'application/pdf',
      size: Buffer.byteLength('Báo cáo'),
      sha256: sha('Báo cáo'),
    });
    expect(await files.get(sha('Báo cáo'))).toBeNull();
  });

  it.each(['QQ== ', 'QR==', '=='])('refuses %p as not canonical base64, naming the field', (contentBase64) => {
    const files = new AttachmentStore(store, 'files');
    const refusal = (field?: string) => {
      try {
        files.describe({ ...upload('x'), contentBase64 }, field);
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('described');
    };
    expect(refusal()).toBeInstanceOf(ValidationError);
    expect(refusal().field).toBe('attachment.contentBase64');
    expect(refusal('file.content').field).toBe('file.content');
  });

  it('keeps a file once under its hash, in its own collection: the same bytes again change nothing', async () => {
    const files = new AttachmentStore(store, 'files');
    await files.put(files.describe(upload('Báo cáo', 'first.pdf')));
    await files.put(files.describe(upload('Báo cáo', 'second.pdf')));
    const kept = await files.get(sha('Báo cáo'));
    expect(kept?.meta.fileName).toBe('first.pdf');
    expect(kept?.bytes.toString()).toBe('Báo cáo');
    expect(await store.find('files')).toHaveLength(1);
    expect(await new AttachmentStore(store, 'other-files').get(sha('Báo cáo'))).toBeNull();
  });

  it('refuses to answer a file whose bytes no longer match its hash', async () => {
    const files = new AttachmentStore(store, 'files');
    await files.put(files.describe(upload('Báo cáo')));
    await store.putDocuments('files', [
      {
        _id: sha('Báo cáo'),
        rev: {},
        fileName: 'x',
        mediaType: 'text/plain',
        size: 1,
        contentBase64: Buffer.from('khác').toString('base64'),
      },
    ]);
    await expect(files.get(sha('Báo cáo'))).rejects.toThrow('does not match its hash');
  });
});
