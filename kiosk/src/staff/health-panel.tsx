/** Staff mode: the devices' health (reader, printers, sync, OCR, storage) and "sync now". */
import { useEffect, useState, type ReactNode } from 'react';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import { readerStatusMessage } from '@pls/shared/idcard';
import {
  describeBridgeError,
  isHostUnavailable,
  type HostInfo,
  type PrinterStatus,
  type PrintTarget,
} from '@pls/shared/protocol';
import type { SyncErrorReason, SyncStatus } from '@pls/shared/sync';
import { BigButton, Text } from '@pls/shared/ui';
import { PRINTER_STATUS_MESSAGES } from '../apply/print-outcome';
import { READER_MESSAGES } from '../apply/reader-panel';
import { useDeviceSettings, useReaderStatus, useRuntime, useSyncStatus } from '../ui/runtime';
import { Panel, When } from './panel';

const SYNC_KINDS: Readonly<Record<SyncStatus['kind'], TranslationKey>> = {
  offline: 'kiosk:staff.health.syncKind.offline',
  syncing: 'kiosk:staff.health.syncKind.syncing',
  upToDate: 'kiosk:staff.health.syncKind.upToDate',
  error: 'kiosk:staff.health.syncKind.error',
};

/** Why sync fails, said to staff in their language (the status's English detail is for logs). */
const SYNC_REASONS: Readonly<Record<SyncErrorReason, TranslationKey>> = {
  unreachable: 'kiosk:staff.health.syncReason.unreachable',
  revoked: 'kiosk:staff.health.syncReason.revoked',
  unauthorized: 'kiosk:staff.health.syncReason.unauthorized',
  rejected: 'kiosk:staff.health.syncReason.rejected',
  server: 'kiosk:staff.health.syncReason.server',
  protocol: 'kiosk:staff.health.syncReason.protocol',
};

/** The sync line of the health panel: state, last success, and why it fails. */
export function SyncHealth({ status }: { status: SyncStatus }) {
  return (
    <>
      <span data-testid="staff-sync" data-sync={status.kind}>
        <Text k={SYNC_KINDS[status.kind]} vertical={false} />
      </span>
      {status.lastSyncedAt ? (
        <>
          {' '}
          <Text k="kiosk:staff.health.lastSync" vertical={false} />{' '}
          <When at={status.lastSyncedAt} />
        </>
      ) : null}
      {status.kind === 'error' ? (
        <span data-testid="staff-sync-reason" data-reason={status.reason}>
          {' '}
          <Text k={SYNC_REASONS[status.reason]} vertical={false} />
          {status.revokeReason ? (
            <span data-testid="staff-revoke-reason" data-revoke-reason={status.revokeReason}>
              {' '}
              <Text k={familyKey('domain:revokeReason', status.revokeReason)} vertical={false} />
            </span>
          ) : null}
          {status.rejectedCount > 0 && status.reason !== 'rejected' ? (
            <>
              {' '}
              <Text
                k="kiosk:staff.health.refusedCount"
                values={{ n: status.rejectedCount }}
                vertical={false}
              />
            </>
          ) : null}
        </span>
      ) : null}
    </>
  );
}

const OCR_STATES: Readonly<Record<HostInfo['ocr'], TranslationKey>> = {
  ready: 'kiosk:staff.health.ocrState.ready',
  starting: 'kiosk:staff.health.ocrState.starting',
  unavailable: 'kiosk:staff.health.ocrState.unavailable',
};

function usePrinterStatus(target: PrintTarget, printerName: string | undefined, refresh: number) {
  const { kiosk } = useRuntime();
  const [status, setStatus] = useState<PrinterStatus | 'checking'>('checking');
  useEffect(() => {
    let live = true;
    setStatus('checking');
    void kiosk.print
      .getPrinterStatus({ target, ...(printerName ? { printerName } : {}) })
      .then(
        (s) =>
          live &&
          setStatus(
            isHostUnavailable(s)
              ? { kind: 'unknown', printer: printerName ?? '', detail: describeBridgeError(s) }
              : s,
          ),
      );
    return () => {
      live = false;
    };
  }, [kiosk, target, printerName, refresh]);
  return status;
}

