import { useQuery } from '@tanstack/react-query';
import { fetchSession } from '../api/auth';
import { setCsrfToken } from '../api/http';

export const SESSION_KEY = ['session'] as const;

/** The session answer, kept while the app runs; its CSRF token goes with every write. */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const answer = await fetchSession();
      setCsrfToken(answer?.csrfToken ?? null);
      return answer;
    },
    staleTime: 5 * 60 * 1000,
  });
}
