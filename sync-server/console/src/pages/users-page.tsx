/** Accounts (admin): list with role, station/region and state; add; disable/enable; reset password. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { USER_ROLE_VALUES, validateForm } from '@pls/shared/domain';
import { Text, useT } from '@pls/shared/ui';
import type { ConsoleUser } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { FailureNotice, FieldProblem } from '../messages';
import type { PageProps } from '../shell';
import { roleKey } from '../role-label';
import { RadioChips } from '../radio-chips';

interface Station {
  id: string;
  name: string;
  regionCode: string;
}

export function UsersPage({ user: me, onUnauthorized }: PageProps) {
  const { t } = useT();
  const [users, setUsers] = useState<ConsoleUser[]>([]);
  const [stations, setStations] = useState<Station[]>([]);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [form, setForm] = useState({
    name: '',
    role: 'station_staff',
    password: '',
    stationId: '',
    regionCode: '',
  });
  const [resetFor, setResetFor] = useState<string | undefined>(undefined);
  const [resetPassword, setResetPassword] = useState('');
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    const [u, s] = await Promise.all([
      api<{ users: ConsoleUser[] }>('GET', '/users'),
      api<{ stations: Station[] }>('GET', '/stations'),
    ]);
    if (!u.ok && u.error.code === 'unauthorized') return onUnauthorized();
    if (u.ok) setUsers(u.value.users);
    else setFailure(u.error);
    if (s.ok) setStations(s.value.stations);
  }, [onUnauthorized]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(result: Promise<{ ok: boolean; error?: ApiFailure }>) {
    const r = await result;
    if (!r.ok) {
      if (r.error?.code === 'unauthorized') return onUnauthorized();
      setFailure(r.error);
      setSaved(false);
      return false;
    }
    setFailure(undefined);
    setSaved(true);
    await load();
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: form.name.trim(),
      role: form.role,
      password: form.password,
      ...(form.role === 'station_staff' && form.stationId ? { stationId: form.stationId } : {}),
      ...(form.role === 'reviewer' && form.regionCode
        ? { regionCode: form.regionCode.trim() }
        : {}),
    };
    const checked = validateForm('addUser', body);
    if (!checked.ok) return setFailure({ code: 'invalid_form', issues: checked.error });
    if (await run(api('POST', '/users', checked.value)))
      setForm({ name: '', role: form.role, password: '', stationId: '', regionCode: '' });
  }

  async function reset(event: FormEvent, id: string) {
    event.preventDefault();
    const checked = validateForm('resetPassword', { password: resetPassword });
    if (!checked.ok) return setFailure({ code: 'invalid_form', issues: checked.error });
    if (await run(api('POST', `/users/${id}/password`, checked.value))) {
      setResetFor(undefined);
      setResetPassword('');
    }
  }

  const issues = failure?.issues ?? [];
  return (
    <section className="console-page">
      <Text as="h1" k="console:users.title" />
      <FailureNotice failure={failure?.code === 'invalid_form' ? undefined : failure} />
      {saved ? (
        <p className="console-ok" role="status">
          <Text k="console:users.saved" />
        </p>
      ) : null}
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">
              <Text k="console:users.name" />
            </th>
            <th scope="col">
              <Text k="console:users.role" />
            </th>
            <th scope="col">
              <Text k="console:users.station" />
            </th>
            <th scope="col">
              <Text k="console:users.region" />
            </th>
            <th scope="col">
              <Text k="console:users.state" />
            </th>
            <th scope="col">
              <Text k="console:users.actions" />
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td lang="zh-Hans-CN">{u.name}</td>
              <td>
                <Text k={roleKey(u.role)} vertical={false} />
              </td>
              <td className="console-mono">{u.stationId ?? '—'}</td>
              <td className="console-mono">{u.regionCode ?? '—'}</td>
              <td>
                <Text
                  k={u.disabledAt ? 'console:users.disabled' : 'console:users.active'}
                  vertical={false}
                />
              </td>
              <td className="console-actions">
                {u.id !== me.id ? (
                  <button
                    type="button"
                    className="console-button console-button--quiet"
                    onClick={() =>
                      void run(api('POST', `/users/${u.id}/disabled`, { disabled: !u.disabledAt }))
                    }
                  >
                    <Text
                      k={u.disabledAt ? 'console:users.enable' : 'console:users.disable'}
                      vertical={false}
                    />
                  </button>
                ) : null}
                {resetFor === u.id ? (
                  <form onSubmit={(e) => void reset(e, u.id)} className="console-inline-form">
                    <input
                      type="password"
                      autoComplete="new-password"
                      aria-label={t('console:users.newPassword')}
                      value={resetPassword}
                      onChange={(e) => setResetPassword(e.target.value)}
                    />
                    <button type="submit" className="console-button">
                      <Text k="console:users.resetSubmit" vertical={false} />
                    </button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="console-button console-button--quiet"
                    onClick={() => setResetFor(u.id)}
                  >
                    <Text k="console:users.reset" vertical={false} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="console-form console-panel" onSubmit={(e) => void add(e)} noValidate>
        <Text as="h2" k="console:users.add" />
        <label className="console-field">
          <Text k="console:users.name" />
          <input
            value={form.name}
            autoComplete="off"
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <FieldProblem issues={issues} field="name" hint="console:users.nameHint" />
        </label>
        <RadioChips
          label="console:users.role"
          options={USER_ROLE_VALUES.map((role) => ({
            value: role,
            content: <Text k={roleKey(role)} />,
          }))}
          value={form.role as (typeof USER_ROLE_VALUES)[number]}
          onChange={(role) => setForm({ ...form, role })}
        />
        {form.role === 'station_staff' ? (
          <RadioChips
            label="console:users.station"
            options={stations.map((s) => ({
              value: s.id,
              content: <span lang="zh-Hans-CN">{s.name}</span>,
            }))}
            value={form.stationId}
            onChange={(stationId) => setForm({ ...form, stationId })}
          >
            <FieldProblem issues={issues} field="stationId" hint="console:users.stationHint" />
          </RadioChips>
        ) : null}
        {form.role === 'reviewer' ? (
          <label className="console-field">
            <Text k="console:users.region" />
            <input
              inputMode="numeric"
              value={form.regionCode}
              onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
            />
            <FieldProblem issues={issues} field="regionCode" hint="console:users.regionHint" />
          </label>
        ) : null}
        <label className="console-field">
          <Text k="console:users.password" />
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <FieldProblem issues={issues} field="password" hint="console:users.passwordHint" />
        </label>
        <button type="submit" className="console-button">
          <Text k="console:users.addSubmit" />
        </button>
      </form>
    </section>
  );
}
