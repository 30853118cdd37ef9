import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CALENDARS, exportQuery, text, type Principal } from '@dm/contracts';
import { today } from '@dm/periods';
import { Allow, CurrentPrincipal, validateQuery } from '@dm/platform';
import { reportingPolicy } from '@dm/reporting-domain';
import { sendReportFile } from './report-files';
import { RP_REPORTING, type ReportingContext } from './reporting-context';

const draftQuery = exportQuery.extend({
  period: text(20),
  calendar: z.enum(CALENDARS).default('decree09'),
  directiveId: z.string().max(100).optional(),
  number: text(60).default('DỰ THẢO'),
  place: text(100).optional(),
});

/** A period's report as a file, computed now and not issued (a draft, numbered "DỰ THẢO" unless told). */
@Controller('api/v1/reports/export')
export class ReportExportController {
  constructor(@Inject(RP_REPORTING) private readonly reporting: ReportingContext) {}

  @Get()
  @Allow(reportingPolicy.read)
  async draft(@CurrentPrincipal() reader: Principal, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const q = validateQuery(draftQuery, query);
    const knownAt = new Date().toISOString();
    const place = q.place ?? (await this.reporting.service.provinceName()) ?? '';
    const content = await this.reporting.service.issueContent(
      reader,
      {
        period: q.period,
        calendar: q.calendar,
        directiveId: q.directiveId,
        number: q.number,
        place,
        date: today(),
        recipients: [],
        title: null,
        reason: null,
        parentBody: null,
        issuingBody: null,
      },
      knownAt,
      [],
    );
    await sendReportFile(reply, content, q.format, q.view, `report-${content.period.period}${q.directiveId ? `-${q.directiveId}` : ''}`);
  }
}
