/** `host.*`: what the renderer needs to know about the host it runs on. */
import {
  KIOSK_BRIDGE_VERSION,
  parseEmpty,
  schemaParser,
  type EmptyInput,
  statusMethod,
} from './common';

export interface HostInfo {
  readonly bridgeVersion: number;
  /** The simulator controls work only when the host runs the simulated reader. */
  readonly simulator: boolean;
  readonly ocr: 'ready' | 'starting' | 'unavailable';
}

export const hostInfoSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['bridgeVersion', 'simulator', 'ocr'],
  properties: {
    // A host of another bridge version answers differently: refused like any bad answer.
    bridgeVersion: { const: KIOSK_BRIDGE_VERSION },
    simulator: { type: 'boolean' },
    ocr: { enum: ['ready', 'starting', 'unavailable'] },
  },
} as const;

export const HOST_METHODS = {
  'host.getInfo': statusMethod<EmptyInput, HostInfo>(parseEmpty, schemaParser(hostInfoSchema)),
} as const;
