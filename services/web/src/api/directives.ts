import { allPages } from '../logic/pages';
import type { cancelTaskRequest, changeDeadlineRequest } from '@dm/contracts/web';
import type { z } from 'zod';
import type { IssueDirectiveBody } from '../logic/directive-body';
import { get, post } from './http';
import type { DirectiveAnswer, DirectiveListAnswer, TaskTimelineAnswer } from './types';

const path = (id: string) => `/api/v1/directives/${encodeURIComponent(id)}`;
const taskPath = (id: string, taskNumber: string) => `${path(id)}/tasks/${encodeURIComponent(taskNumber)}`;

/** Every directive: each page followed (docs/security.md, "Pages of a list"). */
export const fetchDirectives = () =>
  allPages((after?: string) => get<DirectiveListAnswer>('/api/v1/directives', { after }), ['directives']);

export const fetchDirective = (id: string, query: { asOf?: string; role?: 'lead' | 'coordinating'; knownAt?: string } = {}) =>
  get<DirectiveAnswer>(path(id), query);

export const fetchTaskTimeline = (id: string, taskNumber: string, query: { knownAt?: string } = {}) =>
  get<TaskTimelineAnswer>(`/api/v1/audit/directives/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskNumber)}/timeline`, query);

export const issueDirective = (body: IssueDirectiveBody, idempotencyKey: string) =>
  post<{ id: string; number: string }>('/api/v1/directives', body, { idempotencyKey });

export const changeDeadline = (id: string, taskNumber: string, body: z.input<typeof changeDeadlineRequest>, idempotencyKey: string) =>
  post<unknown>(`${taskPath(id, taskNumber)}/deadline`, body, { idempotencyKey });

export const cancelTask = (id: string, taskNumber: string, body: z.input<typeof cancelTaskRequest>, idempotencyKey: string) =>
  post<unknown>(`${taskPath(id, taskNumber)}/cancel`, body, { idempotencyKey });
