import { allPages } from '../logic/pages';
import { get, post } from './http';
import type { AccessLogAnswer, AnnualReviewAnswer, CheckpointsAnswer, RebuildAnswer, VerifyAnswer } from './types';

export const fetchVerify = () => get<VerifyAnswer>('/api/v1/audit/verify');
/** Every checkpoint kept: each page followed (docs/security.md, "Pages of a list"). */
export const fetchCheckpoints = () =>
  allPages((after?: string) => get<CheckpointsAnswer>('/api/v1/audit/checkpoints', { after }), ['checkpoints']);

export interface AccessLogQuery {
  after?: number;
  limit?: number;
  userId?: string;
  route?: string;
  from?: string;
  to?: string;
}
export const fetchAccessLog = (query: AccessLogQuery) => get<AccessLogAnswer>('/api/v1/audit/access-log', { ...query });

export const fetchAnnualReview = (query: { year: number; agencyId?: string; knownAt?: string }) =>
  get<AnnualReviewAnswer>('/api/v1/reports/annual-review', query);

export const fetchRebuild = () => get<RebuildAnswer>('/api/v1/admin/rebuild');
export const startRebuild = () => post<RebuildAnswer>('/api/v1/admin/rebuild');
