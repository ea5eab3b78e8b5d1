import { useEffect, useRef } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { can } from '../../core/permissions.ts';
import { useLogout, useSession } from '../features/auth/session.queries.ts';
import { useLocale } from '../i18n/index.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of every page: skip link, top bar, main navigation and the main landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const user = session.data?.user;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  useFocusHeadingOnNavigation(location.pathname);

  return (
    <I18nProvider locale={locale === 'sv' ? 'sv-SE' : 'en-GB'}>
      <a href="#main" className="skip-link">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <div className="header-tools">
            {user ? (
              <p className="header-user">
                <span className="header-user-name">{user.name}</span>
                <span className="header-user-role">
                  {t(`role.${user.role}`)}, {user.organisationName}
                </span>
              </p>
            ) : null}
            <LanguageSwitch />
            {user ? (
              <Link to="/konto" className="header-button">
                {t('app.account')}
              </Link>
            ) : null}
            {user ? (
              <button
                type="button"
                className="header-button"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
              >
                {t('app.logout')}
              </button>
            ) : null}
          </div>
        </div>
      </header>
      {user ? (
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul className="container main-nav-list">
            <li>
              <NavLink to="/mina-deltagare">{t('nav.caseload')}</NavLink>
            </li>
            <li>
              <NavLink to="/deltagare">{t('nav.participants')}</NavLink>
            </li>
            <li>
              <NavLink to="/remisser" end>
                {t('nav.referrals')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/remisser/import">{t('nav.import')}</NavLink>
            </li>
            <li>
              <NavLink to="/stegtavla">{t('nav.stepBoard')}</NavLink>
            </li>
            <li>
              <NavLink to="/uppfoljning">{t('nav.followUps')}</NavLink>
            </li>
            <li>
              <NavLink to="/program">{t('nav.programmes')}</NavLink>
            </li>
            {can(user.role, 'dashboard.read') ? (
              <li>
                <NavLink to="/oversikt">{t('nav.dashboard')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'funderReport.read') ? (
              <li>
                <NavLink to="/rapporter">{t('nav.funderReports')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'employer.read') ? (
              <li>
                <NavLink to="/arbetsgivare">{t('nav.employers')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'group.manage') || can(user.role, 'participant.read') ? (
              <>
                <li>
                  <NavLink to="/grupper">{t('nav.groups')}</NavLink>
                </li>
                <li>
                  <NavLink to="/schema">{t('nav.schedule')}</NavLink>
                </li>
                <li>
                  <NavLink to="/narvaro">{t('nav.attendance')}</NavLink>
                </li>
              </>
            ) : null}
            {can(user.role, 'survey.manage') ||
            can(user.role, 'survey.link') ||
            can(user.role, 'survey.results') ? (
              <li>
                <NavLink to="/enkater">{t('nav.surveys')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'user.manage') ? (
              <li>
                <NavLink to="/admin/anvandare">{t('nav.users')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'accessLog.read') ? (
              <li>
                <NavLink to="/admin/granskning">{t('nav.accessReview')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'retention.run') ? (
              <li>
                <NavLink to="/admin/gallring">{t('nav.retention')}</NavLink>
              </li>
            ) : null}
            {can(user.role, 'organisation.manage') ? (
              <li>
                <NavLink to="/admin/organisationer">{t('nav.organisations')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {navigation.state === 'loading' ? (
        <div className="route-progress" role="status">
          <span className="visually-hidden">{t('common.loadingPage')}</span>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">{t('app.footer')}</div>
      </footer>
    </I18nProvider>
  );
}

// After a client-side navigation, focus the new page's heading so screen readers announce the page.
function useFocusHeadingOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);
}
