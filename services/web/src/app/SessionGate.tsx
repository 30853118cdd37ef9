import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { SessionContext, toSession } from '../auth/session-context';
import { useSessionQuery } from '../auth/use-session-query';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { AppShell } from './AppShell';

/** The signed-in part of the app: without a session, the sign-in page (coming back here after). */
export function SessionGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, isPending, refetch } = useSessionQuery();
  if (isPending) return <Loading />;
  if (error) {
    return (
      <main id="main">
        <ConnectionBanner />
        <Notice title={t('errors.sessionUnknown')}>
          <button type="button" className="plain-button" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </Notice>
      </main>
    );
  }
  if (!data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={toSession(data)}>
      <AppShell />
    </SessionContext.Provider>
  );
}
