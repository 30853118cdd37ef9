import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { navigationFor } from '../logic/navigation';
import { UserMenu } from './UserMenu';

/** Moves the focus to the page's content after each navigation, so a keyboard or screen reader starts there. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return main;
}

export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const main = useFocusOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-brand">
          {t('app.name')}
        </Link>
        <UserMenu />
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')} data-testid="main-nav">
          {navigationFor(session.roles).map((section) => (
            <section key={section.labelKey} aria-labelledby={`nav-${section.labelKey}`}>
              <h2 id={`nav-${section.labelKey}`}>{t(section.labelKey)}</h2>
              <ul>
                {section.items.map((item) => (
                  <li key={item.path}>
                    <NavLink to={item.path} end>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <main id="main" className="app-main" tabIndex={-1} ref={main}>
          <ConnectionBanner />
          <Outlet />
        </main>
      </div>
    </>
  );
}
