/**
 * Stations and enrollment codes: the stations of the user's scope (add, rename, move to another
 * region — admins and reviewers), and one-time codes that enroll a kiosk at a station or a TV
 * box in a household, shown once as text and as a QR code the device's setup screen reads.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { validateForm, type EnrollCodeForm } from '@pls/shared/domain';
import { QrCode } from '@pls/shared/print';
import { familyKey } from '@pls/shared/i18n';
import { Text, useT } from '@pls/shared/ui';
import type { CodeSummary, IssuedCode, StationSummary } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { FailureNotice, FieldProblem } from '../messages';
import { RadioChips } from '../radio-chips';
import type { PageProps } from '../shell';
import { When } from '../when';

const CODE_STATE = {
  open: 'console:fleet.codeStateOpen',
  used: 'console:fleet.codeStateUsed',
  expired: 'console:fleet.codeStateExpired',
} as const;

export function StationsPage({ user, onUnauthorized }: PageProps) {
  const { t } = useT();
  const manages = user.role !== 'station_staff';
  const [stations, setStations] = useState<StationSummary[]>([]);
  const [codes, setCodes] = useState<CodeSummary[]>([]);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState<{ id: string; name: string; regionCode: string }>();
  const [form, setForm] = useState({ id: '', name: '', regionCode: user.regionCode ?? '' });
  const [code, setCode] = useState<{
    kind: 'kiosk' | 'tv';
    stationId: string;
    householdId: string;
  }>({ kind: 'kiosk', stationId: user.stationId ?? '', householdId: '' });
  const [issued, setIssued] = useState<IssuedCode | undefined>(undefined);

  const load = useCallback(async () => {
    const [s, c] = await Promise.all([
      api<{ stations: StationSummary[] }>('GET', '/fleet/stations'),
      api<{ codes: CodeSummary[] }>('GET', '/fleet/codes'),
    ]);
    if (!s.ok && s.error.code === 'unauthorized') return onUnauthorized();
    if (s.ok) setStations(s.value.stations);
    else setFailure(s.error);
    if (c.ok) setCodes(c.value.codes);
  }, [onUnauthorized]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run<T>(
    result: Promise<{ ok: true; value: T } | { ok: false; error: ApiFailure }>,
  ) {
    const r = await result;
    if (!r.ok) {
      if (r.error.code === 'unauthorized') return onUnauthorized();
      setFailure(r.error);
      setSaved(false);
      return undefined;
    }
    setFailure(undefined);
    setSaved(true);
    await load();
    return r.value;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm('addStation', {
      id: form.id.trim(),
      name: form.name.trim(),
      regionCode: form.regionCode.trim(),
    });
    if (!checked.ok) return setFailure({ code: 'invalid_form', issues: checked.error });
    if (await run(api('POST', '/fleet/stations', checked.value)))
      setForm({ id: '', name: '', regionCode: form.regionCode });
  }

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const checked = validateForm('editStation', {
      name: editing.name.trim(),
      regionCode: editing.regionCode.trim(),
    });
    if (!checked.ok) return setFailure({ code: 'invalid_form', issues: checked.error });
    if (await run(api('POST', `/fleet/stations/${editing.id}`, checked.value)))
      setEditing(undefined);
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    const body: EnrollCodeForm =
      code.kind === 'kiosk'
        ? { kind: 'kiosk', stationId: code.stationId }
        : {
            kind: 'tv',
            householdId: code.householdId.trim(),
            ...(user.regionCode ? { regionCode: user.regionCode } : {}),
          };
    const checked = validateForm('enrollCode', body);
    if (!checked.ok) return setFailure({ code: 'invalid_form', issues: checked.error });
    const answer = await run(api<{ code: IssuedCode }>('POST', '/fleet/codes', checked.value));
    setIssued(answer?.code);
  }

  const issues = failure?.issues ?? [];
  return (
    <section className="console-page">
      <div className="console-page__head">
        <Text as="h1" k="console:fleet.stationsTitle" />
        <a
          className="console-button console-button--quiet"
          href="/console/api/fleet/stations.csv"
          download
        >
          <Text k="console:fleet.exportCsv" />
        </a>
      </div>
      <FailureNotice failure={failure?.code === 'invalid_form' ? undefined : failure} />
      {saved ? (
        <p className="console-ok" role="status">
          <Text k="console:fleet.saved" />
        </p>
      ) : null}
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">
              <Text k="console:fleet.id" />
            </th>
            <th scope="col">
              <Text k="console:fleet.name" />
            </th>
            <th scope="col">
              <Text k="console:fleet.region" />
            </th>
            <th scope="col">
              <Text k="console:fleet.deviceCount" />
            </th>
            {manages ? (
              <th scope="col">
                <Text k="console:fleet.actions" />
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {stations.map((s) =>
            editing?.id === s.id ? (
              <tr key={s.id}>
                <td className="console-mono">{s.id}</td>
                <td colSpan={3}>
                  <form className="console-inline-form" onSubmit={(e) => void saveEdit(e)}>
                    <input
                      aria-label={t('console:fleet.name')}
                      lang="zh-Hans-CN"
                      value={editing.name}
                      onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                    />
                    <input
                      aria-label={t('console:fleet.region')}
                      inputMode="numeric"
                      value={editing.regionCode}
                      onChange={(e) => setEditing({ ...editing, regionCode: e.target.value })}
                    />
                    <button type="submit" className="console-button">
                      <Text k="console:fleet.save" vertical={false} />
                    </button>
                    <button
                      type="button"
                      className="console-button console-button--quiet"
                      onClick={() => setEditing(undefined)}
                    >
                      <Text k="console:fleet.cancel" vertical={false} />
                    </button>
                  </form>
                  <FieldProblem issues={issues} field="name" hint="console:fleet.nameHint" />
                  <FieldProblem
                    issues={issues}
                    field="regionCode"
                    hint="console:fleet.regionHint"
                  />
                </td>
              </tr>
            ) : (
              <tr key={s.id}>
                <td className="console-mono">{s.id}</td>
                <td lang="zh-Hans-CN">{s.name}</td>
                <td className="console-mono">{s.regionCode}</td>
                <td className="console-mono">
                  {s.activeDevices}/{s.devices}
                </td>
                {manages ? (
                  <td className="console-actions">
                    <button
                      type="button"
                      className="console-button console-button--quiet"
                      onClick={() =>
                        setEditing({ id: s.id, name: s.name, regionCode: s.regionCode })
                      }
                    >
                      <Text k="console:fleet.edit" vertical={false} />
                    </button>
                  </td>
                ) : null}
              </tr>
            ),
          )}
        </tbody>
      </table>

      {manages ? (
        <form className="console-form console-panel" onSubmit={(e) => void add(e)} noValidate>
          <Text as="h2" k="console:fleet.addStation" />
          <label className="console-field">
            <Text k="console:fleet.id" />
            <input
              value={form.id}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, id: e.target.value })}
            />
            <FieldProblem issues={issues} field="id" hint="console:fleet.idHint" />
          </label>
          <label className="console-field">
            <Text k="console:fleet.name" />
            <input
              value={form.name}
              lang="zh-Hans-CN"
              autoComplete="off"
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            <FieldProblem issues={issues} field="name" hint="console:fleet.nameHint" />
          </label>
          <label className="console-field">
            <Text k="console:fleet.region" />
            <input
              value={form.regionCode}
              inputMode="numeric"
              onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
            />
            <FieldProblem issues={issues} field="regionCode" hint="console:fleet.regionHint" />
          </label>
          <button type="submit" className="console-button">
            <Text k="console:fleet.addStationSubmit" />
          </button>
        </form>
      ) : null}

      <div className="console-page__head">
        <Text as="h2" k="console:fleet.codesTitle" />
        <a
          className="console-button console-button--quiet"
          href="/console/api/fleet/codes.csv"
          download
        >
          <Text k="console:fleet.exportCsv" />
        </a>
      </div>
      <form className="console-form console-panel" onSubmit={(e) => void issue(e)} noValidate>
        <RadioChips
          label="console:fleet.codeFor"
          options={(['kiosk', 'tv'] as const).map((kind) => ({
            value: kind,
            content: <Text k={familyKey('console:fleet.kind', kind)} />,
          }))}
          value={code.kind}
          onChange={(kind) => setCode({ ...code, kind })}
        />
        {code.kind === 'kiosk' ? (
          <RadioChips
            label="console:fleet.station"
            options={stations.map((s) => ({
              value: s.id,
              content: <span lang="zh-Hans-CN">{s.name}</span>,
            }))}
            value={code.stationId}
            onChange={(stationId) => setCode({ ...code, stationId })}
          >
            <FieldProblem issues={issues} field="stationId" hint="console:fleet.stationHint" />
          </RadioChips>
        ) : (
          <label className="console-field">
            <Text k="console:fleet.household" />
            <input
              value={code.householdId}
              autoComplete="off"
              onChange={(e) => setCode({ ...code, householdId: e.target.value })}
            />
            <FieldProblem issues={issues} field="householdId" hint="console:fleet.householdHint" />
          </label>
        )}
        <button type="submit" className="console-button">
          <Text k="console:fleet.issue" />
        </button>
      </form>
      {issued ? (
        <div className="console-panel console-issued" role="status">
          <p>
            <Text k="console:fleet.issued" values={{ at: new Date(issued.expiresAt) }} />
          </p>
          <p className="console-issued__code" data-testid="enroll-code">
            {issued.code}
          </p>
          <QrCode
            text={issued.code}
            sizeMm={40}
            label={t('console:fleet.qrLabel', { code: issued.code })}
          />
          <p>
            <Text k="console:fleet.issuedHow" />
          </p>
        </div>
      ) : null}
      {codes.length === 0 ? (
        <p className="console-empty">
          <Text k="console:fleet.noCodes" />
        </p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">
                <Text k="console:fleet.codeFor" />
              </th>
              <th scope="col">
                <Text k="console:fleet.codeTarget" />
              </th>
              <th scope="col">
                <Text k="console:fleet.codeCreated" />
              </th>
              <th scope="col">
                <Text k="console:fleet.codeExpires" />
              </th>
              <th scope="col">
                <Text k="console:fleet.codeState" />
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={`${c.createdAt}-${c.stationId ?? c.householdId}`}>
                <td>
                  <Text k={familyKey('console:fleet.kind', c.kind)} vertical={false} />
                </td>
                <td className="console-mono">{c.stationId ?? c.householdId}</td>
                <td>
                  <When at={c.createdAt} />
                </td>
                <td>
                  <When at={c.expiresAt} />
                </td>
                <td>
                  <Text k={CODE_STATE[c.state]} vertical={false} />
                  {c.deviceId ? <span className="console-mono"> {c.deviceId}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
