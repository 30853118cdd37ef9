import { useSearchState } from '../../hooks/useSearchState';

const NAMES = ['directive', 'task', 'assignment', 'asOf', 'knownAt'] as const;

/** The history asked for, in the address: a link from a directive's task or an assignment opens it. */
export function useHistoryChoice() {
  const [values, set] = useSearchState(NAMES);
  return { values, set };
}
export type HistoryChoice = ReturnType<typeof useHistoryChoice>;
