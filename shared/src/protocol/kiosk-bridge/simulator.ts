/** `simulator.*`: controls of the simulated reader (development, demos, e2e). */
import type { CardType } from '../../idcard/types';
import { optionalInput, parseEmpty, schemaParser, type EmptyInput, resultMethod } from './common';

export type SimulatorError = { readonly kind: 'simulatorUnavailable' };

export const CARD_TYPES = [
  'resident',
  'hmt-permit',
  'foreign-2017',
  'foreign-2023',
] as const satisfies readonly CardType[];

export interface PlaceCardInput {
  /** Which fictional sample card to place. */
  readonly cardType: CardType;
}

export interface SetLatencyInput {
  readonly ms: number;
}

const placeCardInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { cardType: { enum: CARD_TYPES } },
} as const;

const setLatencyInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ms'],
  properties: { ms: { type: 'integer', minimum: 0, maximum: 60_000 } },
} as const;

const simulatorError = schemaParser<SimulatorError>({
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { const: 'simulatorUnavailable' } },
});

const action = () =>
  resultMethod<EmptyInput, void, SimulatorError>(parseEmpty, 'void', simulatorError);

export const SIMULATOR_METHODS = {
  'simulator.placeCard': resultMethod<PlaceCardInput, void, SimulatorError>(
    optionalInput(
      schemaParser<PlaceCardInput>(placeCardInputSchema, (input) => ({
        cardType: input.cardType ?? 'resident',
      })),
      { cardType: 'resident' },
    ),
    'void',
    simulatorError,
  ),
  'simulator.liftCard': action(),
  'simulator.unplug': action(),
  'simulator.replug': action(),
  'simulator.setLatency': resultMethod<SetLatencyInput, void, SimulatorError>(
    schemaParser(setLatencyInputSchema),
    'void',
    simulatorError,
  ),
} as const;
