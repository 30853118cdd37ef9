import type { z } from 'zod';
import * as contracts from '@dm/contracts';

/** The schema of what a route answers on success, by method and URL (as a client calls it). */
const ROUTES: Array<[method: string, pattern: RegExp, schema: z.ZodTypeAny]> = [
  ['GET', /^\/api\/v1\/directives$/, contracts.directiveListResponse],
  ['GET', /^\/api\/v1\/directives\/[^/]+$/, contracts.directiveResponse],
  ['GET', /^\/api\/v1\/assignments$/, contracts.assignmentsResponse],
  ['GET', /^\/api\/v1\/reports\/summary$/, contracts.summaryResponse],
  ['GET', /^\/api\/v1\/reports\/agencies$/, contracts.scorecardsResponse],
  ['GET', /^\/api\/v1\/reports\/annual-review$/, contracts.annualReviewResponse],
  ['GET', /^\/api\/v1\/audit\/assignments\/[^/]+\/timeline$/, contracts.timelineResponse],
  ['GET', /^\/api\/v1\/audit\/directives\/[^/]+\/tasks\/[^/]+\/timeline$/, contracts.taskTimelineResponse],
  ['GET', /^\/api\/v1\/audit\/assignments\/[^/]+\/state$/, contracts.stateResponse],
  ['GET', /^\/api\/v1\/agencies$/, contracts.registryResponse],
  ['GET', /^\/api\/v1\/agencies\/groups\/[^/]+$/, contracts.groupResponse],
  ['POST', /^\/api\/v1\/directives$/, contracts.issuedDirectiveResponse],
  ['POST', /^\/api\/v1\/directives\/[^/]+\/tasks\/[^/]+\/deadline$/, contracts.deadlineChangedResponse],
  ['POST', /^\/api\/v1\/directives\/[^/]+\/tasks\/[^/]+\/cancel$/, contracts.taskCancelledResponse],
  ['POST', /^\/api\/v1\/assignments\/[^/]+\/(progress|completion|confirmation)$/, contracts.writtenEventResponse],
  ['GET', /^\/api\/v1\/calendar$/, contracts.calendarResponse],
  ['GET', /^\/api\/v1\/calendar\/day$/, contracts.calendarDayResponse],
  ['POST', /^\/api\/v1\/calendar\/adjustments$/, contracts.calendarAdjustedResponse],
  ['GET', /^\/api\/v1\/reporting\/regimes\/[^/]+$/, contracts.regimeResponse],
  ['PUT', /^\/api\/v1\/reporting\/regimes\/[^/]+$/, contracts.reportingWriteResponse],
  ['POST', /^\/api\/v1\/reporting\/regimes\/[^/]+\/submissions$/, contracts.reportingWriteResponse],
  ['GET', /^\/api\/v1\/reporting\/submissions$/, contracts.submissionsResponse],
  ['GET', /^\/api\/v1\/reporting\/compliance$/, contracts.complianceResponse],
  ['GET', /^\/api\/v1\/reports\/rollup$/, contracts.rollupResponse],
  ['POST', /^\/api\/v1\/reports\/issued$/, contracts.issueReportResponse],
  ['GET', /^\/api\/v1\/reports\/issued$/, contracts.issuedReportsResponse],
  ['GET', /^\/api\/v1\/reports\/issued\/[^/]+(\/revisions\/[^/]+)?$/, contracts.issuedRevisionResponse],
  ['GET', /^\/api\/v1\/reports\/issued\/[^/]+\/diff$/, contracts.reportDiffResponse],
  ['GET', /^\/api\/v1\/reminders$/, contracts.remindersResponse],
  ['GET', /^\/api\/v1\/reminders\/[^/]+$/, contracts.reminderSchema],
  ['POST', /^\/api\/v1\/reminders$/, contracts.reminderWrittenResponse],
  ['GET', /^\/api\/v1\/accounts$/, contracts.accountsResponse],
  ['GET', /^\/api\/v1\/audit\/checkpoints$/, contracts.checkpointsPageResponse],
];

/** Checks a successful answer against its route's schema (strict: a field the schema leaves out is reported too). */
export function checkAnswer(method: string, url: string, body: unknown): string[] {
  const path = url.split('?')[0];
  const route = ROUTES.find(([m, pattern]) => m === method && pattern.test(path));
  if (!route) return [`no schema for ${method} ${path}`];
  const result = strict(route[2]).safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${method} ${path}: ${i.path.join('.')} ${i.message}`);
}

/** The schema with every object strict, so the document cannot miss a field the server sends. */
function strict(schema: z.ZodTypeAny): z.ZodTypeAny {
  const def = schema._def as { typeName: string };
  const s = schema as any;
  switch (def.typeName) {
    case 'ZodObject':
      return s.extend(Object.fromEntries(Object.entries(s.shape).map(([k, v]) => [k, strict(v as z.ZodTypeAny)]))).strict();
    case 'ZodArray':
      return strict(s.element).array();
    case 'ZodNullable':
      return strict(s.unwrap()).nullable();
    case 'ZodOptional':
      return strict(s.unwrap()).optional();
    default:
      return schema;
  }
}
