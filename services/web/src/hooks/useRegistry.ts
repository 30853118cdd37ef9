import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { fetchRegistry } from '../api/registry';

const TEN_MINUTES = 10 * 60 * 1000;

/** The registry (every agency and group; with asOf, those valid then, named as then). */
export function useRegistry(asOf?: string) {
  return useQuery({ queryKey: ['registry', asOf ?? null], queryFn: () => fetchRegistry(asOf), staleTime: TEN_MINUTES });
}

/** An agency's or a group's name by its id (the id itself until the registry is read, or when it is unknown). */
export function useAgencyName(): (id: string | null | undefined) => string {
  const { data } = useRegistry();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const group of data?.groups ?? []) map.set(group.id, group.name);
    for (const agency of data?.agencies ?? []) map.set(agency.id, agency.name);
    return map;
  }, [data]);
  return useCallback((id) => (id ? (names.get(id) ?? id) : '—'), [names]);
}
