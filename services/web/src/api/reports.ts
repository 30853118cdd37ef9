import { allPages } from '../logic/pages';
import type { issueReportRequest } from '@dm/contracts/web';
import type { z } from 'zod';
import { get, post, urlOf } from './http';
import type { IssuedReportsAnswer, RollupAnswer, SummaryAnswer } from './types';

export interface PeriodQuery {
  period: string;
  calendar: 'decree09' | 'calendar';
  directiveId?: string;
}

export const fetchSummary = (query: PeriodQuery) => get<SummaryAnswer>('/api/v1/reports/summary', { ...query });
export const fetchRollup = (query: PeriodQuery) => get<RollupAnswer>('/api/v1/reports/rollup', { ...query });
/** Every issued report: each page followed (docs/security.md, "Pages of a list"). */
export const fetchIssuedReports = () =>
  allPages((after?: string) => get<IssuedReportsAnswer>('/api/v1/reports/issued', { after }), ['reports']);

export type IssueReportBody = z.input<typeof issueReportRequest>;
export const issueReport = (body: IssueReportBody, idempotencyKey: string) =>
  post<{ reportId: string; revision: number }>('/api/v1/reports/issued', body, { idempotencyKey });

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

/** A draft of the period computed now, as a file (numbered DỰ THẢO). */
export const draftExportUrl = (query: PeriodQuery, format: ExportFormat, view?: string) =>
  urlOf('/api/v1/reports/export', { ...query, format, view: format === 'csv' ? view : undefined });

/** An issued report's latest revision as a file. */
export const issuedExportUrl = (reportId: string, format: ExportFormat, view?: string) =>
  urlOf(`/api/v1/reports/issued/${encodeURIComponent(reportId)}/export`, { format, view: format === 'csv' ? view : undefined });
