/**
 * The panels of staff mode: the station's applications with their sync state and reprints,
 * forms interrupted by a crash or power cut, device health, calls for staff, and (with the
 * simulated reader) the simulator's controls for demonstrations.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  deriveStatus,
  formatTrackingCode,
  type Application,
  type ApplicationStatus,
  type CaseUpdate,
} from '@pls/shared/domain';
import { deleteDraft, listDrafts, type Draft } from '@pls/shared/db';
import { familyKey, formatDateTime, type TranslationKey } from '@pls/shared/i18n';
import { readerStatusMessage } from '@pls/shared/idcard';
import {
  describeBridgeError,
  isHostUnavailable,
  type HostInfo,
  type PrinterStatus,
  type PrintTarget,
} from '@pls/shared/protocol';
import type { OutboxItem, OutboxState, SyncStatus } from '@pls/shared/sync';
import { BigButton, ScriptText, Text, useLanguage, useT } from '@pls/shared/ui';
import {
  formSpec,
  printSpec,
  receiptSpec,
  type PrintOutcome,
} from '../../printing/print-documents';
import { PRINTER_STATUS_MESSAGES, PrintOutcomeNotice } from '../apply/print-outcome';
import { READER_MESSAGES } from '../apply/reader-panel';
import { callPlaceKeys, draftStepKey } from './place-names';
import {
  useDeviceSettings,
  useReaderStatus,
  useRuntime,
  useStaffCalls,
  useStationName,
  useSyncStatus,
} from '../runtime';

export function Panel({
  title,
  children,
  testId,
}: {
  title: TranslationKey;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="k-panel" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <Text as="h3" k={title} id={`${testId}-title`} className="k-panel__title" />
      {children}
    </section>
  );
}

function When({ at }: { at: string }) {
  const { language } = useLanguage();
  return (
    <ScriptText
      text={formatDateTime(at, language)}
      language={language}
      vertical={false}
      className="k-when"
    />
  );
}

// ---- calls ------------------------------------------------------------------------------------

export function StaffCallsPanel() {
  const { staffCalls } = useRuntime();
  const calls = useStaffCalls();
  const { t } = useT();
  const { language } = useLanguage();
  // Screen and step of the form: a middle dot in Chinese, the Mongolian comma in Mongolian.
  const separator = language === 'mn-Mong' ? '\u1802 ' : ' · ';
  return (
    <Panel title="kiosk:staff.calls.title" testId="panel-calls">
      {calls.length === 0 ? <Text as="p" k="kiosk:staff.calls.none" /> : null}
      <ul className="k-list">
        {calls.map((call) => (
          <li key={call.id} className="k-list__row" data-testid="staff-call">
            <When at={call.at} />
            <Text
              k="kiosk:staff.calls.from"
              values={{
                screen: callPlaceKeys(call.place)
                  .map((key) => t(key))
                  .join(separator),
              }}
              vertical={false}
            />
            <BigButton
              label="kiosk:staff.calls.answer"
              variant="secondary"
              onPress={() => staffCalls.answer(call.id)}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

// ---- applications -----------------------------------------------------------------------------

const SYNC_KINDS: Readonly<Record<SyncStatus['kind'], TranslationKey>> = {
  offline: 'kiosk:staff.health.syncKind.offline',
  syncing: 'kiosk:staff.health.syncKind.syncing',
  upToDate: 'kiosk:staff.health.syncKind.upToDate',
  error: 'kiosk:staff.health.syncKind.error',
};

const OCR_STATES: Readonly<Record<HostInfo['ocr'], TranslationKey>> = {
  ready: 'kiosk:staff.health.ocrState.ready',
  starting: 'kiosk:staff.health.ocrState.starting',
  unavailable: 'kiosk:staff.health.ocrState.unavailable',
};

const OUTBOX_MESSAGES: Readonly<Record<OutboxState, TranslationKey>> = {
  pending: 'kiosk:staff.sync.pending',
  sent: 'kiosk:staff.sync.sent',
  uploading: 'kiosk:staff.sync.uploading',
  rejected: 'kiosk:staff.sync.rejected',
};

function useApplications(): {
  applications: Application[];
  updates: CaseUpdate[];
  outbox: OutboxItem[];
} {
  const { db, sync } = useRuntime();
  const [applications, setApplications] = useState<Application[]>([]);
  const [updates, setUpdates] = useState<CaseUpdate[]>([]);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  useEffect(() => {
    const subscriptions = [
      db.applications
        ?.find({ sort: [{ createdAt: 'desc' }], limit: 100 })
        .$.subscribe((docs) => setApplications(docs.map((d) => d.toMutableJSON()))),
      db.case_updates.find().$.subscribe((docs) => setUpdates(docs.map((d) => d.toMutableJSON()))),
      sync.outbox$.subscribe(setOutbox),
    ];
    return () => {
      for (const s of subscriptions) s?.unsubscribe();
    };
  }, [db, sync]);
  return { applications, updates, outbox };
}

/** One field of an application in staff mode: a table cell in Chinese, a card's column in Mongolian. */
interface ApplicationField {
  readonly label: TranslationKey;
  readonly value: ReactNode;
  readonly className?: string;
  /** Attributes tests and styles read (data-status, data-outbox, data-purged). */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

export function ApplicationsPanel() {
  const { kiosk } = useRuntime();
  const { language } = useLanguage();
  const settings = useDeviceSettings();
  const stationName = useStationName().name;
  const { applications, updates, outbox } = useApplications();
  const [printed, setPrinted] = useState<{
    id: string;
    document: 'receipt' | 'form';
    outcome: PrintOutcome | 'printing';
  }>();

  const reprint = async (application: Application, document: 'receipt' | 'form') => {
    setPrinted({ id: application.id, document, outcome: 'printing' });
    const spec =
      document === 'receipt'
        ? receiptSpec(application, stationName, settings.printers)
        : formSpec(application, stationName, settings.printers);
    setPrinted({
      id: application.id,
      document,
      outcome: await printSpec(kiosk.print, spec, settings.printers),
    });
  };

  const rows = applications.map((application) => {
    const mine = updates.filter((u) => u.caseId === application.id && u.status !== undefined);
    const { status } = deriveStatus(
      'applications',
      mine.map((u) => ({ status: u.status!, at: u.serverTime })),
    );
    const inOutbox = outbox.find((o) => o.id === application.id);
    const purged = application.piiPurgedAt !== undefined;
    const fields: readonly ApplicationField[] = [
      {
        label: 'kiosk:staff.applications.code',
        className: 'k-mono',
        value: formatTrackingCode(application.trackingCode),
      },
      {
        label: 'kiosk:staff.applications.submitted',
        value: <When at={application.submittedAt} />,
      },
      {
        label: 'kiosk:staff.applications.status',
        data: { 'data-status': status },
        value: (
          <Text
            k={familyKey('domain:status.applications', status as ApplicationStatus)}
            vertical={false}
          />
        ),
      },
      {
        label: 'kiosk:staff.applications.sync',
        data: { 'data-outbox': inOutbox?.state ?? 'done' },
        value: (
          <Text
            k={inOutbox ? OUTBOX_MESSAGES[inOutbox.state] : 'kiosk:staff.sync.done'}
            vertical={false}
          />
        ),
      },
      {
        label: 'kiosk:staff.applications.personalData',
        data: { 'data-purged': String(purged) },
        value: (
          <Text
            k={purged ? 'kiosk:staff.applications.purged' : 'kiosk:staff.applications.kept'}
            vertical={false}
          />
        ),
      },
    ];
    const actions = (
      <div className="k-table__actions">
        <BigButton
          label="kiosk:staff.applications.reprintReceipt"
          className="k-act--reprint-receipt"
          variant="secondary"
          onPress={() => void reprint(application, 'receipt')}
        />
        <BigButton
          label="kiosk:staff.applications.reprintForm"
          className="k-act--reprint-form"
          variant="secondary"
          disabled={purged || !settings.printers.a4Enabled}
          onPress={() => void reprint(application, 'form')}
        />
        {printed?.id === application.id ? (
          <PrintOutcomeNotice outcome={printed.outcome} document={printed.document} />
        ) : null}
      </div>
    );
    return { application, fields, actions };
  });

  return (
    <Panel title="kiosk:staff.applications.title" testId="panel-applications">
      {applications.length === 0 ? <Text as="p" k="kiosk:staff.applications.none" /> : null}
      {applications.length === 0 ? null : language === 'mn-Mong' ? (
        // Vertical Mongolian: one card per application, its fields as columns left to right
        // (a vertical table of six fields and two buttons is taller than the screen).
        <ul className="k-cards">
          {rows.map(({ application, fields, actions }) => (
            <li
              key={application.id}
              className="k-card"
              data-testid="staff-application"
              data-code={application.trackingCode}
            >
              <dl className="k-card__fields">
                {fields.map((field) => (
                  <div key={field.label} className="k-card__field" {...field.data}>
                    <dt>
                      <Text k={field.label} vertical={false} />
                    </dt>
                    <dd className={field.className}>{field.value}</dd>
                  </div>
                ))}
              </dl>
              {actions}
            </li>
          ))}
        </ul>
      ) : (
        <table className="k-table">
          <thead>
            <tr>
              {rows[0]?.fields.map((field) => (
                <th key={field.label}>
                  <Text k={field.label} vertical={false} />
                </th>
              ))}
              <th>
                <Text k="kiosk:staff.applications.actions" vertical={false} />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ application, fields, actions }) => (
              <tr
                key={application.id}
                data-testid="staff-application"
                data-code={application.trackingCode}
              >
                {fields.map((field) => (
                  <td key={field.label} className={field.className} {...field.data}>
                    {field.value}
                  </td>
                ))}
                <td>{actions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

// ---- interrupted drafts -----------------------------------------------------------------------

export function DraftsPanel({
  currentDraftId,
  canResume,
  onResume,
}: {
  currentDraftId: string | undefined;
  canResume: boolean;
  onResume: (draft: Draft) => void;
}) {
  const { db } = useRuntime();
  const { t } = useT();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void listDrafts(db).then((found) => {
      if (live) setDrafts(found.filter((d) => d.id !== currentDraftId));
    });
    return () => {
      live = false;
    };
  }, [db, currentDraftId, version]);
  const remove = async (id: string) => {
    await deleteDraft(db, id);
    setVersion((v) => v + 1);
  };
  return (
    <Panel title="kiosk:staff.drafts.title" testId="panel-drafts">
      <Text as="p" k="kiosk:staff.drafts.explain" />
      {drafts.length === 0 ? <Text as="p" k="kiosk:staff.drafts.none" /> : null}
      <ul className="k-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="k-list__row" data-testid="staff-draft">
            <When at={draft.updatedAt} />
            <Text
              k="kiosk:staff.drafts.step"
              values={{ step: t(draftStepKey(draft.step)) }}
              vertical={false}
            />
            <BigButton
              label="kiosk:staff.drafts.resume"
              className="k-act--resume-draft"
              disabled={!canResume}
              onPress={() => onResume(draft)}
            />
            <BigButton
              label="kiosk:staff.drafts.discard"
              variant="secondary"
              onPress={() => void remove(draft.id)}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

// ---- device health ----------------------------------------------------------------------------

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
            <span className="k-mono k-detail"> {status.detail}</span>
          ) : null}
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

// ---- simulator --------------------------------------------------------------------------------

export function SimulatorPanel() {
  const { kiosk } = useRuntime();
  return (
    <Panel title="kiosk:staff.simulator.title" testId="panel-simulator">
      <Text as="p" k="kiosk:staff.simulator.explain" />
      <div className="k-actions">
        <BigButton
          label="kiosk:staff.simulator.placeResident"
          variant="secondary"
          onPress={() => void kiosk.simulator.placeCard({ cardType: 'resident' })}
        />
        <BigButton
          label="kiosk:staff.simulator.placeForeign"
          variant="secondary"
          onPress={() => void kiosk.simulator.placeCard({ cardType: 'foreign-2023' })}
        />
        <BigButton
          label="kiosk:staff.simulator.lift"
          variant="secondary"
          onPress={() => void kiosk.simulator.liftCard()}
        />
        <BigButton
          label="kiosk:staff.simulator.unplug"
          variant="secondary"
          onPress={() => void kiosk.simulator.unplug()}
        />
        <BigButton
          label="kiosk:staff.simulator.replug"
          variant="secondary"
          onPress={() => void kiosk.simulator.replug()}
        />
      </div>
    </Panel>
  );
}
