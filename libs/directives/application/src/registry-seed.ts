import { REGISTRY_STREAM } from '@dm/contracts';
import { handleCommand, IdempotencyKeyReusedError, type CommandMetadata, type EventStore } from '@dm/eventsourcing';
import { startOfVietnamDay } from '@dm/periods';
import { commandIdentity } from '@dm/platform';
import { defaultEditions, ImportEdition, registryDecider } from '@dm/registry';

/** Who loads the default registry: the system itself, on first start. */
const SYSTEM = { userId: 'system', agencyId: null, role: 'admin' } as const;

/**
 * The default editions, each loaded once as an import on start. Each
 * import's command id is fixed by its edition: one already loaded answers
 * its first result (two services starting together, or a start after a
 * crash between two editions, load each once), and a default edition added
 * by a later version is loaded on the first start of that version.
 */
export async function seedDefaultRegistry(store: EventStore): Promise<number> {
  let written = 0;
  for (const edition of defaultEditions()) {
    const metadata: CommandMetadata = {
      ...commandIdentity(SYSTEM.userId, 'default registry', edition.edition, edition),
      actor: { ...SYSTEM },
      correlationId: `default-registry:${edition.edition}`,
      occurredAt: startOfVietnamDay(edition.effectiveOn),
    };
    try {
      const outcome = await handleCommand(store, REGISTRY_STREAM, registryDecider, new ImportEdition(edition, metadata), metadata);
      written += outcome.replayed ? 0 : outcome.events.length;
    } catch (error) {
      // The edition was loaded as it read then; what a later version changed in it comes as an edition of its own.
      if (!(error instanceof IdempotencyKeyReusedError)) throw error;
    }
  }
  return written;
}
