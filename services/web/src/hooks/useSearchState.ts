import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A page's choices kept in its address (?asOf=…), so a view can be linked, reloaded and gone back to. */
export function useSearchState<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name)])) as Record<K, string | null>;
  const set = useCallback(
    (changes: Partial<Record<K, string | null | undefined>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes) as Array<[string, string | null | undefined]>) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set] as const;
}
