import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { signOut } from '../api/auth';
import { setCsrfToken } from '../api/http';
import { useSession } from '../auth/session-context';
import { useAgencyName } from '../hooks/useRegistry';
import { LanguageSwitch } from './LanguageSwitch';

/** Who is signed in, for which agency; the language; signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const agencyName = useAgencyName();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const leave = async () => {
    try {
      await signOut();
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      navigate('/sign-in', { replace: true });
    }
  };

  return (
    <div className="header-menu">
      <Link to="/account" data-testid="current-user">
        {session.displayName}
        {session.agencyId ? ` — ${agencyName(session.agencyId)}` : ''}
      </Link>
      <LanguageSwitch />
      {session.via === 'session' ? (
        <button type="button" className="header-button" onClick={() => void leave()} data-testid="sign-out">
          {t('auth.signOut')}
        </button>
      ) : null}
    </div>
  );
}
