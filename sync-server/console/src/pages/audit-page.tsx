/** The audit log (admin): newest first, filtered by who, what and subject; before → after shown. */
import { useEffect, useState } from 'react';
import { Text, useT } from '@pls/shared/ui';
import type { AuditItem } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { FailureNotice } from '../messages';
import type { PageProps } from '../shell';
import { When } from '../when';

const FIELDS = [
  { key: 'actor', label: 'console:audit.actor' },
  { key: 'action', label: 'console:audit.action' },
  { key: 'subject', label: 'console:audit.subject' },
] as const;

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value);

export function AuditPage({ onUnauthorized }: PageProps) {
  const { t } = useT();
  const [filter, setFilter] = useState({ actor: '', action: '', subject: '' });
  const [entries, setEntries] = useState<AuditItem[]>([]);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v.trim()) q.set(k, v.trim());
    const timer = window.setTimeout(() => {
      void api<{ entries: AuditItem[] }>('GET', `/audit?${q.toString()}`).then((r) => {
        if (!live) return;
        if (!r.ok && r.error.code === 'unauthorized') return onUnauthorized();
        setFailure(r.ok ? undefined : r.error);
        if (r.ok) setEntries(r.value.entries);
      });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [filter, onUnauthorized]);

  return (
    <section className="console-page">
      <Text as="h1" k="console:audit.title" />
      <div className="console-filter-row">
        {FIELDS.map(({ key, label }) => (
          <label key={key} className="console-field console-field--inline">
            <Text k={label} />
            <input
              value={filter[key]}
              aria-label={t(label)}
              onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <FailureNotice failure={failure} />
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">
              <Text k="console:audit.at" />
            </th>
            <th scope="col">
              <Text k="console:audit.actor" />
            </th>
            <th scope="col">
              <Text k="console:audit.action" />
            </th>
            <th scope="col">
              <Text k="console:audit.subject" />
            </th>
            <th scope="col">
              <Text k="console:audit.before" />
            </th>
            <th scope="col">
              <Text k="console:audit.after" />
            </th>
            <th scope="col">
              <Text k="console:audit.address" />
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <When at={e.at} />
              </td>
              <td lang="zh-Hans-CN">{e.actor}</td>
              <td className="console-mono">{e.action}</td>
              <td className="console-mono">{e.subject ?? '—'}</td>
              <td className="console-mono console-json">{show(e.before)}</td>
              <td className="console-mono console-json">{show(e.after ?? e.detail)}</td>
              <td className="console-mono">{e.address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? (
        <p className="console-empty">
          <Text k="console:audit.empty" />
        </p>
      ) : null}
    </section>
  );
}
