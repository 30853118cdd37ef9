import { Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { calendarAdjustmentRequest, calendarDayQuery, calendarQuery } from '@dm/contracts';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  validateBody,
  validateQuery,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import { today } from '@dm/periods';
import { AdjustCalendar, dutiesPolicy } from '@dm/reporting-domain';
import { RP_REPORTING, type ReportingContext } from './reporting-context';

/** The working-day calendar: Vietnam's public holidays, weekends, and the admin's make-up days and extra days off (docs/reporting.md, "Working days"). */
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Get()
  @Allow(dutiesPolicy.readCalendar)
  async year(@Query() query: Record<string, unknown>) {
    const { year } = validateQuery(calendarQuery, query);
    const { calendar, calendarAdjustments } = await this.reporting.ledger.catchUp();
    return {
      year,
      daysOff: calendar.daysOff(year),
      makeUpDays: calendar.makeUpDays(year),
      adjustments: calendarAdjustments.filter((a) => a.date.startsWith(`${year}-`)),
    };
  }

  @Get('day')
  @Allow(dutiesPolicy.readCalendar)
  async day(@Query() query: Record<string, unknown>) {
    const { date } = validateQuery(calendarDayQuery, query);
    const { calendar } = await this.reporting.ledger.catchUp();
    return { date, ...calendar.dayKind(date), nextWorkingDay: calendar.nextWorkingDay(date) };
  }

  @Post('adjustments')
  @Allow(dutiesPolicy.adjustCalendar)
  async adjust(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const request = validateBody(calendarAdjustmentRequest, call.body);
    const data = { ...request, authorizingDocument: request.authorizingDocument ?? null };
    const outcome = await this.commands.execute(new AdjustCalendar(data, commandMetadata(call, request, 'admin', today())));
    await this.reporting.ledger.catchUp();
    const event = outcome.events[0];
    await answerWrite(reply, this.consistency, this.reporting.store.name, outcome, 201, {
      eventId: event.eventId,
      recordedAt: event.recordedAt,
      ...event.data,
    });
  }
}
