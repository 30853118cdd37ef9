import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { asOfQuery } from '@dm/contracts';
import { NotFoundError } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import { Allow, validateQuery } from '@dm/platform';
import { directivesPolicy } from '@dm/directives-domain';
import type { AgencyRegistry } from '@dm/registry';
import { TA_REGISTRY } from './tokens';

/** The agency registry: agencies and groups, with a group's members as of a date. */
@Controller('api/v1/agencies')
@Allow(directivesPolicy.readRegistry)
export class RegistryController {
  constructor(@Inject(TA_REGISTRY) private readonly registry: AgencyRegistry) {}

  @Get()
  list() {
    return { version: this.registry.version, agencies: this.registry.agencies(), groups: this.registry.groups() };
  }

  @Get('groups/:id')
  group(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const asOf = validateQuery(asOfQuery, query).asOf ?? today();
    const snapshot = this.registry.snapshot(asOf);
    const group = Object.hasOwn(snapshot.groups, id) ? snapshot.groups[id] : undefined;
    if (!group) throw new NotFoundError(`No group ${id}`);
    return { ...group, asOf, members: group.members.map((m) => snapshot.agencies[m]) };
  }
}
