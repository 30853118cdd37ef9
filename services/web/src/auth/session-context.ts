import type { SessionAnswer, UserRole } from '@dm/contracts/web';
import { createContext, useContext } from 'react';

export interface Session {
  username: string;
  displayName: string;
  agencyId: string | null;
  roles: UserRole[];
  via: SessionAnswer['via'];
  hasRole: (role: UserRole) => boolean;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person; only under the session gate. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the session gate');
  return session;
}

export function toSession(answer: SessionAnswer): Session {
  const { account } = answer;
  return {
    username: account.username,
    displayName: account.displayName,
    agencyId: account.agencyId,
    roles: account.roles,
    via: answer.via,
    hasRole: (role) => account.roles.includes(role),
  };
}
