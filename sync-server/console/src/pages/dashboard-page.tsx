/**
 * The dashboard of the user's scope: cases by kind, category, station and week; the share
 * decided within 《法律援助法》第四十三条's seven days; the median time to a first response;
 * satisfaction; devices silent for days. Each chart has its table beside it, and each table
 * a CSV of the same figures from the server.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CaseKind } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import { Text, useT } from '@pls/shared/ui';
import type { Count, Dashboard } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { BarChart } from '../bar-chart';
import { categoryKey, kindKey } from '../labels';
import { FailureNotice } from '../messages';
import type { PageProps } from '../shell';
import { DeviceCells, DeviceHeaders, SILENT_DAYS } from './devices-page';

const WEEK_CHOICES = [4, 12, 26, 52] as const;

function CountSection({
  title,
  table,
  counts,
  labelOf,
  keyHeader = 'console:dashboard.item',
  weeks,
}: {
  title: TranslationKey;
  table: string;
  counts: readonly Count[];
  labelOf: (key: string) => string;
  keyHeader?: TranslationKey;
  weeks: number;
}) {
  const { t } = useT();
  const labels = useMemo(() => counts.map((c) => labelOf(c.key)), [counts, labelOf]);
  const values = useMemo(() => counts.map((c) => c.count), [counts]);
  return (
    <section className="console-panel console-dashboard__section">
      <div className="console-page__head">
        <Text as="h2" k={title} />
        <a
          className="console-button console-button--quiet"
          href={`/console/api/dashboard/${table}.csv?weeks=${weeks}&silentDays=${SILENT_DAYS}`}
          download
        >
          <Text k="console:fleet.exportCsv" />
        </a>
      </div>
      {counts.length === 0 ? (
        <p className="console-empty">
          <Text k="console:dashboard.none" />
        </p>
      ) : (
        <div className="console-dashboard__figure">
          <BarChart
            labels={labels}
            values={values}
            label={t('console:dashboard.chart', { title: t(title) })}
          />
          <table className="console-table">
            <thead>
              <tr>
                <th scope="col">
                  <Text k={keyHeader} />
                </th>
                <th scope="col">
                  <Text k="console:dashboard.count" />
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c, i) => (
                <tr key={c.key}>
                  <td>
                    <Text vertical={false}>{labels[i]!}</Text>
                  </td>
                  <td className="console-mono">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DashboardPage({ onUnauthorized }: PageProps) {
  const { t } = useT();
  const [weeks, setWeeks] = useState<number>(12);
  const [board, setBoard] = useState<Dashboard | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api<{ dashboard: Dashboard }>(
      'GET',
      `/dashboard?weeks=${weeks}&silentDays=${SILENT_DAYS}`,
    ).then((r) => {
      if (!live) return;
      if (!r.ok && r.error.code === 'unauthorized') return onUnauthorized();
      setFailure(r.ok ? undefined : r.error);
      if (r.ok) setBoard(r.value.dashboard);
    });
    return () => {
      live = false;
    };
  }, [weeks, onUnauthorized]);

  const kindLabel = useMemo(() => (key: string) => t(kindKey(key as CaseKind)), [t]);
  const categoryLabel = useMemo(
    () => (key: string) => t(categoryKey(key === '' ? null : key)),
    [t],
  );
  const stationLabel = useMemo(
    () => (key: string) => (key === '' ? t('console:dashboard.noStation') : key),
    [t],
  );
  const plain = useMemo(() => (key: string) => key, []);
  const ratingLabel = useMemo(
    () => (key: string) => t('console:dashboard.rating', { n: key }),
    [t],
  );

  const decision = board?.decision;
  const judged = decision ? decision.decided + decision.overdueUndecided : 0;
  return (
    <section className="console-page">
      <Text as="h1" k="console:dashboard.title" />
      <div className="console-filter-row" role="group" aria-label={t('console:dashboard.weeks')}>
        <Text k="console:dashboard.weeks" className="console-filter-label" />
        {WEEK_CHOICES.map((n) => (
          <button
            key={n}
            type="button"
            className="console-chip"
            aria-pressed={weeks === n}
            onClick={() => setWeeks(n)}
          >
            <Text k="console:dashboard.weeksN" values={{ n }} />
          </button>
        ))}
      </div>
      <FailureNotice failure={failure} />
      {board ? (
        <>
          <p>
            <Text
              vertical={false}
              k="console:dashboard.range"
              values={{ from: new Date(board.from), to: new Date(board.to) }}
            />
          </p>
          <div className="console-dashboard__figures">
            <div className="console-panel" data-testid="decision-share">
              <Text as="h2" k="console:dashboard.decision" />
              {decision && decision.share !== null ? (
                <Text
                  vertical={false}
                  k="console:dashboard.decisionShare"
                  values={{
                    share: Math.round(decision.share * 100),
                    within: decision.withinLimit,
                    judged,
                    days: decision.limitDays,
                  }}
                />
              ) : (
                <Text k="console:dashboard.none" vertical={false} />
              )}
            </div>
            <div className="console-panel">
              <Text as="h2" k="console:dashboard.firstResponse" />
              {board.firstResponse.medianHours !== null ? (
                <Text
                  vertical={false}
                  k="console:dashboard.hours"
                  values={{
                    n: board.firstResponse.medianHours.toFixed(1),
                    count: board.firstResponse.responded,
                  }}
                />
              ) : (
                <Text k="console:dashboard.none" vertical={false} />
              )}
            </div>
            <div className="console-panel">
              <Text as="h2" k="console:dashboard.satisfaction" />
              {board.satisfaction.average !== null ? (
                <Text
                  vertical={false}
                  k="console:dashboard.average"
                  values={{
                    n: board.satisfaction.average.toFixed(1),
                    count: board.satisfaction.ratings,
                  }}
                />
              ) : (
                <Text k="console:dashboard.none" vertical={false} />
              )}
            </div>
          </div>
          <CountSection
            title="console:dashboard.byKind"
            table="kind"
            counts={board.byKind}
            labelOf={kindLabel}
            weeks={weeks}
          />
          <CountSection
            title="console:dashboard.byCategory"
            table="category"
            counts={board.byCategory}
            labelOf={categoryLabel}
            weeks={weeks}
          />
          <CountSection
            title="console:dashboard.byStation"
            table="station"
            counts={board.byStation}
            labelOf={stationLabel}
            weeks={weeks}
          />
          <CountSection
            title="console:dashboard.byWeek"
            table="week"
            counts={board.byWeek}
            labelOf={plain}
            keyHeader="console:dashboard.week"
            weeks={weeks}
          />
          <CountSection
            title="console:dashboard.byRating"
            table="rating"
            counts={board.satisfaction.byRating}
            labelOf={ratingLabel}
            weeks={weeks}
          />
          <section className="console-panel">
            <div className="console-page__head">
              <Text as="h2" k="console:dashboard.silent" values={{ n: board.silent.days }} />
              <a
                className="console-button console-button--quiet"
                href={`/console/api/dashboard/silent.csv?weeks=${weeks}&silentDays=${SILENT_DAYS}`}
                download
              >
                <Text k="console:fleet.exportCsv" />
              </a>
            </div>
            {board.silent.devices.length === 0 ? (
              <p className="console-empty">
                <Text k="console:dashboard.none" />
              </p>
            ) : (
              <table className="console-table">
                <thead>
                  <tr>
                    <DeviceHeaders />
                  </tr>
                </thead>
                <tbody>
                  {board.silent.devices.map((d) => (
                    <tr key={d.id}>
                      <DeviceCells device={d} />
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