function StorageLine() {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | undefined>();
  useEffect(() => {
    void navigator.storage
      ?.estimate?.()
      .then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
  }, []);
  if (!estimate) return <Text k="kiosk:staff.health.storageUnknown" vertical={false} />;
  return (
    <Text
      k="kiosk:staff.health.storage"
      values={{
        used: (estimate.usage / 1e6).toFixed(1),
        free: ((estimate.quota - estimate.usage) / 1e9).toFixed(1),
      }}
      vertical={false}
    />
  );
}

function HealthRow({
  label,
  ok,
  children,
}: {
  label: TranslationKey;
  ok: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <div className="k-health__row" data-ok={ok === undefined ? 'unknown' : String(ok)}>
      <dt>
        <Text k={label} vertical={false} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

export function HealthPanel() {
  const { host, sync, enrollment } = useRuntime();
  const settings = useDeviceSettings();
  const reader = useReaderStatus();
  const status = useSyncStatus();
  const [refresh, setRefresh] = useState(0);
  const receipt = usePrinterStatus('receipt', settings.printers.receiptPrinterName, refresh);
  const a4 = usePrinterStatus('a4', settings.printers.a4PrinterName, refresh);
  const printerText = (s: PrinterStatus | 'checking') => (
    <>
      <Text
        k={s === 'checking' ? 'kiosk:staff.health.checking' : PRINTER_STATUS_MESSAGES[s.kind]}
        vertical={false}
      />
      {s !== 'checking' && 'printer' in s ? <span className="k-mono"> {s.printer}</span> : null}
    </>
  );
  const printerOk = (s: PrinterStatus | 'checking') =>
    s === 'checking' ? undefined : s.kind === 'ready' || s.kind === 'busy';
  return (
    <Panel title="kiosk:staff.health.title" testId="panel-health">
      <dl className="k-health">
        <HealthRow
          label="kiosk:staff.health.reader"
          ok={reader ? reader.kind !== 'disconnected' && reader.kind !== 'error' : undefined}
        >
          <Text
            k={
              reader ? READER_MESSAGES[readerStatusMessage(reader)] : 'kiosk:staff.health.checking'
            }
            vertical={false}
          />
          {host.simulator ? <Text k="kiosk:staff.health.simulated" vertical={false} /> : null}
        </HealthRow>
        <HealthRow label="kiosk:staff.health.receiptPrinter" ok={printerOk(receipt)}>
          {printerText(receipt)}
        </HealthRow>
        <HealthRow label="kiosk:staff.health.a4Printer" ok={printerOk(a4)}>
          {printerText(a4)}
        </HealthRow>
        <HealthRow label="kiosk:staff.health.sync" ok={status.kind === 'upToDate'}>
          <SyncHealth status={status} />
        </HealthRow>
        <HealthRow label="kiosk:staff.health.ocr" ok={host.ocr !== 'unavailable'}>
          <Text k={OCR_STATES[host.ocr]} vertical={false} />
        </HealthRow>
        <HealthRow label="kiosk:staff.health.storageLabel" ok={undefined}>
          <StorageLine />
        </HealthRow>
        <HealthRow label="kiosk:staff.health.device" ok={undefined}>
          <span className="k-mono">
            {enrollment.deviceId} · {enrollment.stationId} · {enrollment.serverUrl}
          </span>
        </HealthRow>
      </dl>
      <div className="k-actions">
        <BigButton
          label="kiosk:staff.health.syncNow"
          className="k-act--sync-now"
          icon="syncing"
          onPress={() => void sync.syncNow()}
        />
        <BigButton
          label="kiosk:staff.health.refresh"
          variant="secondary"
          onPress={() => setRefresh((n) => n + 1)}
        />
      </div>
    </Panel>
  );
}
