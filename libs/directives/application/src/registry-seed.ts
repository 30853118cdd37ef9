import { REGISTRY_STREAM } from '@dm/contracts';
import { handleCommand, type CommandMetadata, type EventStore } from '@dm/eventsourcing';
import { startOfVietnamDay } from '@dm/periods';
import { commandIdentity } from '@dm/platform';
import { defaultEditions, ImportEdition, registryDecider } from '@dm/registry';

/** Who loads the default registry: the system itself, on first start. */
const SYSTEM = { userId: 'system', agencyId: null, role: 'admin' } as const;

/**
 * A fresh install's registry: the default editions, each loaded as an import
 * when the registry's stream is empty. Each import's command id is fixed by
 * its edition, so two services starting together load each edition once.
 */
export async function seedDefaultRegistry(store: EventStore): Promise<number> {
  if ((await store.streamRevision(REGISTRY_STREAM)) !== null) return 0;
  let written = 0;
  for (const edition of defaultEditions()) {
    const metadata: CommandMetadata = {
      ...commandIdentity(SYSTEM.userId, 'default registry', edition.edition, edition),
      actor: { ...SYSTEM },
      correlationId: `default-registry:${edition.edition}`,
      occurredAt: startOfVietnamDay(edition.effectiveOn),
    };
    const outcome = await handleCommand(store, REGISTRY_STREAM, registryDecider, new ImportEdition(edition, metadata), metadata);
    written += outcome.replayed ? 0 : outcome.events.length;
  }
  return written;
}
