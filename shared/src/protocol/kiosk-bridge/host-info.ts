/** `host.*`: what the renderer needs to know about the host it runs on. */
import {
  KIOSK_BRIDGE_VERSION,
  parseEmpty,
  schemaParser,
  type EmptyInput,
  type MethodSpec,
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
  'host.getInfo': {
    input: parseEmpty,
    answer: schemaParser<HostInfo>(hostInfoSchema),
    answers: 'status',
  } satisfies MethodSpec<EmptyInput, HostInfo>,
} as const;
