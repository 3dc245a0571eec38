/**
 * Sync state, quiet: "updated 3 hours ago", or "not connected · updated …". A TV never lets a
 * sync problem take over the screen; the box catches up by itself.
 */
import { useEffect, useState } from 'react';
import { Text, useT } from '@pls/shared/ui';
import { currentLanguage, familyKey, formatNumber, relativeAgo } from '@pls/shared/i18n';
import type { SyncStatus } from '@pls/shared/sync';

export function SyncLine({ status }: { readonly status: SyncStatus }) {
  const { t, i18n } = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  const language = currentLanguage(i18n);
  const last = status.lastSyncedAt;
  const ago = last ? relativeAgo(last, now) : undefined;
  const agoText = ago ? t(ago.key, { n: formatNumber(ago.n, language) }) : undefined;
  const connected = status.kind === 'upToDate' || status.kind === 'syncing';
  // A revoked box will never connect again: say so (and why), not "not connected".
  const revoked = status.kind === 'error' && status.reason === 'revoked';
  return (
    <div className="tv-sync" role="status" data-sync={status.kind}>
      {revoked ? <Text k="tv:sync.revoked" /> : null}
      {revoked && status.revokeReason ? (
        <Text k={familyKey('domain:revokeReason', status.revokeReason)} />
      ) : null}
      {!connected && !revoked ? <Text k="tv:sync.notConnected" /> : null}
      {status.kind === 'syncing' ? <Text k="tv:sync.updating" /> : null}
      {agoText ? (
        <Text k="tv:sync.updated" values={{ ago: agoText }} />
      ) : (
        <Text k="tv:sync.never" />
      )}
    </div>
  );
}
