import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { InspectionController } from './inspection.controller';
import { AUDIT_TRAIL } from './tokens';

/** The inspection routes over an audit trail the composition has started. */
@Module({})
export class InspectionModule implements OnModuleDestroy {
  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  static register(trail: AuditTrail): DynamicModule {
    return { module: InspectionModule, controllers: [InspectionController], providers: [{ provide: AUDIT_TRAIL, useValue: trail }] };
  }

  async onModuleDestroy() {
    await this.trail.stop();
  }
}
