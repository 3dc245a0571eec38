/** `simulator.*`: controls of the simulated reader (development, demos, e2e). */
import type { Result } from '../../domain/result';
import type { CardType } from '../../idcard/types';
import {
  optionalInput,
  parseEmpty,
  resultAnswer,
  schemaParser,
  type EmptyInput,
  type MethodSpec,
} from './common';

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

const simulatorAnswer = resultAnswer<void, SimulatorError>(
  'void',
  schemaParser({
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: { kind: { const: 'simulatorUnavailable' } },
  }),
);

const action = {
  input: parseEmpty,
  answer: simulatorAnswer,
  answers: 'result',
} as const satisfies MethodSpec<EmptyInput, Result<void, SimulatorError>>;

export const SIMULATOR_METHODS = {
  'simulator.placeCard': {
    input: optionalInput(
      schemaParser<PlaceCardInput>(placeCardInputSchema, (input) => ({
        cardType: input.cardType ?? 'resident',
      })),
      { cardType: 'resident' },
    ),
    answer: simulatorAnswer,
    answers: 'result',
  } satisfies MethodSpec<PlaceCardInput, Result<void, SimulatorError>>,
  'simulator.liftCard': action,
  'simulator.unplug': action,
  'simulator.replug': action,
  'simulator.setLatency': {
    input: schemaParser<SetLatencyInput>(setLatencyInputSchema),
    answer: simulatorAnswer,
    answers: 'result',
  } satisfies MethodSpec<SetLatencyInput, Result<void, SimulatorError>>,
} as const;
