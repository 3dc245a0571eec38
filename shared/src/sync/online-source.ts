/** Whether the device has a network at all, and when that changes. */
export interface OnlineSource {
  isOnline(): boolean;
  /** Calls back on every change; returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** navigator.onLine and the window's online/offline events; always online where there are none (Node). */
export const BROWSER_ONLINE_SOURCE: OnlineSource = {
  isOnline: () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false,
  subscribe(listener) {
    const target = globalThis as {
      addEventListener?: (t: string, l: () => void) => void;
      removeEventListener?: (t: string, l: () => void) => void;
    };
    if (!target.addEventListener || !target.removeEventListener) return () => undefined;
    const on = () => listener(true);
    const off = () => listener(false);
    target.addEventListener('online', on);
    target.addEventListener('offline', off);
    return () => {
      target.removeEventListener?.('online', on);
      target.removeEventListener?.('offline', off);
    };
  },
};
