/** Top bar (title, pages the role may open, who is signed in, language, sign out) and the page. */
import { LanguageSwitch, Text, useLanguage } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';
import type { ConsoleUser } from '../../src/console/api-types';
import { rememberLanguage } from './language-memory';
import { AuditPage } from './pages/audit-page';
import { CasePage } from './pages/case-page';
import { DashboardPage } from './pages/dashboard-page';
import { DevicesPage } from './pages/devices-page';
import { StationsPage } from './pages/stations-page';
import { InboxPage } from './pages/inbox-page';
import { PasswordPage } from './pages/password-page';
import { UsersPage } from './pages/users-page';
import type { Route } from './routes';
import { roleKey } from './role-label';
import { useEffect } from 'react';

export interface PageProps {
  readonly user: ConsoleUser;
  readonly navigate: (route: Route) => void;
  readonly onUnauthorized: () => void;
}

const NAV: readonly { page: Route['page']; label: TranslationKey; admin?: true }[] = [
  { page: 'inbox', label: 'console:nav.inbox' },
  { page: 'users', label: 'console:nav.users', admin: true },
  { page: 'audit', label: 'console:nav.audit', admin: true },
  { page: 'password', label: 'console:nav.password' },
  { page: 'dashboard', label: 'console:nav.dashboard' },
  { page: 'stations', label: 'console:nav.stations' },
  { page: 'devices', label: 'console:nav.devices' },
];

export function Shell({
  user,
  route,
  navigate,
  onUnauthorized,
  onLogout,
}: PageProps & { route: Route; onLogout: () => void }) {
  const { language } = useLanguage();
  useEffect(() => rememberLanguage(language), [language]);
  const props = { user, navigate, onUnauthorized };
  return (
    <div className="console-shell" data-language={language}>
      <header className="console-bar">
        <Text as="strong" k="console:app.title" className="console-bar__title" />
        <nav className="console-bar__nav" aria-label={undefined}>
          {NAV.filter((n) => !n.admin || user.role === 'admin').map((n) => (
            <button
              key={n.page}
              type="button"
              className="console-nav-button"
              aria-current={route.page === n.page ? 'page' : undefined}
              onClick={() => navigate({ page: n.page } as Route)}
            >
              <Text k={n.label} />
            </button>
          ))}
        </nav>
        <div className="console-bar__user">
          <span className="console-user-name" lang="zh-Hans-CN">
            {user.name}
          </span>
          <Text k={roleKey(user.role)} />
          <LanguageSwitch />
          <button type="button" className="console-button console-button--quiet" onClick={onLogout}>
            <Text k="console:nav.logout" />
          </button>
        </div>
      </header>
      <main className="console-main">
        {route.page === 'inbox' ? <InboxPage {...props} /> : null}
        {route.page === 'case' ? <CasePage {...props} trackingCode={route.trackingCode} /> : null}
        {route.page === 'users' ? <UsersPage {...props} /> : null}
        {route.page === 'audit' ? <AuditPage {...props} /> : null}
        {route.page === 'password' ? <PasswordPage {...props} /> : null}
        {route.page === 'stations' ? <StationsPage {...props} /> : null}
        {route.page === 'devices' ? <DevicesPage {...props} /> : null}
        {route.page === 'dashboard' ? <DashboardPage {...props} /> : null}
      </main>
    </div>
  );
}
