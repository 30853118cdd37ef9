import { covers, membersOn, nameOn, type RegistryState } from '@dm/registry';
import type { ImportRegistry } from './agencies';

/**
 * The registry as an import reads it on a directive's date: the agencies valid
 * then, each by its name then with that name's aliases and, as aliases too,
 * the names it bore before (a directive may still write an old name); the
 * groups valid then that have members then.
 */
export function importRegistryOf(state: RegistryState, date: string): ImportRegistry {
  const agencies: ImportRegistry['agencies'] = [];
  for (const id of state.order) {
    const a = state.agencies[id];
    if (!covers(a, date)) continue;
    const current = nameOn(a, date);
    const earlier = a.names.filter((n) => n.from <= date && n.name !== current.name).flatMap((n) => [n.name, ...n.aliases]);
    const aliases = [...new Set([...current.aliases, ...earlier])].filter((n) => n !== current.name);
    agencies.push({ id, name: current.name, aliases, kind: a.kind });
  }
  const groups = Object.values(state.groups)
    .filter((g) => covers(g, date) && membersOn(state, g, date).length > 0)
    .map((g) => ({ id: g.id, name: g.name }));
  return { agencies, groups };
}
