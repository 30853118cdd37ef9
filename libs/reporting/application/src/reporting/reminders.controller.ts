import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { hasRole, manualReminderRequest, remindersQuery, type Principal } from '@dm/contracts';
import { authorize, ForbiddenError, NotFoundError, ValidationError, type CommandOutcome } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  CurrentPrincipal,
  validateBody,
  validateQuery,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import { dutiesPolicy, holderOn, IssueReminder, readScopeOf } from '@dm/reporting-domain';
import { RP_REPORTING, type ReportingContext } from './reporting-context';
import type { ReminderEntry } from './reporting-ledger';
import { reminderIdOf } from './urging-scheduler';

/** Reminders (đôn đốc): an agency reads its own; the office sends one with its own text (docs/reporting.md, "Urging"). */
@Controller('api/v1/reminders')
export class RemindersController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Get()
  @Allow(dutiesPolicy.readReminders)
  async list(@CurrentPrincipal() reader: Principal, @Query() query: Record<string, unknown>) {
    const q = validateQuery(remindersQuery, query);
    const agencyId =
      hasRole(reader, 'agency_officer') && reader.roles.length === 1 ? (q.agencyId ?? reader.agencyId ?? undefined) : q.agencyId;
    authorize(dutiesPolicy.readReminders, reader, agencyId);
    const ledger = await this.reporting.ledger.catchUp();
    const found = ledger
      .reminders()
      .filter(
        (r) =>
          (!agencyId || r.agencyId === agencyId) &&
          (!q.directiveId || r.directiveId === q.directiveId) &&
          (!q.assignmentId || r.assignmentId === q.assignmentId) &&
          (!q.kind || r.kind === q.kind),
      )
      .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    const readable: ReminderEntry[] = [];
    const directives = new Map<string, Promise<boolean>>();
    for (const r of found) {
      if (readable.length >= q.limit) break;
      if (await this.mayRead(reader, r, directives)) readable.push(r);
    }
    return { agencyId: agencyId ?? null, reminders: readable };
  }

  @Get(':id')
  @Allow(dutiesPolicy.readReminders)
  async one(@CurrentPrincipal() reader: Principal, @Param('id') id: string) {
    const ledger = await this.reporting.ledger.catchUp();
    const reminder = ledger.reminder(id);
    if (!reminder) throw new NotFoundError(`No reminder ${id}`);
    if (!(await this.mayRead(reader, reminder))) throw new ForbiddenError(`${reader.agencyId ?? reader.sub} may not read reminder ${id}`);
    return reminder;
  }

  @Post()
  @Allow(dutiesPolicy.remind)
  async send(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const request = validateBody(manualReminderRequest, call.body);
    const assignment = request.assignmentId ? await this.reporting.service.assignment(request.assignmentId) : null;
    if (request.assignmentId && (!assignment || holderOn(assignment, today()) !== request.agencyId))
      throw new ValidationError(`${request.agencyId} holds no assignment ${request.assignmentId}`, 'assignmentId');
    if (assignment && request.directiveId && request.directiveId !== assignment.directiveId)
      throw new ValidationError(`assignment ${request.assignmentId} is not of directive ${request.directiveId}`, 'directiveId');
    const directiveId = request.directiveId ?? (assignment?.directiveId as string | undefined);
    if (!directiveId && !hasRole(call.principal, 'admin'))
      throw new ValidationError(
        'an office urges about a directive it monitors: name the directive or the assignment',
        'directiveId',
        'is required',
      );
    const directive = directiveId ? await this.reporting.service.directive(directiveId) : null;
    if (directiveId && !directive) throw new NotFoundError(`No directive ${directiveId}`, 'directiveId');
    authorize(dutiesPolicy.remind, call.principal, directive);
    const registry = await this.reporting.registry.registry();
    const agency = registry.agency(request.agencyId, today());
    if (!agency) throw new ValidationError(`the registry knows no agency ${request.agencyId}`, 'agencyId');
    const metadata = commandMetadata(call, request, hasRole(call.principal, 'admin') ? 'admin' : 'monitoring_officer', today());
    const key = `manual|${metadata.commandId}`;
    const data = {
      reminderId: reminderIdOf(key),
      key,
      kind: 'manual' as const,
      agencyId: request.agencyId,
      directiveId: directive?.directiveId ?? null,
      directiveNumber: directive?.number ?? null,
      assignmentId: request.assignmentId ?? null,
      taskNumber: (assignment?.taskNumber as string | undefined) ?? null,
      deadline: null,
      period: null,
      foundOn: today(),
      subject: request.subject ?? `Đôn đốc ${agency.name}${directive ? ` thực hiện văn bản số ${directive.number}` : ''}`,
      text: request.text,
    };
    const outcome: CommandOutcome<unknown> = await this.commands.execute(new IssueReminder(data, metadata));
    await this.reporting.ledger.catchUp();
    const event = outcome.events[0];
    await answerWrite(reply, this.consistency, this.reporting.store.name, outcome, 201, {
      eventId: event.eventId,
      recordedAt: event.recordedAt,
      ...(event.data as object),
    });
  }

  /** An agency officer its own agency's; others those of directives they may read, and the manual ones their agency sent. */
  private async mayRead(reader: Principal, reminder: ReminderEntry, directives = new Map<string, Promise<boolean>>()): Promise<boolean> {
    if (readScopeOf(reader).all) return true;
    if (reminder.agencyId === reader.agencyId) return true;
    if (hasRole(reader, 'agency_officer') && reader.roles.length === 1) return false;
    if (reminder.actor.agencyId && reminder.actor.agencyId === reader.agencyId) return true;
    const { directiveId } = reminder;
    if (directiveId === null) return false;
    // A list asks once per directive, not once per reminder.
    if (!directives.has(directiveId)) directives.set(directiveId, this.reporting.service.mayReadDirective(reader, directiveId));
    return directives.get(directiveId) as Promise<boolean>;
  }
}

/** Running the urging scheduler now, rather than at its next tick. */
@Controller('api/v1/admin/urging')
export class UrgingController {
  constructor(@Inject(RP_REPORTING) private readonly reporting: ReportingContext) {}

  @Post('run')
  @HttpCode(200)
  @Allow(dutiesPolicy.runUrging)
  run() {
    return this.reporting.urging.runOnce();
  }
}
