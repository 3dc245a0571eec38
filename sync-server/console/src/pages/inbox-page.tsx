/**
 * The inbox: every case the user's scope holds, newest first, with filters (kind, status,
 * category, language, overdue), a count per status, the statutory due date, and a flag on
 * cases that waited offline on a device for more than a day. Filters live in the URL query.
 */
import { useEffect, useState } from 'react';
import { CASE_CATEGORIES, CASE_KINDS, type CaseKind } from '@pls/shared/domain';
import { LANGUAGES, type TranslationKey } from '@pls/shared/i18n';
import { Text, useT } from '@pls/shared/ui';
import type { InboxPage as InboxData } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { categoryKey, kindKey, statusKey } from '../labels';
import { FailureNotice } from '../messages';
import type { PageProps } from '../shell';
import { When } from '../when';

interface Filters {
  kind?: CaseKind;
  status?: string;
  category?: string;
  language?: string;
  overdue?: 'true';
  mine?: 'true';
}

function readFilters(): Filters {
  const q = new URLSearchParams(window.location.search);
  const f: Filters = {};
  const kind = q.get('kind');
  if (kind && (CASE_KINDS as readonly string[]).includes(kind)) f.kind = kind as CaseKind;
  for (const key of ['status', 'category', 'language'] as const) {
    const v = q.get(key);
    if (v) f[key] = v;
  }
  if (q.get('overdue') === 'true') f.overdue = 'true';
  if (q.get('mine') === 'true') f.mine = 'true';
  return f;
}

