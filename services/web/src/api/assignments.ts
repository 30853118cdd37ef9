import { allPages } from '../logic/pages';
import type { assignmentsQuery, ConfirmationRequest, ProgressRequest, writtenEventResponse } from '@dm/contracts/web';
import type { z } from 'zod';
import type { AttachmentBody } from '../logic/attachment';
import { get, post } from './http';
import type { AssignmentsAnswer, StateAnswer, TimelineAnswer } from './types';

type Written = z.infer<typeof writtenEventResponse>;
const path = (id: string) => `/api/v1/assignments/${encodeURIComponent(id)}`;

export type AssignmentsQuery = z.input<typeof assignmentsQuery>;

/** Every assignment the query matches: each page followed (docs/security.md, "Pages of a list"). */
export const fetchAssignments = (query: AssignmentsQuery) =>
  allPages((after?: string) => get<AssignmentsAnswer>('/api/v1/assignments', { ...query, after }), ['assignments']);

export const fetchState = (id: string, query: { asOf?: string; knownAt?: string } = {}) =>
  get<StateAnswer>(`/api/v1/audit/assignments/${encodeURIComponent(id)}/state`, query);

export const fetchTimeline = (id: string, query: { knownAt?: string } = {}) =>
  get<TimelineAnswer>(`/api/v1/audit/assignments/${encodeURIComponent(id)}/timeline`, query);

type WithAttachment<T> = T & { attachment?: AttachmentBody };

export const reportProgress = (id: string, body: WithAttachment<Partial<ProgressRequest>>, idempotencyKey: string) =>
  post<Written>(`${path(id)}/progress`, body, { idempotencyKey });

export const reportCompletion = (id: string, body: WithAttachment<Record<string, unknown>>, idempotencyKey: string) =>
  post<Written>(`${path(id)}/completion`, body, { idempotencyKey });

export const decideCompletion = (id: string, body: ConfirmationRequest, idempotencyKey: string) =>
  post<Written>(`${path(id)}/confirmation`, body, { idempotencyKey });

export const reopenCompletion = (id: string, body: { reason: string; reopenedOn?: string; period?: string }, idempotencyKey: string) =>
  post<Written>(`${path(id)}/reopen`, body, { idempotencyKey });
