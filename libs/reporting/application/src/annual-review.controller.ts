import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { annualReviewExportQuery, annualReviewQuery, type Principal } from '@dm/contracts';
import { authorize } from '@dm/eventsourcing';
import { Allow, CHECKPOINTS, CurrentPrincipal, validateQuery, type CheckpointDirectory } from '@dm/platform';
import {
  annualReviewCsv,
  annualReviewFileName,
  annualReviewJsonl,
  annualReviewPolicy,
  annualReviewScope,
  type AnnualReviewAsk,
  type StatusRules,
} from '@dm/reporting-domain';
import { ANNUAL_REVIEW_RULES, AnnualReviewQueries } from './annual-review-queries';
import { ReadConsistency } from './read-consistency';
import { ReadModels } from './read-models';
import { RP_READ_CONSISTENCY, RP_READ_MODELS } from './tokens';

type Raw = Record<string, unknown>;

/**
 * The annual review (kiểm điểm) of agencies and its export (docs/domain.md,
 * "The annual review"). Who may read whose is asked on the agency named in
 * the query before the query is validated.
 */
@Controller('api/v1/reports/annual-review')
@Allow(annualReviewPolicy.read)
export class AnnualReviewController {
  constructor(
    @Inject(RP_READ_MODELS) private readonly models: ReadModels,
    @Inject(RP_READ_CONSISTENCY) private readonly consistency: ReadConsistency,
    @Inject(ANNUAL_REVIEW_RULES) private readonly rules: StatusRules,
    @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointDirectory,
  ) {}

  @Get()
  async review(@CurrentPrincipal() principal: Principal, @Query() query: Raw, @Headers('x-consistency-token') token?: string) {
    const ask = this.authorize(principal, query);
    const q = validateQuery(annualReviewQuery, query);
    await this.consistency.waitFor(token);
    return this.withCheckpoints(await this.queries().review(q, annualReviewScope(principal, ask)));
  }

  @Get('export')
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Raw,
    @Res() reply: FastifyReply,
    @Headers('x-consistency-token') token?: string,
  ) {
    const ask = this.authorize(principal, query);
    const { format, ...q } = validateQuery(annualReviewExportQuery, query);
    await this.consistency.waitFor(token);
    const scope = annualReviewScope(principal, ask);
    const answer = await this.withCheckpoints(await this.queries().review(q, scope));
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${annualReviewFileName(q.year, scope.agencyId, format)}"`)
      .send(format === 'csv' ? annualReviewCsv(answer) : annualReviewJsonl(answer));
  }

  /** The rule on the agency asked for, read as sent (a malformed one is the validation's to refuse, after this). */
  private authorize(principal: Principal, query: Raw): AnnualReviewAsk {
    const ask = { agencyId: typeof query.agencyId === 'string' ? query.agencyId : undefined };
    authorize(annualReviewPolicy.read, principal, ask);
    return ask;
  }

  /** The review names the signed checkpoints it was computed at: the latest at or before its knownAt. */
  private async withCheckpoints<A extends { knownAt: string | null }>(answer: A): Promise<A> {
    return { ...answer, checkpoints: await this.checkpoints.at(answer.knownAt ?? undefined) };
  }

  private queries() {
    return new AnnualReviewQueries(this.models.served.store, this.rules);
  }
}
