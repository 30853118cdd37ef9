import { Controller, Get, Headers, Inject, Param, Query } from '@nestjs/common';
import {
  agenciesQuery,
  assignmentsListQuery,
  directiveQuery,
  directivesQuery,
  knownAtQuery,
  scorecardsQuery,
  stateQuery,
  summaryQuery,
  type Principal,
} from '@dm/contracts';
import { Allow, CHECKPOINTS, CurrentPrincipal, validateQuery, type CheckpointDirectory } from '@dm/platform';
import { readScopeOf, reportingPolicy } from '@dm/reporting-domain';
import { ReadConsistency } from './read-consistency';
import { ReadModels } from './read-models';
import { RP_READ_CONSISTENCY, RP_READ_MODELS } from './tokens';
import { RP_REPORTING, type ReportingContext } from './reporting/reporting-context';
import { remindersOnTimeline } from './reporting/reminders-on-timeline';

type Raw = Record<string, unknown>;

/** A costly read's question: the route, what the reader may read, and the query as validated. */
const keyOf = (route: string, reader: Principal, query: object) => JSON.stringify([route, readScopeOf(reader), query]);

/**
 * Every route that answers a status, summary, timeline or state; each takes
 * `knownAt` (a record time) and echoes it, and answers what the caller may
 * read (reportingPolicy): lists are narrowed to it, a resource outside it is 403.
 */
@Controller('api/v1')
@Allow(reportingPolicy.read)
export class ReportsController {
  constructor(
    @Inject(RP_READ_MODELS) private readonly models: ReadModels,
    @Inject(RP_READ_CONSISTENCY) private readonly consistency: ReadConsistency,
    @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointDirectory,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext,
  ) {}

  @Get('directives')
  async directives(@CurrentPrincipal() reader: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const { knownAt, limit, after } = validateQuery(directivesQuery, query);
    await this.consistency.waitFor(token);
    return this.models.queries.listDirectives(reader, knownAt, { limit, after });
  }

  @Get('directives/:id')
  async directive(
    @CurrentPrincipal() reader: Principal,
    @Param('id') id: string,
    @Query() query: Raw,
    @Headers('x-consistency-token') token?: string,
  ) {
    const { asOf, role, knownAt } = validateQuery(directiveQuery, query);
    await this.consistency.waitFor(token);
    return this.models.queries.directive(reader, id, asOf, role, knownAt);
  }

  @Get('assignments')
  async assignments(@CurrentPrincipal() reader: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const { limit, after, ...filter } = validateQuery(assignmentsListQuery, query);
    await this.consistency.waitFor(token);
    const page = await this.models.queries.assignments(reader, filter, { limit, after });
    return { asOf: filter.asOf, knownAt: filter.knownAt ?? null, ...page };
  }

  @Get('reports/summary')
  async summary(@CurrentPrincipal() reader: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const q = validateQuery(summaryQuery, query);
    await this.consistency.waitFor(token);
    const answer = await this.reporting.answers.get(keyOf('summary', reader, q), () =>
      this.models.queries.summary(reader, q.period, q.calendar, { agencyId: q.agencyId, directiveId: q.directiveId }, q.knownAt),
    );
    return { ...answer, checkpoints: await this.checkpoints.at(q.knownAt) };
  }

  @Get('reports/agencies')
  async agencies(@CurrentPrincipal() reader: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const q = validateQuery(scorecardsQuery, query);
    await this.consistency.waitFor(token);
    const answer = await this.reporting.answers.get(keyOf('agencies', reader, q), () =>
      this.models.queries.agencies(reader, q.period, q.calendar, { directiveId: q.directiveId }, q.knownAt, {
        limit: q.limit,
        after: q.after,
      }),
    );
    return { ...answer, checkpoints: await this.checkpoints.at(q.knownAt) };
  }

  @Get('reports/rollup')
  async rollup(@CurrentPrincipal() reader: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const q = validateQuery(agenciesQuery, query);
    await this.consistency.waitFor(token);
    const answer = await this.reporting.answers.get(keyOf('rollup', reader, q), () =>
      this.reporting.service.rollup(reader, q.period, q.calendar, { directiveId: q.directiveId }, q.knownAt),
    );
    return { ...answer, checkpoints: await this.checkpoints.at(q.knownAt) };
  }

  @Get('audit/assignments/:id/timeline')
  async timeline(
    @CurrentPrincipal() reader: Principal,
    @Param('id') id: string,
    @Query() query: Raw,
    @Headers('x-consistency-token') token?: string,
  ) {
    const { knownAt } = validateQuery(knownAtQuery, query);
    await this.consistency.waitFor(token);
    const answer = await this.models.queries.timeline(reader, id, knownAt);
    const urged = remindersOnTimeline(await this.reporting.ledger.catchUp(), id, knownAt);
    return urged.length
      ? { ...answer, events: [...answer.events, ...urged].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)) }
      : answer;
  }

  @Get('audit/directives/:id/tasks/:taskNo/timeline')
  async taskTimeline(
    @CurrentPrincipal() reader: Principal,
    @Param('id') id: string,
    @Param('taskNo') taskNo: string,
    @Query() query: Raw,
    @Headers('x-consistency-token') token?: string,
  ) {
    const { knownAt } = validateQuery(knownAtQuery, query);
    await this.consistency.waitFor(token);
    return this.models.queries.taskTimeline(reader, id, taskNo, knownAt);
  }

  @Get('audit/assignments/:id/state')
  async state(
    @CurrentPrincipal() reader: Principal,
    @Param('id') id: string,
    @Query() query: Raw,
    @Headers('x-consistency-token') token?: string,
  ) {
    const { asOf, knownAt } = validateQuery(stateQuery, query);
    await this.consistency.waitFor(token);
    return this.models.queries.state(reader, id, asOf, knownAt);
  }
}
