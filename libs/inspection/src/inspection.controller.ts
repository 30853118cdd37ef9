import { Controller, Get, HttpCode, Inject, Optional, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { inspectionPolicy } from '@dm/audit';
import { NotFoundError } from '@dm/eventsourcing';
import { Allow, REPORT_FIGURES, validateQuery, type ReportFigures } from '@dm/platform';
import { checkpointsQuery, summaryQuery } from '@dm/contracts';
import { exportLines } from './audit-export';
import type { TimelineScope } from './event-timeline';
import { AuditTrail } from './audit-trail';
import { AUDIT_TRAIL } from './tokens';

const count = (message: string) =>
  z
    .string({ required_error: 'is required' })
    .regex(/^\d{1,15}$/, message)
    .transform(Number);
const storeName = z.string({ required_error: 'is required' }).regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a store name');
const storeQuery = z.object({ store: storeName.optional() });
const checkpointsListQuery = storeQuery.merge(checkpointsQuery);
const inclusionQuery = z.object({
  store: storeName,
  position: count('must be a global position (a whole number)').pipe(z.number().min(1, 'must be at least 1')),
  treeSize: count('must be a tree size (a whole number)').optional(),
});
const consistencyQuery = z.object({
  store: storeName,
  from: count('must be a tree size (a whole number)'),
  to: count('must be a tree size (a whole number)').optional(),
});

const exportQuery = z
  .object({
    directiveId: z.string().uuid('must be a directive id (a UUID)').optional(),
    all: z.enum(['true'], { errorMap: () => ({ message: 'must be true' }) }).optional(),
    year: z
      .string()
      .regex(/^(19|20)\d{2}$|^2100$/, 'must be a year from 1900 to 2100')
      .transform(Number)
      .optional(),
    period: summaryQuery.shape.period.optional(),
    calendar: summaryQuery.shape.calendar,
  })
  .refine((q) => [q.directiveId, q.all, q.year].filter(Boolean).length === 1, {
    message: 'give one of directiveId, year or all=true',
    path: ['directiveId'],
  })
  .refine((q) => !q.period || q.directiveId, { message: "a period's figures are exported with a directive", path: ['period'] });

const instant = z.string().datetime({ offset: true, message: 'must be an ISO 8601 instant with its offset' });
const accessQuery = z.object({
  after: count('must be a global position (a whole number)').optional(),
  limit: count('must be a whole number from 1 to 1000')
    .pipe(z.number().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .optional(),
  userId: z.string().max(200).optional(),
  route: z.string().startsWith('/api/v1/', 'must be a route, starting with /api/v1/').max(300).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

const timelineFilter = {
  type: z
    .string()
    .regex(/^[a-z][a-z.-]*(,[a-z][a-z.-]*)*$/, 'must be event types, comma-separated (a prefix ends in a dot: assignment.)')
    .optional(),
  userId: z.string().max(200).optional(),
  from: instant.optional(),
  to: instant.optional(),
  after: count('must be a whole number (the next of the page before)').optional(),
  limit: count('must be a whole number from 1 to 1000')
    .pipe(z.number().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .optional(),
};
const scopeFields = {
  directiveId: z.string().uuid('must be a directive id (a UUID)').optional(),
  taskNo: z
    .string()
    .regex(/^[0-9A-Za-z.]{1,20}$/, 'must be a task number')
    .optional(),
  assignmentId: z.string().uuid('must be an assignment id (a UUID)').optional(),
  agencyId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an agency id')
    .optional(),
  registry: z.enum(['true'], { errorMap: () => ({ message: 'must be true' }) }).optional(),
};
const timelineQuery = z
  .object({ ...scopeFields, ...timelineFilter })
  .refine((q) => [q.directiveId, q.assignmentId, q.agencyId, q.registry].filter(Boolean).length === 1, {
    message: 'give one of directiveId (with taskNo for a task), assignmentId, agencyId or registry=true',
    path: ['directiveId'],
  })
  .refine((q) => !q.taskNo || q.directiveId, { message: 'a task is named with its directiveId', path: ['taskNo'] });
const changesQuery = z
  .object({ ...scopeFields, ...timelineFilter, from: instant, to: instant.optional() })
  .refine((q) => [q.directiveId, q.assignmentId, q.agencyId, q.registry].filter(Boolean).length <= 1, {
    message: 'give at most one of directiveId, assignmentId, agencyId or registry=true',
    path: ['directiveId'],
  });

type Raw = Record<string, unknown>;
type ScopeQuery = { directiveId?: string; taskNo?: string; assignmentId?: string; agencyId?: string; registry?: 'true' };

function scopeOf(q: ScopeQuery): TimelineScope | null {
  if (q.registry) return { registry: true };
  if (q.assignmentId) return { assignmentId: q.assignmentId };
  if (q.agencyId) return { agencyId: q.agencyId };
  if (q.directiveId) return { directiveId: q.directiveId, ...(q.taskNo ? { taskNumber: q.taskNo } : {}) };
  return null;
}
const utc = (t?: string) => (t ? new Date(t).toISOString() : undefined);
const filterOf = (q: z.infer<typeof timelineQuery>) => ({
  types: q.type?.split(','),
  userId: q.userId,
  from: utc(q.from),
  to: utc(q.to),
  after: q.after,
  limit: q.limit,
});
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** The inspection API over the audit trail (docs/audit.md, "Inspection API"): read-only, for inspectors and admins. */
@Controller('api/v1/audit')
@Allow(inspectionPolicy.inspect)
export class InspectionController {
  constructor(
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
    @Optional() @Inject(REPORT_FIGURES) private readonly figures?: ReportFigures,
  ) {}

  @Get('verify')
  verify() {
    return this.trail.verify();
  }

  @Get('verify/progress')
  progress() {
    return this.trail.progressReport();
  }

  @Get('public-key')
  @Allow(inspectionPolicy.publicKey)
  publicKey() {
    return { algorithm: 'Ed25519', keyId: this.trail.keys.keyId, pem: this.trail.keys.publicKeyPem };
  }

  @Get('checkpoints')
  async checkpoints(@Query() query: Raw) {
    const { store, limit, after } = validateQuery(checkpointsListQuery, query);
    if (store) this.trail.log(store);
    return this.trail.checkpoints.page(store, { limit, after });
  }

  @Post('checkpoints')
  @HttpCode(201)
  async takeCheckpoint() {
    return { checkpoints: await this.trail.checkpoints.take('on-demand') };
  }

  @Get('tree')
  async tree(@Query() query: Raw) {
    const { store } = validateQuery(storeQuery, query);
    const logs = store ? [this.trail.log(store)] : this.trail.storeNames.map((s) => this.trail.log(s));
    const heads = [];
    for (const log of logs) {
      await log.sync();
      heads.push(await log.head());
    }
    return { trees: heads };
  }

  @Get('export')
  async export(@Query() query: Raw, @Res() reply: FastifyReply) {
    const q = validateQuery(exportQuery, query);
    if (q.period && !this.figures) throw new NotFoundError('This process serves no report figures to export', 'period');
    const period = q.period && this.figures ? { period: q.period, calendar: q.calendar, figures: this.figures } : undefined;
    const scope = q.directiveId ? { directiveId: q.directiveId } : q.year ? { year: q.year } : { all: true as const };
    const lines = exportLines(this.trail, scope, period);
    const first = await lines.next();
    const name = `audit-${q.directiveId ?? q.year ?? 'all'}.jsonl`;
    async function* text() {
      if (!first.done) yield JSON.stringify(first.value) + '\n';
      for await (const line of lines) yield JSON.stringify(line) + '\n';
    }
    return reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(Readable.from(text()));
  }

  @Get('events')
  async events(@Query() query: Raw) {
    const q = validateQuery(timelineQuery, query);
    return this.trail.timeline.read(scopeOf(q)!, filterOf(q));
  }

  @Get('changes')
  async changes(@Query() query: Raw) {
    const q = validateQuery(changesQuery, query);
    const to = utc(q.to) ?? new Date().toISOString();
    return this.trail.timeline.changes(scopeOf(q), utc(q.from)!, to, { ...filterOf({ ...q, from: undefined, to: undefined }) });
  }

  @Get('access-log')
  async accessLog(@Query() query: Raw) {
    const q = validateQuery(accessQuery, query);
    const iso = (t?: string) => (t ? new Date(t).toISOString() : undefined);
    return this.trail.accessLog.read({ ...q, from: iso(q.from), to: iso(q.to) });
  }

  @Get('proofs/inclusion')
  async inclusion(@Query() query: Raw) {
    const q = validateQuery(inclusionQuery, query);
    const log = this.trail.log(q.store);
    await log.sync();
    const head = await log.head();
    const treeSize = q.treeSize ?? head.treeSize;
    if (treeSize > head.treeSize)
      throw new NotFoundError(`The log of ${q.store} holds ${head.treeSize} events, not ${treeSize}`, 'treeSize');
    const index = await log.indexOf(q.position);
    if (index === null) throw new NotFoundError(`No event at position ${q.position} in the log of ${q.store}`, 'position');
    if (index >= treeSize)
      throw new NotFoundError(`The event at position ${q.position} came after the tree of size ${treeSize}`, 'treeSize');
    const [leaf] = await log.leaves(index, 1);
    return {
      store: q.store,
      position: q.position,
      leafIndex: index,
      treeSize,
      leafHash: leaf.toString('hex'),
      rootHash: (await log.rangeHash(0, treeSize)).toString('hex'),
      proof: hex(await log.inclusionProof(index, treeSize)),
    };
  }

  @Get('proofs/consistency')
  async consistency(@Query() query: Raw) {
    const q = validateQuery(consistencyQuery, query);
    const log = this.trail.log(q.store);
    await log.sync();
    const head = await log.head();
    const to = q.to ?? head.treeSize;
    if (to > head.treeSize) throw new NotFoundError(`The log of ${q.store} holds ${head.treeSize} events, not ${to}`, 'to');
    if (q.from > to) throw new NotFoundError(`A tree of ${q.from} is not within a tree of ${to}`, 'from');
    return {
      store: q.store,
      from: q.from,
      to,
      fromRoot: (await log.rangeHash(0, q.from)).toString('hex'),
      toRoot: (await log.rangeHash(0, to)).toString('hex'),
      proof: hex(await log.consistencyProof(q.from, to)),
    };
  }
}
