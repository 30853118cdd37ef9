import { get } from './http';
import type { GroupAnswer, RegistryAnswer, RegistryTimelineAnswer } from './types';

export const fetchRegistry = (asOf?: string) => get<RegistryAnswer>('/api/v1/agencies', { asOf });

export const fetchGroup = (id: string, asOf?: string) => get<GroupAnswer>(`/api/v1/agencies/groups/${encodeURIComponent(id)}`, { asOf });

export const fetchRegistryTimeline = (query: { after?: number; id?: string; limit?: number }) =>
  get<RegistryTimelineAnswer>('/api/v1/registry/timeline', query);
