import { z } from 'zod';

export const actorSchema = z.object({
  userId: z.string(),
  agencyId: z.string().nullable(),
  role: z.enum(['agency_officer', 'monitoring_officer', 'inspector', 'admin', 'system']),
});
