import type { Actor } from '@dm/contracts';

/** What every command carries besides its data: who sent it, and how it stays idempotent. */
export interface CommandMetadata {
  /** The id of the command's first event: from the Idempotency-Key (scoped to user and route), else a new one. */
  commandId: string;
  /** SHA-256 of the request body, to tell a retry from another body under the same key. */
  bodyHash: string;
  /** True when the client sent an Idempotency-Key. */
  keyed: boolean;
  actor: Actor;
  correlationId: string;
  /** Business time of the command's events (ISO 8601 with offset). */
  occurredAt: string;
}

/**
 * A command as it goes from the route through @nestjs/cqrs to the decider.
 * Each command is a class of its own, so the command bus can find its handler.
 */
export abstract class Command<Type extends string = string, Data = unknown> {
  abstract readonly type: Type;

  constructor(
    readonly data: Readonly<Data>,
    readonly metadata: CommandMetadata,
  ) {}
}
