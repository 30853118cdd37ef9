import { get } from './http';
import type { RemindersAnswer } from './types';

export const fetchReminders = (query: { agencyId?: string; directiveId?: string; assignmentId?: string; kind?: string } = {}) =>
  get<RemindersAnswer>('/api/v1/reminders', query);
