// @vitest-environment happy-dom
/**
 * The TV's quiet sync line: a revoked box says so, and why, in the family's language, instead
 * of "not connected" (it will never connect again until the center enrolls it anew).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REVOKE_REASONS } from '@pls/shared/domain';
import { createI18n, textOfKey, type Language } from '@pls/shared/i18n';
import type { SyncStatus } from '@pls/shared/sync';
import { UiProvider } from '@pls/shared/ui';
import { SyncLine } from './sync-line';

afterEach(cleanup);

describe.each<Language>(['zh-Hans', 'mn-Mong'])('in %s', (language) => {
  const i18n = createI18n({ language });
  const t = (key: string) => textOfKey(i18n, key, language);
  const renderLine = (status: SyncStatus) =>
    render(
      <UiProvider i18n={i18n}>
        <SyncLine status={status} />
      </UiProvider>,
    ).container.textContent ?? '';

  it('a revoked box says it was stopped by the center and why, never the English detail', () => {
    for (const revokeReason of REVOKE_REASONS) {
      const text = renderLine({
        kind: 'error',
        reason: 'revoked',
        detail: `this device was revoked by the center (${revokeReason})`,
        lastSyncedAt: '2026-11-23T08:00:00.000Z',
        retryAt: null,
        rejectedCount: 0,
        revokeReason,
      });
      expect(text).toContain(t('tv:sync.revoked'));
      expect(text).toContain(t(`domain:revokeReason.${revokeReason}`));
      expect(text).not.toContain(t('tv:sync.notConnected'));
      expect(text).not.toMatch(/[A-Za-z]/);
      cleanup();
    }
  });

  it('a box that cannot reach the center only says it is not connected', () => {
    const text = renderLine({
      kind: 'error',
      reason: 'unreachable',
      detail: 'connect ECONNREFUSED',
      lastSyncedAt: null,
      retryAt: null,
      rejectedCount: 0,
    });
    expect(text).toContain(t('tv:sync.notConnected'));
    expect(text).not.toContain(t('tv:sync.revoked'));
  });
});
