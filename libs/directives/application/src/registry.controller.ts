import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { isIsoDate, vietnamDate } from '@dm/periods';
import { problems } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { TA_REGISTRY } from './tokens';

/** The agency registry: agencies and groups, with a group's members as of a date. */
@Controller('api/v1/agencies')
export class RegistryController {
  constructor(@Inject(TA_REGISTRY) private readonly registry: AgencyRegistry) {}

  @Get()
  list() {
    return { version: this.registry.version, agencies: this.registry.agencies(), groups: this.registry.groups() };
  }

  @Get('groups/:id')
  group(@Param('id') id: string, @Query('asOf') asOf?: string) {
    if (asOf !== undefined && !isIsoDate(asOf)) throw problems.invalid([{ field: 'asOf', message: 'must be a date YYYY-MM-DD' }]);
    const snapshot = this.registry.snapshot(asOf ?? vietnamDate(new Date()));
    const group = snapshot.groups[id];
    if (!group) throw problems.notFound(`No group ${id}`);
    return { ...group, asOf: asOf ?? vietnamDate(new Date()), members: group.members.map((m) => snapshot.agencies[m]) };
  }
}
