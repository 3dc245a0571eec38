/**
 * Staff mode: the station's applications with their status, sync state and personal-data
 * state, and reprints of the receipt and the A4 form. Status comes from the case data layer.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { formatTrackingCode, type Application } from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import type { OutboxItem, OutboxState } from '@pls/shared/sync';
import { BigButton, Text, useLanguage } from '@pls/shared/ui';
import { watchStationCases, type StationCase } from '../cases/case-store';
import { formSpec, printSpec, receiptSpec, type PrintOutcome } from '../printing/print-documents';
import { PrintOutcomeNotice } from '../apply/print-outcome';
import { useDeviceSettings, useRuntime, useStationName } from '../ui/runtime';
import { Panel, When } from './panel';
import { refusalReasonKey } from './refused-panel';

const OUTBOX_MESSAGES: Readonly<Record<OutboxState, TranslationKey>> = {
  pending: 'kiosk:staff.sync.pending',
  sent: 'kiosk:staff.sync.sent',
  uploading: 'kiosk:staff.sync.uploading',
  rejected: 'kiosk:staff.sync.rejected',
};

/** The station's applications with their case status (cases/) and their outbox state. */
function useStationCases(): { cases: StationCase[]; outbox: OutboxItem[] } {
  const { db, sync } = useRuntime();
  const [cases, setCases] = useState<StationCase[]>([]);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  useEffect(() => {
    const subscriptions = [
      watchStationCases(db).subscribe(setCases),
      sync.outbox$.subscribe(setOutbox),
    ];
    return () => {
      for (const s of subscriptions) s.unsubscribe();
    };
  }, [db, sync]);
  return { cases, outbox };
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
  const { cases, outbox } = useStationCases();
  const applications = cases.map((c) => c.application);
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

  const rows = cases.map(({ application, view }) => {
    const { status } = view;
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
        value: <Text k={familyKey('domain:status.applications', status)} vertical={false} />,
      },
      {
        label: 'kiosk:staff.applications.sync',
        data: { 'data-outbox': inOutbox?.state ?? 'done' },
        value: (
          <>
            <Text
              k={inOutbox ? OUTBOX_MESSAGES[inOutbox.state] : 'kiosk:staff.sync.done'}
              vertical={false}
            />
            {inOutbox?.rejection ? (
              <>
                {' '}
                <Text k={refusalReasonKey(inOutbox.rejection.kind)} vertical={false} />
              </>
            ) : null}
          </>
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
          disabled={settings.printers.receiptWidth === 'none' || printed?.outcome === 'printing'}
          onPress={() => void reprint(application, 'receipt')}
        />
        <BigButton
          label="kiosk:staff.applications.reprintForm"
          className="k-act--reprint-form"
          variant="secondary"
          disabled={purged || !settings.printers.a4Enabled || printed?.outcome === 'printing'}
          onPress={() => void reprint(application, 'form')}
        />
        {printed?.id === application.id ? (
          <PrintOutcomeNotice
            outcome={printed.outcome}
            document={printed.document}
            audience="staff"
            speak={false}
          />
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
