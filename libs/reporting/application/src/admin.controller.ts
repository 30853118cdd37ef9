import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { Roles } from '@dm/platform';
import { ReadModels } from './read-models';
import { RP_READ_MODELS } from './tokens';

/** Operations on the read models: an online rebuild from the Kafka topics. */
@Controller('api/v1/admin/rebuild')
export class AdminController {
  constructor(@Inject(RP_READ_MODELS) private readonly models: ReadModels) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  start() {
    return this.models.startRebuild();
  }

  @Get()
  @Roles('admin', 'inspector')
  status() {
    return { servedGeneration: this.models.generation, rebuild: this.models.rebuildStatus() };
  }
}
