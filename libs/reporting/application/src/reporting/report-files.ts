import type { FastifyReply } from 'fastify';
import type { ReportContent } from '@dm/contracts';
import { renderCsv, renderPdf, renderXlsx, type ReportViewKey as ReportView } from '@dm/report-documents';

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

export type ReportFormat = keyof typeof MEDIA_TYPES;

/** A report's file in one format (a CSV holds one view). */
export async function reportFile(content: ReportContent, format: ReportFormat, view: ReportView): Promise<Buffer> {
  if (format === 'xlsx') return renderXlsx(content);
  if (format === 'pdf') return renderPdf(content);
  return renderCsv(content, view);
}

export const fileNameOf = (base: string, format: ReportFormat, view: ReportView) =>
  `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}${format === 'csv' ? `-${view}` : ''}.${format}`;

export async function sendReportFile(reply: FastifyReply, content: ReportContent, format: ReportFormat, view: ReportView, base: string) {
  const bytes = await reportFile(content, format, view);
  reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileNameOf(base, format, view)}"`)
    .send(bytes);
}
