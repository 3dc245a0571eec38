/**
 * Test support: a browser of the staff console through app.inject. It keeps the session cookie
 * and the CSRF token like the console app does, from one remote address.
 */
import type { SessionInfo } from '../console/api-types';
import { SESSION_COOKIE } from '../console/console-plugin';
import type { TestServer } from './test-server';

export const PASSWORD = 'correct horse battery';

/** A browser: keeps the session cookie and the CSRF token like the console app does. */
export class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(
    private readonly server: TestServer,
    private readonly address = '127.0.0.1',
  ) {}

  async request(method: 'GET' | 'POST', url: string, body?: unknown, csrf = true) {
    const response = await this.server.app.inject({
      method,
      url,
      remoteAddress: this.address,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf && this.csrf && method === 'POST' ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) this.cookie = `${set.name}=${set.value}`;
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      cookies: response.cookies,
      text: response.body,
      json: (type.includes('json') ? JSON.parse(response.body) : null) as Record<string, unknown>,
    };
  }

  async session(): Promise<SessionInfo> {
    const r = await this.request('GET', '/console/api/session');
    const info = r.json as unknown as SessionInfo;
    this.csrf = info.csrfToken;
    return info;
  }

  async login(name: string, password = PASSWORD) {
    await this.session();
    const r = await this.request('POST', '/console/api/login', { name, password });
    if (r.status === 200) this.csrf = (r.json as unknown as SessionInfo).csrfToken;
    return r;
  }
}
