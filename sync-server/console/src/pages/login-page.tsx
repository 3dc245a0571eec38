/**
 * Sign-in. A first-visit screen, so its title and labels show Mongolian and Chinese together
 * (mongolian-ui-and-tv.md); the form is checked with the server's own schema before it is sent.
 */
import { useState, type FormEvent } from 'react';
import { validateForm } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import { Text } from '@pls/shared/ui';
import type { SessionInfo } from '../../../src/console/api-types';
import { api, loadSession, type ApiFailure } from '../api';
import { FailureNotice, FieldProblem } from '../messages';

function Both({ k, as = 'span' }: { k: TranslationKey; as?: 'span' | 'h1' | 'p' }) {
  return (
    <span className="console-both">
      <Text as={as} k={k} lang="mn-Mong" />
      <Text as={as} k={k} lang="zh-Hans" />
    </span>
  );
}

export function LoginPage({ onSignedIn }: { onSignedIn: (info: SessionInfo) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = validateForm('login', { name: name.trim(), password });
    if (!form.ok) return setFailure({ code: 'invalid_form', issues: form.error });
    setBusy(true);
    // A fresh CSRF token for this browser's (anonymous) session, then the login itself.
    await loadSession();
    const result = await api<SessionInfo>('POST', '/login', form.value);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setPassword('');
    onSignedIn(result.value);
  }

  const issues = failure?.issues ?? [];
  return (
    <main className="console-login">
      <form className="console-login__card" onSubmit={(e) => void submit(e)} noValidate>
        <Both as="h1" k="console:login.title" />
        <label className="console-field">
          <Both k="console:login.name" />
          <input
            name="name"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={issues.some((i) => i.path === '/name')}
          />
          <FieldProblem issues={issues} field="name" hint="console:login.nameHint" />
        </label>
        <label className="console-field">
          <Both k="console:login.password" />
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={issues.some((i) => i.path === '/password')}
          />
          <FieldProblem issues={issues} field="password" hint="console:login.passwordHint" />
        </label>
        <FailureNotice failure={failure?.code === 'invalid_form' ? undefined : failure} />
        <button type="submit" className="console-button" disabled={busy}>
          <Both k="console:login.submit" />
        </button>
        <p className="console-login__note">
          <Both k="console:login.note" />
        </p>
      </form>
    </main>
  );
}
