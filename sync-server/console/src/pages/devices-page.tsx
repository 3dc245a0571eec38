/**
 * The devices of the user's scope with what their heartbeat says (last seen, sync lag, outbox
 * depth, free storage, app and content versions), and revoke with a reason the device then
 * shows in its own language.
 */
import { useCallback, useEffect, useState } from 'react';
import { REVOKE_REASONS, type RevokeReason } from '@pls/shared/domain';
import { familyKey } from '@pls/shared/i18n';
import { Text, useT } from '@pls/shared/ui';
import type { FleetDevice } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { FailureNotice, FieldProblem } from '../messages';
import { RadioChips } from '../radio-chips';
import type { PageProps } from '../shell';
import { When } from '../when';

export const SILENT_DAYS = 3;

export function DeviceState({ device }: { device: FleetDevice }) {
  const { t } = useT();
  if (!device.revokedAt) return <Text k="console:fleet.active" vertical={false} />;
  return (
    <Text
      k="console:fleet.revoked"
      vertical={false}
      values={{
        reason: device.revokeReason ? t(familyKey('domain:revokeReason', device.revokeReason)) : '',
      }}
    />
  );
}

/** One row of the device table (also the dashboard's silent devices). */
export function DeviceCells({ device }: { device: FleetDevice }) {
  return (
    <>
      <td>
        <span lang="zh-Hans-CN">{device.name}</span>
        <br />
        <span className="console-mono">{device.id}</span>
      </td>
      <td>
        <Text k={familyKey('console:fleet.kind', device.kind)} vertical={false} />
        <br />
        <span className="console-mono">{device.stationId ?? device.householdId}</span>
      </td>
      <td>
        {device.lastSeenAt ? (
          <>
            <When at={device.lastSeenAt} />
            {device.silentDays !== null && device.silentDays >= SILENT_DAYS ? (
              <span className="console-flag console-flag--alert">
                <Text k="console:fleet.days" values={{ n: device.silentDays }} vertical={false} />
              </span>
            ) : null}
          </>
        ) : (
          <Text k="console:fleet.never" vertical={false} />
        )}
      </td>
      <td className="console-mono">
        {device.syncLagSeconds === null ? (
          '—'
        ) : (
          <Text
            k="console:fleet.minutes"
            values={{ n: Math.round(device.syncLagSeconds / 60) }}
            vertical={false}
          />
        )}
      </td>
      <td className="console-mono">{device.outboxDepth ?? '—'}</td>
      <td className="console-mono">
        {device.freeBytes === null ? (
          '—'
        ) : (
          <Text
            k="console:fleet.gigabytes"
            values={{ n: (device.freeBytes / 1e9).toFixed(1) }}
            vertical={false}
          />
        )}
      </td>
      <td className="console-mono">{device.appVersion ?? '—'}</td>
      <td className="console-mono">{device.contentVersion ?? '—'}</td>
      <td>
        <DeviceState device={device} />
      </td>
    </>
  );
}

export function DeviceHeaders() {
  return (
    <>
      <th scope="col">
        <Text k="console:fleet.device" />
      </th>
      <th scope="col">
        <Text k="console:fleet.place" />
      </th>
      <th scope="col">
        <Text k="console:fleet.lastSeen" />
      </th>
      <th scope="col">
        <Text k="console:fleet.syncLag" />
      </th>
      <th scope="col">
        <Text k="console:fleet.outbox" />
      </th>
      <th scope="col">
        <Text k="console:fleet.freeStorage" />
      </th>
      <th scope="col">
        <Text k="console:fleet.appVersion" />
      </th>
      <th scope="col">
        <Text k="console:fleet.contentVersion" />
      </th>
      <th scope="col">
        <Text k="console:fleet.state" />
      </th>
    </>
  );
}

export function DevicesPage({ onUnauthorized }: PageProps) {
  const [devices, setDevices] = useState<FleetDevice[]>([]);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [silentOnly, setSilentOnly] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; reason: RevokeReason | undefined }>();
  const query = silentOnly ? `?silentDays=${SILENT_DAYS}` : '';

  const load = useCallback(async () => {
    const r = await api<{ devices: FleetDevice[] }>('GET', `/fleet/devices${query}`);
    if (!r.ok && r.error.code === 'unauthorized') return onUnauthorized();
    if (r.ok) setDevices(r.value.devices);
    else setFailure(r.error);
  }, [onUnauthorized, query]);
  useEffect(() => {
    void load();
  }, [load]);

  async function revoke(id: string, reason: RevokeReason | undefined) {
    if (!reason)
      return setFailure({ code: 'invalid_form', issues: [{ path: '/reason', message: '' }] });
    const r = await api('POST', `/fleet/devices/${id}/revoke`, { reason });
    if (!r.ok) {
      if (r.error.code === 'unauthorized') return onUnauthorized();
      return setFailure(r.error);
    }
    setFailure(undefined);
    setRevoking(undefined);
    await load();
  }

  return (
    <section className="console-page">
      <div className="console-page__head">
        <Text as="h1" k="console:fleet.devicesTitle" />
        <a
          className="console-button console-button--quiet"
          href={`/console/api/fleet/devices.csv${query}`}
          download
        >
          <Text k="console:fleet.exportCsv" />
        </a>
      </div>
      <div className="console-filter-row">
        <button
          type="button"
          className="console-chip"
          aria-pressed={silentOnly}
          onClick={() => setSilentOnly(!silentOnly)}
        >
          <Text k="console:fleet.silentOnly" values={{ n: SILENT_DAYS }} />
        </button>
      </div>
      <FailureNotice failure={failure?.code === 'invalid_form' ? undefined : failure} />
      {devices.length === 0 ? (
        <p className="console-empty">
          <Text k="console:fleet.noDevices" />
        </p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <DeviceHeaders />
              <th scope="col">
                <Text k="console:fleet.actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <DeviceCells device={d} />
                <td className="console-actions">
                  {d.revokedAt ? null : revoking?.id === d.id ? (
                    <div className="console-revoke">
                      <RadioChips
                        label="console:fleet.revokeWhy"
                        options={REVOKE_REASONS.map((reason) => ({
                          value: reason,
                          content: (
                            <Text k={familyKey('domain:revokeReason', reason)} vertical={false} />
                          ),
                        }))}
                        value={revoking.reason}
                        onChange={(reason) => setRevoking({ id: d.id, reason })}
                      >
                        <FieldProblem
                          issues={failure?.issues ?? []}
                          field="reason"
                          hint="console:fleet.reasonHint"
                        />
                      </RadioChips>
                      <button
                        type="button"
                        className="console-button"
                        onClick={() => void revoke(d.id, revoking.reason)}
                      >
                        <Text k="console:fleet.revokeConfirm" vertical={false} />
                      </button>
                      <button
                        type="button"
                        className="console-button console-button--quiet"
                        onClick={() => setRevoking(undefined)}
                      >
                        <Text k="console:fleet.cancel" vertical={false} />
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="console-button console-button--quiet"
                      onClick={() => setRevoking({ id: d.id, reason: undefined })}
                    >
                      <Text k="console:fleet.revoke" vertical={false} />
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