function query(filters: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function Chip({
  label,
  values,
  pressed,
  onPress,
}: {
  label: TranslationKey;
  values?: Record<string, unknown>;
  pressed: boolean;
  onPress: () => void;
}) {
  return (
    <button type="button" className="console-chip" aria-pressed={pressed} onClick={onPress}>
      <Text k={label} {...(values ? { values } : {})} />
    </button>
  );
}

export function InboxPage({ navigate, onUnauthorized }: PageProps) {
  const { t } = useT();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [data, setData] = useState<InboxData | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  useEffect(() => {
    let live = true;
    window.history.replaceState(null, '', `/console/${query(filters)}`);
    void api<InboxData>('GET', `/cases${query(filters)}`).then((r) => {
      if (!live) return;
      if (!r.ok && r.error.code === 'unauthorized') return onUnauthorized();
      setFailure(r.ok ? undefined : r.error);
      if (r.ok) setData(r.value);
    });
    return () => {
      live = false;
    };
  }, [filters, onUnauthorized]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const toggle = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => {
      const next = { ...f };
      if (f[key] === value) delete next[key];
      else next[key] = value;
      return next;
    });
  const counts = data?.countsByStatus ?? {};
  const allCount = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <section className="console-page">
      <div className="console-page__head">
        <Text as="h1" k="console:inbox.title" />
        <a
          className="console-button console-button--quiet"
          href={`/console/api/cases.csv${query(filters)}`}
          download
        >
          <Text k="console:inbox.exportCsv" />
        </a>
      </div>
      <div className="console-filters" role="group" aria-label={t('console:inbox.filters')}>
        <div className="console-filter-row" role="group" aria-label={t('console:inbox.kind')}>
          <Text k="console:inbox.kind" className="console-filter-label" />
          {CASE_KINDS.map((kind) => (
            <Chip
              key={kind}
              label={kindKey(kind)}
              pressed={filters.kind === kind}
              onPress={() => {
                const next = { ...filters };
                delete next.status;
                if (filters.kind === kind) delete next.kind;
                else next.kind = kind;
                setFilters(next);
              }}
            />
          ))}
        </div>
        <div className="console-filter-row" role="group" aria-label={t('console:inbox.status')}>
          <Text k="console:inbox.status" className="console-filter-label" />
          <Chip
            label="console:inbox.allStatuses"
            values={{ n: allCount }}
            pressed={!filters.status}
            onPress={() => {
              const next = { ...filters };
              delete next.status;
              setFilters(next);
            }}
          />
          {Object.entries(counts).map(([status, n]) => (
            <Chip
              key={status}
              label="console:inbox.statusCount"
              values={{ status: t(statusKey(filters.kind ?? null, status)), n }}
              pressed={filters.status === status}
              onPress={() => set({ status })}
            />
          ))}
        </div>
        <div className="console-filter-row" role="group" aria-label={t('console:inbox.category')}>
          <Text k="console:inbox.category" className="console-filter-label" />
          {CASE_CATEGORIES.map((c) => (
            <Chip
              key={c}
              label={categoryKey(c)}
              pressed={filters.category === c}
              onPress={() => toggle('category', c)}
            />
          ))}
        </div>
        <div className="console-filter-row" role="group" aria-label={t('console:inbox.language')}>
          <Text k="console:inbox.language" className="console-filter-label" />
          {LANGUAGES.map((l) => (
            <Chip
              key={l}
              label={l === 'mn-Mong' ? 'console:language.mn' : 'console:language.zh'}
              pressed={filters.language === l}
              onPress={() => toggle('language', l)}
            />
          ))}
          <Chip
            label="console:inbox.overdueOnly"
            pressed={filters.overdue === 'true'}
            onPress={() => toggle('overdue', 'true')}
          />
          <Chip
            label="console:inbox.mineOnly"
            pressed={filters.mine === 'true'}
            onPress={() => toggle('mine', 'true')}
          />
        </div>
      </div>
      <FailureNotice failure={failure} />
      {data ? (
        <table className="console-table">
          <caption>
            <Text k="console:inbox.total" values={{ n: data.total }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Text k="console:inbox.trackingCode" />
              </th>
              <th scope="col">
                <Text k="console:inbox.kind" />
              </th>
              <th scope="col">
                <Text k="console:inbox.category" />
              </th>
              <th scope="col">
                <Text k="console:inbox.status" />
              </th>
              <th scope="col">
                <Text k="console:inbox.station" />
              </th>
              <th scope="col">
                <Text k="console:inbox.filedAt" />
              </th>
              <th scope="col">
                <Text k="console:inbox.receivedAt" />
              </th>
              <th scope="col">
                <Text k="console:inbox.dueAt" />
              </th>
              <th scope="col">
                <Text k="console:inbox.holder" />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr
                key={item.trackingCode}
                className={item.overdue ? 'console-row--overdue' : undefined}
              >
                <td>
                  <a
                    href={`/console/cases/${item.trackingCode}`}
                    className="console-code"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ page: 'case', trackingCode: item.trackingCode });
                    }}
                  >
                    {item.trackingCode}
                  </a>
                </td>
                <td>
                  <Text k={kindKey(item.caseKind)} vertical={false} />
                </td>
                <td>
                  <Text k={categoryKey(item.category)} vertical={false} />
                </td>
                <td>
                  <Text k={statusKey(item.caseKind, item.status)} vertical={false} />
                </td>
                <td className="console-mono">{item.stationId ?? '—'}</td>
                <td>
                  {item.filedAt ? <When at={item.filedAt} /> : '—'}
                  {item.offlineFlag ? (
                    <span className="console-flag">
                      <Text k="console:inbox.offlineFlag" vertical={false} />
                    </span>
                  ) : null}
                </td>
                <td>
                  <When at={item.receivedAt} />
                </td>
                <td>
                  {item.dueAt ? <When at={item.dueAt} dateOnly /> : '—'}
                  {item.overdue ? (
                    <span className="console-flag console-flag--alert">
                      <Text k="console:inbox.overdue" vertical={false} />
                    </span>
                  ) : null}
                </td>
                <td lang="zh-Hans-CN">{item.holderName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.items.length === 0 ? (
        <p className="console-empty">
          <Text k="console:inbox.empty" />
        </p>
      ) : null}
    </section>
  );
}
