import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Authenticator, AUTHENTICATOR, AuthGuard, TOKEN_SERVICE } from '../auth/auth.guard';
import { TokenService } from '../auth/token-service';
import { SESSION_RESOLVER, type SessionResolver } from '../auth/sessions';
import { Metrics } from '../metrics/metrics';
import { CHECKPOINTS, type CheckpointDirectory } from './audit-links';
import { CONSISTENCY, type Consistency } from './consistency';
import { HEALTH_CHECKS, METRICS, OPENAPI_DOCUMENT, PlatformController, type HealthCheck } from './platform.controller';
import { ProblemFilter } from './problem.filter';

export interface PlatformOptions {
  tokens: TokenService;
  metrics: Metrics;
  consistency: Consistency;
  healthChecks: HealthCheck[];
  openapi: object;
  /** Signed checkpoints, where this process keeps the audit trail; reports then name the ones they were computed at. */
  checkpoints?: CheckpointDirectory;
  /** Browser sessions (cookie), where this process accepts them. */
  sessions?: SessionResolver;
}

/** Authentication, problem+json errors, consistency, health, metrics and docs, shared by every service. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [PlatformController],
      providers: [
        { provide: TOKEN_SERVICE, useValue: options.tokens },
        { provide: AUTHENTICATOR, useValue: new Authenticator(options.tokens, options.sessions) },
        { provide: METRICS, useValue: options.metrics },
        { provide: CONSISTENCY, useValue: options.consistency },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: OPENAPI_DOCUMENT, useValue: options.openapi },
        { provide: CHECKPOINTS, useValue: options.checkpoints ?? { at: async () => [], take: async () => [] } },
        ...(options.sessions ? [{ provide: SESSION_RESOLVER, useValue: options.sessions }] : []),
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [TOKEN_SERVICE, AUTHENTICATOR, METRICS, CONSISTENCY, CHECKPOINTS],
    };
  }
}
