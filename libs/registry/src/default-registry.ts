import type { Edition } from '@dm/contracts';
import thanhHoa2017 from './data/thanh-hoa-2017.json';
import samSon2017 from './data/thanh-hoa-2017-04-sam-son.json';
import nghiSon2020 from './data/thanh-hoa-2020-06-nghi-son.json';
import thanhHoa2025 from './data/thanh-hoa-2025.json';
import { parseEdition } from './edition';
import { AgencyRegistry } from './registry';
import { decideImport, registryDecider } from './registry.decider';
import type { RegistryState } from './registry-state';

/**
 * The editions a fresh install loads, in order (libs/registry/src/data/README.md):
 * Thanh Hóa as of 2017 (valid from 01/01/2016, with the bodies beyond the
 * province), Sầm Sơn a city (2017), Nghi Sơn a town (2020), and the 2025
 * reform (departments merged on 01/03/2025, districts ended and communes
 * begun on 01/07/2025).
 */
export const defaultEditions = (): Edition[] => [thanhHoa2017, samSon2017, nghiSon2020, thanhHoa2025].map(parseEdition);

/** The default registry folded in memory, without a store: for specs and tools that need the registry as a fresh install has it. */
export function defaultRegistry(): AgencyRegistry {
  let state: RegistryState = registryDecider.initialState();
  let revision = -1;
  for (const edition of defaultEditions()) {
    const events = decideImport(edition, state);
    state = registryDecider.evolveMany!(state, events);
    revision += events.length;
  }
  return new AgencyRegistry(state, registryVersion(revision));
}

/** The version a directive records: the registry as known after revision `revision` of its stream. */
export const registryVersion = (revision: number) => `registry@r${revision}`;
