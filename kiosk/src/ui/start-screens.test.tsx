// @vitest-environment happy-dom
/**
 * A start failure and a sync error say what happened in the reader's language; the technical
 * detail (a library's or the server's English) goes to the device log, never onto the screen
 * or into a tooltip (issue 11: every message a person sees is in their language).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n, textOfKey, type Language } from '@pls/shared/i18n';
import { SyncBadge, UiProvider } from '@pls/shared/ui';
import { FailedScreen } from './start-screens';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const DETAIL = 'SQLITE_FULL: database or disk is full (QuotaExceededError)';

describe.each<Language>(['zh-Hans', 'mn-Mong'])('in %s', (language) => {
  const i18n = createI18n({ language });
  const t = (key: string) => textOfKey(i18n, key, language);

  it('a start failure shows its message and where the detail went, and logs the detail', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = render(
      <UiProvider i18n={i18n}>
        <FailedScreen failure={{ kind: 'database', detail: DETAIL }} />
      </UiProvider>,
    );
    const text = container.textContent ?? '';
    expect(text).toContain(t('kiosk:start.failed.database'));
    expect(text).toContain(t('kiosk:start.failed.logged'));
    expect(text).not.toContain('SQLITE_FULL');
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(DETAIL));
  });

  it('a sync error keeps its technical reason out of the page and its tooltip', () => {
    const { container } = render(
      <UiProvider i18n={i18n}>
        <SyncBadge status={{ kind: 'error', reason: 'HTTP 503 Service Unavailable' }} />
      </UiProvider>,
    );
    expect(container.textContent).toContain(t('common:sync.error'));
    expect(container.innerHTML).not.toContain('Service Unavailable');
  });
});
