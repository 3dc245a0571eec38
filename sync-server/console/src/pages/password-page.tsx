/** Change my own password (the current one is asked again). */
import { useState, type FormEvent } from 'react';
import { validateForm } from '@pls/shared/domain';
import { Text } from '@pls/shared/ui';
import { api, type ApiFailure } from '../api';
import { FailureNotice, FieldProblem } from '../messages';
import type { PageProps } from '../shell';

export function PasswordPage({ onUnauthorized }: PageProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const form = validateForm('changePassword', { current, next });
    if (!form.ok) return setFailure({ code: 'invalid_form', issues: form.error });
    const result = await api<void>('POST', '/password', form.value);
    if (!result.ok) {
      if (result.error.code === 'unauthorized') return onUnauthorized();
      return setFailure(result.error);
    }
    setFailure(undefined);
    setCurrent('');
    setNext('');
    setDone(true);
  }
  const issues = failure?.issues ?? [];
  return (
    <section className="console-page">
      <Text as="h1" k="console:password.title" />
      <form className="console-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="console-field">
          <Text k="console:password.current" />
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <FieldProblem issues={issues} field="current" hint="console:login.passwordHint" />
        </label>
        <label className="console-field">
          <Text k="console:password.next" />
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <FieldProblem issues={issues} field="next" hint="console:users.passwordHint" />
        </label>
        <FailureNotice failure={failure?.code === 'invalid_form' ? undefined : failure} />
        {done ? (
          <p className="console-ok" role="status">
            <Text k="console:password.done" />
          </p>
        ) : null}
        <button type="submit" className="console-button">
          <Text k="console:password.submit" />
        </button>
      </form>
    </section>
  );
}
