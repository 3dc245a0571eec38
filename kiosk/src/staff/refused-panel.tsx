/**
 * Staff mode: every document the center refused, of any collection, with why, in the staff's
 * language. The reason is the refusal's code said through locales (errors:rejectedRow, or the
 * kiosk's own line for a row the server kept failing on); the server's English message stays
 * in the local record for logs and is never shown. The rest of the outbox flows meanwhile
 * (shared/sync push-handler.ts); a refused document leaves the list when it is changed
 * (pushed again) or gone.
 */
import { useEffect, useState } from 'react';
import type { CollectionName } from '@pls/shared/domain';
import { formatTrackingCode } from '@pls/shared/domain';
import { errorMessageKey, type TranslationKey } from '@pls/shared/i18n';
import type { OutboxItem, OutboxRejectionKind } from '@pls/shared/sync';
import { Text, useT } from '@pls/shared/ui';
import { useRuntime } from '../ui/runtime';
import { Panel, When } from './panel';

/** What kind of document it is, by collection (the device-written ones). */
const DOCUMENT_NAMES: Readonly<Partial<Record<CollectionName, TranslationKey>>> = {
  applications: 'domain:caseKind.applications',
  questions: 'domain:caseKind.questions',
  appointments: 'domain:caseKind.appointments',
  feedback: 'kiosk:staff.outbox.feedback',
};

export function refusalReasonKey(kind: OutboxRejectionKind): TranslationKey {
  return kind === 'server_error'
    ? 'kiosk:staff.outbox.serverError'
    : errorMessageKey('rejectedRow', kind);
}

export function RefusedList({ items }: { items: readonly OutboxItem[] }) {
  const { t } = useT();
  const refused = items.filter((item) => item.state === 'rejected');
  return (
    <Panel title="kiosk:staff.outbox.title" testId="panel-refused">
      <Text as="p" k="kiosk:staff.outbox.explain" />
      {refused.length === 0 ? <Text as="p" k="kiosk:staff.outbox.none" /> : null}
      <ul className="k-list">
        {refused.map((item) => {
          const name = DOCUMENT_NAMES[item.collection];
          return (
            <li
              key={`${item.collection}:${item.id}`}
              className="k-list__row"
              data-testid="staff-refused"
              data-collection={item.collection}
              data-kind={item.rejection?.kind ?? 'unknown'}
            >
              <When at={item.rejection?.at ?? item.createdAt} />
              {name ? <Text k={name} vertical={false} /> : null}
              {item.trackingCode ? (
                <span className="k-mono" data-testid="staff-refused-code">
                  {formatTrackingCode(item.trackingCode)}
                </span>
              ) : null}
              <Text
                k="kiosk:staff.outbox.reason"
                values={{
                  reason: t(
                    item.rejection
                      ? refusalReasonKey(item.rejection.kind)
                      : 'kiosk:staff.outbox.serverError',
                  ),
                }}
                vertical={false}
              />
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

export function RefusedPanel() {
  const { sync } = useRuntime();
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    const subscription = sync.outbox$.subscribe(setItems);
    return () => subscription.unsubscribe();
  }, [sync]);
  // Only when there is something to see: the dashboard's panels share one screen.
  if (!items.some((item) => item.state === 'rejected')) return null;
  return <RefusedList items={items} />;
}
