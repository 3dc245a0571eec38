/**
 * Runs the retention purge at start, every `intervalMs`, and soon after the center's receipts
 * or the device's retention setting change (a receipt arriving with a zero-day window purges at
 * once). One run at a time; a failed run is logged and the next one tries again.
 */
import { debounceTime, merge, type Subscription } from 'rxjs';
import type { DeviceConfig } from '@pls/shared/domain';
import type { DatabaseWith } from '@pls/shared/db';
import { purgeDuePersonalData, type PurgeReport } from './retention-purge';
import { watchReceipts } from '../cases/case-store';

export interface RetentionJobOptions {
  readonly db: DatabaseWith<'device_config' | 'case_updates'>;
  readonly deviceId: string;
  readonly intervalMs?: number;
  readonly now?: () => Date;
  readonly onReport?: (report: PurgeReport) => void;
  readonly onError?: (error: unknown) => void;
}

export interface RetentionJob {
  /** Runs a purge now (after any running one); resolves with its report. */
  runNow(): Promise<PurgeReport>;
  stop(): void;
}

const RETENTION_INTERVAL_MS = 10 * 60_000;

export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  // Unknown until the center's config arrives: no personal data is purged on a guess.
  let retentionDays: number | undefined;
  let running: Promise<PurgeReport> = Promise.resolve({
    purged: [],
    photosRemoved: 0,
    draftsRemoved: 0,
  });
  let stopped = false;

  const runNow = () => {
    running = running
      .catch(() => undefined)
      .then(() => purgeDuePersonalData(db, retentionDays, now()))
      .then((report) => {
        options.onReport?.(report);
        return report;
      });
    running.catch((error: unknown) => options.onError?.(error));
    return running;
  };

  const subscriptions: Subscription[] = [];
  const config = db.device_config.findOne(options.deviceId).$;
  const updates = watchReceipts(db);
  subscriptions.push(
    config.subscribe((doc) => {
      if (doc) retentionDays = (doc.toJSON() as DeviceConfig).retentionDays;
    }),
    merge(config, updates)
      .pipe(debounceTime(500))
      .subscribe(() => {
        if (!stopped) void runNow().catch(() => undefined);
      }),
  );
  const timer = setInterval(
    () => void runNow().catch(() => undefined),
    options.intervalMs ?? RETENTION_INTERVAL_MS,
  );
  void runNow().catch(() => undefined);

  return {
    runNow,
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const s of subscriptions) s.unsubscribe();
    },
  };
}
