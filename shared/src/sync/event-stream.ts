/**
 * The event-stream loop: one SSE connection for all pulled collections, opened through the
 * retry gate, watched by a heartbeat watchdog, and reopened when it ends. Why it ended is asked
 * with an ordinary request (`probe`), which gives a classified answer. It can be switched off
 * (a TV box nobody watches) and on again.
 */
import type { Result } from '../domain/result';
import { parseStreamEvent, type StreamEvent } from '../protocol/index';
import type { Clock, RetryGate } from './retry-gate';
import type { StreamConnection, StreamConnector } from './sse';
import type { HttpFailure } from './sync-http';

export interface EventStreamDeps {
  readonly url: string;
  readonly token: string;
  readonly connector: StreamConnector;
  readonly gate: RetryGate;
  readonly clock: Clock;
  readonly probe: () => Promise<Result<void, HttpFailure>>;
  /** The stream channel's failure for the status (null: it works). */
  readonly setFailure: (failure: HttpFailure | null) => void;
  readonly resync: () => void;
  readonly changes: (event: Extract<StreamEvent, { type: 'changes' }>) => void;
  readonly enabled: boolean;
}

export interface EventStream {
  readonly enabled: boolean;
  setEnabled(on: boolean): void;
  stop(): Promise<void>;
}

/** No heartbeat for this many intervals: the link is dead even if TCP has not noticed. */
const WATCHDOG_INTERVALS = 2.5;

export function startEventStream(deps: EventStreamDeps): EventStream {
  const { gate, clock } = deps;
  let enabled = deps.enabled;
  let stopped = false;
  /** Ends the current connection and wakes the loop (our own close() reports nothing). */
  let hangUp: (() => void) | undefined;
  /** Wakes the loop while it waits to be enabled. */
  let wake: (() => void) | undefined;

  /** One connection, until it closes; tells whether the server greeted it. */
  function connectOnce(): Promise<{ status?: number; greeted: boolean }> {
    let greeted = false;
    let connection: StreamConnection | undefined;
    let watchdog: unknown;
    const resetWatchdog = (seconds: number) => {
      if (watchdog !== undefined) clock.clearTimeout(watchdog);
      watchdog = clock.setTimeout(() => hangUp?.(), seconds * 1000 * WATCHDOG_INTERVALS);
    };
    const handle = (event: StreamEvent) => {
      switch (event.type) {
        case 'hello':
          greeted = true;
          gate.succeeded();
          deps.setFailure(null);
          resetWatchdog(event.heartbeatSeconds);
          break;
        case 'resync':
          deps.resync();
          break;
        case 'heartbeat':
          resetWatchdog(30);
          break;
        case 'changes':
          deps.changes(event);
          break;
        case 'closing':
          if (event.reason === 'revoked')
            deps.setFailure({ kind: 'revoked', message: 'the center revoked this device' });
          hangUp?.();
          break;
      }
    };
    return new Promise<{ status?: number }>((resolve) => {
      hangUp = () => {
        connection?.close();
        resolve({});
      };
      connection = deps.connector(deps.url, deps.token, {
        onOpen: () => resetWatchdog(60),
        onMessage: (message) => {
          const parsed = parseStreamEvent(message.event, message.data);
          if (parsed.ok) handle(parsed.value);
          else deps.setFailure({ kind: 'protocol', message: parsed.error.message });
        },
        onClosed: (info) => resolve(info),
      });
    }).then((info) => {
      if (watchdog !== undefined) clock.clearTimeout(watchdog);
      hangUp = undefined;
      return { ...info, greeted };
    });
  }

  const loop = (async () => {
    while (!stopped) {
      if (!enabled) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      await gate.ready();
      if (stopped || !enabled) continue;
      const startedAt = clock.now();
      const info = await connectOnce();
      if (stopped || !enabled) continue;
      const probe = await deps.probe();
      if (!probe.ok) {
        deps.setFailure(probe.error);
      } else if (!info.greeted) {
        deps.setFailure({
          kind: 'server',
          status: info.status ?? 0,
          message: `stream refused (HTTP ${info.status ?? '?'})`,
        });
      }
      // Otherwise the server is there and the stream simply ended (restart, proxy): reconnect
      // soon. Either way the next connection waits for the gate.
      gate.failed(startedAt);
    }
  })();

  return {
    get enabled() {
      return enabled;
    },
    setEnabled(on) {
      if (stopped || on === enabled) return;
      enabled = on;
      if (on) wake?.();
      else {
        hangUp?.();
        deps.setFailure(null);
      }
    },
    async stop() {
      stopped = true;
      hangUp?.();
      wake?.();
      await loop.catch(() => undefined);
    },
  };
}
