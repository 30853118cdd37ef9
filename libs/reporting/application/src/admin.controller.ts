import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { Allow } from '@dm/platform';
import { reportingPolicy } from '@dm/reporting-domain';
import { ReadModels } from './read-models';
import { RP_READ_MODELS } from './tokens';

/** Operations on the read models: an online rebuild from the Kafka topics. */
@Controller('api/v1/admin/rebuild')
export class AdminController {
  constructor(@Inject(RP_READ_MODELS) private readonly models: ReadModels) {}

  @Post()
  @HttpCode(202)
  @Allow(reportingPolicy.rebuild)
  start() {
    return this.models.startRebuild();
  }

  @Get()
  @Allow(reportingPolicy.rebuildStatus)
  status() {
    return { servedGeneration: this.models.generation, rebuild: this.models.rebuildStatus() };
  }
}
