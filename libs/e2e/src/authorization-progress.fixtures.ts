import { expect } from '@jest/globals';
import { monitoringOfficers, scoped, type Action } from './authorization-table.fixtures';
import type { EmbeddedFixture } from './fixture';

/**
 * The files reports on an assignment carry, in the authorisation table: the
 * download reads a file Mường Lát's progress report carries, and is read by
 * who reads that assignment's timeline (docs/domain.md, "An assignment's life").
 */
export interface ProgressFile {
  assignmentId: string;
  sha256: string;
}

/** Mường Lát reports progress with a file; answers the SHA-256 its event records. */
export async function recordProgressFile(fx: EmbeddedFixture, assignmentId: string): Promise<string> {
  const reported = await fx.officer('h-muong-lat').post(`/api/v1/assignments/${assignmentId}/progress`, {
    reportedOn: '2017-02-28',
    summary: 'Tiến độ, kèm báo cáo',
    attachment: { fileName: 'bao-cao.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('Báo cáo tiến độ').toString('base64') },
  });
  expect(reported.status).toBe(201);
  return reported.body.data.attachment.sha256;
}

export function progressFileActions(file: () => ProgressFile): Record<string, Action> {
  return {
    "download a file of an assignment's report": {
      route: 'GET /api/v1/assignments/:id/attachments/:hash',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      byRole: monitoringOfficers,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/assignments/${file().assignmentId}/attachments/${file().sha256}`),
    },
  };
}
