/** Listener bookkeeping shared by the transports. */
import type { TransportEvent } from '@pls/shared/idcard';

export class TransportEvents {
  private readonly listeners = new Set<(event: TransportEvent) => void>();

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: TransportEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
