/**
 * What every screen of a running kiosk can reach: the bridge, the local database, the sync
 * handle, this kiosk's enrollment and settings. Built once at start (boot/start-kiosk.ts) and
 * shared through context; nothing in it belongs to one resident.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { KioskDatabase } from '@pls/shared/db';
import type { DeviceConfig, LocalizedText } from '@pls/shared/domain';
import {
  isHostUnavailable,
  type BridgeReaderEvent,
  type HostInfo,
  type KioskApi,
} from '@pls/shared/protocol';
import type { ReaderStatus } from '@pls/shared/idcard';
import type { SyncHandle, SyncStatus } from '@pls/shared/sync';
import type { SyncBadgeStatus } from '@pls/shared/ui';
import type { Enrollment } from '../boot/enrollment';
import { DEFAULT_SETTINGS, settingsOf, type DeviceSettings } from '../boot/device-settings';
import type { AttemptThrottle } from '../session/attempt-throttle';
import type { StaffCallLog } from '../session/staff-calls';

export interface KioskRuntime {
  readonly kiosk: KioskApi;
  readonly host: HostInfo;
  readonly db: KioskDatabase;
  readonly enrollment: Enrollment;
  readonly sync: SyncHandle;
  readonly staffCalls: StaffCallLog;
  readonly lookupThrottle: AttemptThrottle;
  readonly pinThrottle: AttemptThrottle;
}

const RuntimeContext = createContext<KioskRuntime | undefined>(undefined);

export const RuntimeProvider = RuntimeContext.Provider;

export function useRuntime(): KioskRuntime {
  const runtime = useContext(RuntimeContext);
  if (runtime === undefined) throw new Error('useRuntime outside <RuntimeProvider>');
  return runtime;
}

/** The badge's view of the sync status. */
export function badgeStatus(status: SyncStatus): SyncBadgeStatus {
  switch (status.kind) {
    case 'offline':
      return { kind: 'offline' };
    case 'syncing':
      return { kind: 'syncing' };
    case 'upToDate':
      return { kind: 'upToDate', lastSuccessAt: status.lastSyncedAt };
    case 'error':
      return { kind: 'error', reason: `${status.reason}: ${status.detail}` };
  }
}

export function useSyncStatus(): SyncStatus {
  const { sync } = useRuntime();
  return useSyncExternalStore(
    (listener) => {
      const subscription = sync.status$.subscribe(() => listener());
      return () => subscription.unsubscribe();
    },
    () => sync.status,
  );
}

/** This kiosk's device_config from the center, as settings (defaults until it arrives). */
export function useDeviceSettings(): DeviceSettings {
  const { db, enrollment } = useRuntime();
  const [settings, setSettings] = useState<DeviceSettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const collection = db.device_config;
    if (!collection) return;
    const subscription = collection.findOne(enrollment.deviceId).$.subscribe((doc) => {
      setSettings(settingsOf(doc ? (doc.toMutableJSON() as DeviceConfig) : undefined));
    });
    return () => subscription.unsubscribe();
  }, [db, enrollment.deviceId]);
  return settings;
}

/**
 * The station's name from the directory the center publishes; its id (for paper only) until the
 * directory has arrived.
 */
export function useStationName(): { readonly name: LocalizedText; readonly known: boolean } {
  const { db, enrollment } = useRuntime();
  const [name, setName] = useState<LocalizedText | undefined>(undefined);
  useEffect(() => {
    const collection = db.directory;
    if (!collection) return;
    const subscription = collection.findOne(enrollment.stationId).$.subscribe((doc) => {
      if (doc && doc.kind === 'station') setName(doc.name);
    });
    return () => subscription.unsubscribe();
  }, [db, enrollment.stationId]);
  return name
    ? { name, known: true }
    : { name: { zh: enrollment.stationId, mn: '', mnStatus: 'missing' }, known: false };
}

/** Reader events while the calling screen is up; the listener sees each event once. */
export function useReaderEvents(listener: (event: BridgeReaderEvent) => void): void {
  const { kiosk } = useRuntime();
  useEffect(() => kiosk.reader.subscribe(listener), [kiosk, listener]);
}

/** The reader's status: asked once, then kept current by the pushed events. */
export function useReaderStatus(): ReaderStatus | undefined {
  const { kiosk } = useRuntime();
  const [status, setStatus] = useState<ReaderStatus | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const unsubscribe = kiosk.reader.subscribe((event) => {
      if (event.type === 'statusChanged') setStatus(event.status);
    });
    void kiosk.reader.getStatus().then((current) => {
      // No answer from the host: unknown until its next status event.
      if (live && !isHostUnavailable(current)) setStatus((known) => known ?? current);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [kiosk]);
  return status;
}

export function useStaffCalls() {
  const { staffCalls } = useRuntime();
  return useSyncExternalStore(staffCalls.subscribe, staffCalls.calls);
}
