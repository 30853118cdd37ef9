import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { fetchDirective } from '../api/directives';

/** Beyond this many directives a list shows task numbers only, rather than reading every directive. */
const MAX_DIRECTIVES = 20;

/** The texts of the tasks of some directives, by directive and task number (read from each directive once). */
export function useTaskTexts(directiveIds: string[]): (directiveId: string, taskNumber: string) => string | undefined {
  const unique = useMemo(() => {
    const ids = [...new Set(directiveIds)].sort();
    return ids.length > MAX_DIRECTIVES ? [] : ids;
  }, [directiveIds]);
  const directives = useQueries({
    queries: unique.map((id) => ({ queryKey: ['directive', id, {}], queryFn: () => fetchDirective(id), staleTime: 5 * 60 * 1000 })),
  });
  const texts = useMemo(() => {
    const map = new Map<string, string>();
    for (const { data } of directives) for (const task of data?.tasks ?? []) map.set(`${data?.id}|${task.number}`, task.text);
    return map;
  }, [directives]);
  return useCallback((directiveId, taskNumber) => texts.get(`${directiveId}|${taskNumber}`), [texts]);
}
