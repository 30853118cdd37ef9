import { allPages } from '../logic/pages';
import { get } from './http';
import type { GroupAnswer, RegistryAnswer, RegistryTimelineAnswer } from './types';

/** The whole registry: each page followed (docs/security.md, "Pages of a list"). */
export const fetchRegistry = (asOf?: string) =>
  allPages((after?: string) => get<RegistryAnswer>('/api/v1/agencies', { asOf, after }), ['agencies', 'groups']);

export const fetchGroup = (id: string, asOf?: string) => get<GroupAnswer>(`/api/v1/agencies/groups/${encodeURIComponent(id)}`, { asOf });

export const fetchRegistryTimeline = (query: { after?: number; id?: string; limit?: number }) =>
  get<RegistryTimelineAnswer>('/api/v1/registry/timeline', query);
