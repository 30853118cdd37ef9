import type { accessLogResponse, checkpointsPageResponse, verifyResponse } from '@dm/contracts/web';
import type {
  annualReviewResponse,
  assignmentRowSchema,
  assignmentsResponse,
  directiveListResponse,
  directiveResponse,
  groupResponse,
  issuedReportsResponse,
  rebuildResponse,
  registryResponse,
  registryTimelineResponse,
  remindersResponse,
  rollupResponse,
  stateResponse,
  summaryResponse,
  taskTimelineResponse,
  timelineResponse,
} from '@dm/contracts/web';
import type { z } from 'zod';

/** The answers of the API's read routes, as their contracts type them. */
export type AssignmentsAnswer = z.infer<typeof assignmentsResponse>;
export type AssignmentRow = z.infer<typeof assignmentRowSchema>;
export type StateAnswer = z.infer<typeof stateResponse>;
export type TimelineAnswer = z.infer<typeof timelineResponse>;
export type TaskTimelineAnswer = z.infer<typeof taskTimelineResponse>;
export type DirectiveListAnswer = z.infer<typeof directiveListResponse>;
export type DirectiveAnswer = z.infer<typeof directiveResponse>;
export type RegistryAnswer = z.infer<typeof registryResponse>;
export type GroupAnswer = z.infer<typeof groupResponse>;
export type RegistryTimelineAnswer = z.infer<typeof registryTimelineResponse>;
export type RemindersAnswer = z.infer<typeof remindersResponse>;
export type SummaryAnswer = z.infer<typeof summaryResponse>;
export type RollupAnswer = z.infer<typeof rollupResponse>;
export type IssuedReportsAnswer = z.infer<typeof issuedReportsResponse>;
export type AnnualReviewAnswer = z.infer<typeof annualReviewResponse>;
export type VerifyAnswer = z.infer<typeof verifyResponse>;
export type CheckpointsAnswer = z.infer<typeof checkpointsPageResponse>;
export type AccessLogAnswer = z.infer<typeof accessLogResponse>;
export type RebuildAnswer = z.infer<typeof rebuildResponse>;
