import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { Notice } from '../components/Notice';
import { homePathFor, mayOpen } from '../logic/navigation';

/** A page of the navigation opens only for the roles given it. */
export function RoleGuard() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const { pathname } = useLocation();
  if (!mayOpen(pathname, roles)) return <Notice title={t('errors.pageForbidden')} testId="forbidden" />;
  return <Outlet />;
}

export function HomeRedirect() {
  const { roles } = useSession();
  return <Navigate to={homePathFor(roles)} replace />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Notice title={t('errors.notFound')} testId="not-found" />;
}
