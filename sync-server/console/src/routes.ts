/** The console's few pages, as paths under /console/ (the server answers index.html for all). */
export type Route =
  | { readonly page: 'inbox' }
  | { readonly page: 'case'; readonly trackingCode: string }
  /** The decision letter on its own, without the bar, for printing or saving as PDF. */
  | { readonly page: 'letter'; readonly trackingCode: string }
  | { readonly page: 'users' }
  | { readonly page: 'audit' }
  | { readonly page: 'password' }
  | { readonly page: 'stations' }
  | { readonly page: 'devices' }
  | { readonly page: 'dashboard' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.replace(/^\/console\/?/, '');
  const caseMatch = /^cases\/([0-9A-Z]{11})$/.exec(rest);
  if (caseMatch) return { page: 'case', trackingCode: caseMatch[1]! };
  const letterMatch = /^cases\/([0-9A-Z]{11})\/letter$/.exec(rest);
  if (letterMatch) return { page: 'letter', trackingCode: letterMatch[1]! };
  if (rest === 'users') return { page: 'users' };
  if (rest === 'audit') return { page: 'audit' };
  if (rest === 'password') return { page: 'password' };
  if (rest === 'stations' || rest === 'devices' || rest === 'dashboard') return { page: rest };
  return { page: 'inbox' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'inbox':
      return '/console/';
    case 'case':
      return `/console/cases/${route.trackingCode}`;
    case 'letter':
      return `/console/cases/${route.trackingCode}/letter`;
    case 'users':
    case 'audit':
    case 'password':
    case 'stations':
    case 'devices':
    case 'dashboard':
      return `/console/${route.page}`;
  }
}
