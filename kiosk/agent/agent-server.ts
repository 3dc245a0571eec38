/**
 * The kiosk's device agent server: the shared loopback agent (`@pls/shared/host`: token,
 * Host/Origin checks, renderer files, JSON-RPC over WebSocket) serving the kiosk host's
 * handlers. A call the renderer got wrong is a JSON-RPC error (unknown method, invalid params);
 * a service that throws is logged by the agent and answered as an internal error.
 */
import { startLoopbackAgent, type RunningAgent } from '@pls/shared/host';
import { describeKioskCallError, dispatchKioskCall, RPC_ERRORS } from '@pls/shared/protocol';
import { err, ok } from '@pls/shared/domain';
import type { KioskHost } from '../host/kiosk-handlers';
import { placeholderPage } from './placeholder-page';

export type { RunningAgent };

export interface AgentOptions {
  readonly host: KioskHost;
  readonly token: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Built renderer (kiosk/dist/renderer); a placeholder page is served when it is missing. */
  readonly rendererDir?: string;
  readonly log?: (line: string) => void;
}

export function startAgent(options: AgentOptions): Promise<RunningAgent> {
  return startLoopbackAgent({
    token: options.token,
    port: options.port,
    ...(options.rendererDir !== undefined ? { rendererDir: options.rendererDir } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    placeholder: placeholderPage,
    handler: {
      async call(method, params) {
        const outcome = await dispatchKioskCall(options.host.handlers, method, params);
        if (outcome.ok) return ok(outcome.value);
        return err({
          code:
            outcome.error.kind === 'unknownMethod'
              ? RPC_ERRORS.methodNotFound
              : RPC_ERRORS.invalidParams,
          message: describeKioskCallError(outcome.error),
          data: outcome.error,
        });
      },
      subscribe: (listener) => options.host.subscribe(listener),
    },
  });
}
