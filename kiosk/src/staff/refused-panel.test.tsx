// @vitest-environment happy-dom
/**
 * What staff read about refused documents (issue 11.3): each refused document of any
 * collection with its reason from locales, in both languages, and the sync line's reason;
 * never the server's English message, never a raw code.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, textOfKey, type Language } from '@pls/shared/i18n';
import { REVOKE_REASONS } from '@pls/shared/domain';
import { REJECTION_KINDS } from '@pls/shared/protocol';
import {
  OUTBOX_REJECTION_KINDS,
  SYNC_ERROR_REASONS,
  type OutboxItem,
  type SyncStatus,
} from '@pls/shared/sync';
import { UiProvider } from '@pls/shared/ui';
import { SyncHealth } from './health-panel';
import { refusalReasonKey, RefusedList } from './refused-panel';

afterEach(cleanup);

const LANGUAGES: readonly Language[] = ['zh-Hans', 'mn-Mong'];
/** What the server wrote in English: it must never reach the page. */
const SERVER_TEXT = 'row 3: document belongs to another device (deviceId mismatch)';
const COLLECTIONS = ['applications', 'questions', 'appointments', 'feedback'] as const;

function renderIn(language: Language, ui: ReactElement) {
  const i18n = createI18n({ language });
  render(<UiProvider i18n={i18n}>{ui}</UiProvider>);
  return (key: string, values?: Record<string, unknown>) => textOfKey(i18n, key, language, values);
}

/** One refused document per kind of refusal, spread over the collections. */
const refused: OutboxItem[] = OUTBOX_REJECTION_KINDS.map((kind, i) => {
  const collection = COLLECTIONS[i % COLLECTIONS.length]!;
  return {
    collection,
    id: `doc-${kind}`,
    trackingCode: collection === 'feedback' ? null : `8M2P${String(1000 + i)}K7Q`,
    createdAt: `2026-11-23T0${i}:00:00.000Z`,
    state: 'rejected',
    rejection: { kind, message: SERVER_TEXT, at: `2026-11-23T0${i}:30:00.000Z` },
    attachmentsPending: 0,
  };
});
const pending: OutboxItem = {
  collection: 'applications',
  id: 'doc-pending',
  trackingCode: '8M2P9999K7Q',
  createdAt: '2026-11-23T09:00:00.000Z',
  state: 'pending',
  attachmentsPending: 0,
};

/** Text a person reads, tracking codes (Latin by design) left out. */
function readable(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const code of copy.querySelectorAll('[data-testid="staff-refused-code"]')) code.remove();
  return copy.textContent ?? '';
}

const RAW_CODES = [...OUTBOX_REJECTION_KINDS, ...SYNC_ERROR_REASONS];

describe('refused documents on the staff screen', () => {
  for (const language of LANGUAGES) {
    it(`lists each refused document with its reason in ${language}`, () => {
      const t = renderIn(language, <RefusedList items={[pending, ...refused]} />);
      const rows = screen.getAllByTestId('staff-refused');
      expect(rows).toHaveLength(OUTBOX_REJECTION_KINDS.length);
      for (const [i, row] of rows.entries()) {
        const item = refused[i]!;
        const reason = t(refusalReasonKey(item.rejection!.kind));
        expect(row.dataset['kind']).toBe(item.rejection!.kind);
        expect(row.textContent).toContain(t('kiosk:staff.outbox.reason', { reason }));
        if (item.trackingCode)
          expect(within(row).getByTestId('staff-refused-code').textContent).toMatch(/^8M2P-/);
      }
      const panel = screen.getByTestId('panel-refused');
      const text = readable(panel);
      expect(text).not.toContain(SERVER_TEXT);
      for (const code of RAW_CODES) expect(text).not.toContain(code);
      expect(text).not.toMatch(/[A-Za-z]/);
      if (language === 'mn-Mong') expect(text).toMatch(/[\u1820-\u18AA]/u);
      else expect(text).not.toMatch(/[\u1820-\u18AA]/u);
    });

    it(`says every reason sync can fail for, never the English detail, in ${language}`, () => {
      for (const reason of SYNC_ERROR_REASONS) {
        const status: SyncStatus = {
          kind: 'error',
          reason,
          detail: `HTTP 503 Service Unavailable: ${SERVER_TEXT}`,
          lastSyncedAt: '2026-11-23T08:00:00.000Z',
          retryAt: null,
          rejectedCount: 2,
        };
        const t = renderIn(language, <SyncHealth status={status} />);
        const line = screen.getByTestId('staff-sync-reason');
        expect(line.textContent).toContain(t(`kiosk:staff.health.syncReason.${reason}`));
        const text = document.body.textContent ?? '';
        expect(text).not.toContain('HTTP');
        expect(text).not.toMatch(/[A-Za-z]/);
        cleanup();
      }
    });
  }

  for (const language of LANGUAGES) {
    it(`says why the center revoked the kiosk, for every reason, in ${language}`, () => {
      for (const revokeReason of REVOKE_REASONS) {
        const status: SyncStatus = {
          kind: 'error',
          reason: 'revoked',
          detail: `this device was revoked by the center (${revokeReason})`,
          lastSyncedAt: '2026-11-23T08:00:00.000Z',
          retryAt: null,
          rejectedCount: 0,
          revokeReason,
        };
        const t = renderIn(language, <SyncHealth status={status} />);
        const line = screen.getByTestId('staff-revoke-reason');
        expect(line.textContent).toContain(t(`domain:revokeReason.${revokeReason}`));
        expect(document.body.textContent ?? '').not.toMatch(/[A-Za-z]/);
        cleanup();
      }
    });
  }

  it('has a message for every refusal the protocol names, plus the server-error one', () => {
    expect(OUTBOX_REJECTION_KINDS).toEqual([...REJECTION_KINDS, 'server_error']);
    const keys = OUTBOX_REJECTION_KINDS.map(refusalReasonKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('errors:unknown');
  });
});
