/**
 * Sync state, on every screen: offline / syncing / up to date N minutes ago / error. Icon and
 * words, never colour alone. The status type is structural until @pls/shared/sync exports
 * SyncStatus; any value of that shape is accepted.
 */
import { useEffect, useState } from 'react';
import { useT } from './use-t';
import { currentLanguage } from '../i18n/create-i18n';
import { formatNumber, relativeAgo } from '../i18n/format';
import type { TranslationKey } from '../i18n/typed-keys';
import { Icon, type IconName } from './icons';
import { Text } from './text';

export type SyncBadgeStatus =
  | { readonly kind: 'offline' }
  | { readonly kind: 'syncing' }
  | { readonly kind: 'upToDate'; readonly lastSuccessAt: string | Date }
  | { readonly kind: 'error'; readonly reason: string };

const ICONS: Readonly<Record<SyncBadgeStatus['kind'], IconName>> = {
  offline: 'offline',
  syncing: 'syncing',
  upToDate: 'synced',
  error: 'syncError',
};

/** A clock that ticks each `intervalMs`, so "3 分钟前" stays true without a parent re-render. */
function useNow(intervalMs: number, fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed !== undefined) return;
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, fixed]);
  return fixed ?? now;
}

export function SyncBadge({ status, now }: { status: SyncBadgeStatus; now?: Date }) {
  const { t, i18n } = useT();
  const clock = useNow(30_000, now);
  const language = currentLanguage(i18n);
  let key: TranslationKey;
  let values: Record<string, unknown> | undefined;
  switch (status.kind) {
    case 'offline':
      key = 'common:sync.offline';
      break;
    case 'syncing':
      key = 'common:sync.syncing';
      break;
    case 'upToDate': {
      const ago = relativeAgo(status.lastSuccessAt, clock);
      key = 'common:sync.upToDate';
      values = { ago: t(ago.key, { n: formatNumber(ago.n, language) }) };
      break;
    }
    case 'error':
      key = 'common:sync.error';
      break;
  }
  return (
    <div
      className={`pls-sync-badge pls-sync-badge--${status.kind}`}
      role="status"
      aria-label={t('common:sync.label')}
      data-sync={status.kind}
    >
      <Icon name={ICONS[status.kind]} />
      <Text k={key} {...(values ? { values } : {})} />
    </div>
  );
}
