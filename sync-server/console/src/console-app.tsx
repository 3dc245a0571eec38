/**
 * The console: the login page until a session exists, then the shell with its pages. A 401 from
 * any page (session ended, account disabled) returns to the login page.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text } from '@pls/shared/ui';
import type { ConsoleUser } from '../../src/console/api-types';
import { api, loadSession, setCsrfToken } from './api';
import { LetterPage } from './pages/letter-page';
import { LoginPage } from './pages/login-page';
import { Shell } from './shell';
import { parseRoute, pathOf, type Route } from './routes';

export function ConsoleApp() {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));

  const refresh = useCallback(async () => {
    const session = await loadSession();
    setUser(session.ok ? session.value.user : null);
  }, []);
  useEffect(() => {
    void refresh();
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [refresh]);

  const navigate = useCallback((next: Route) => {
    window.history.pushState(null, '', pathOf(next));
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  if (user === undefined)
    return (
      <main className="console-loading">
        <Text k="console:app.loading" />
      </main>
    );
  if (user === null)
    return (
      <LoginPage
        onSignedIn={(info) => {
          setCsrfToken(info.csrfToken);
          setUser(info.user);
        }}
      />
    );
  if (route.page === 'letter')
    return (
      <LetterPage
        trackingCode={route.trackingCode}
        onBack={() => navigate({ page: 'case', trackingCode: route.trackingCode })}
        onUnauthorized={() => void refresh()}
      />
    );
  return (
    <Shell
      user={user}
      route={route}
      navigate={navigate}
      onUnauthorized={() => void refresh()}
      onLogout={() =>
        void api('POST', '/logout').then(async () => {
          // The next person to sign in at this desk starts at the inbox, not at our last page.
          navigate({ page: 'inbox' });
          await refresh();
        })
      }
    />
  );
}
