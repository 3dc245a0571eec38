/**
 * A pure model of a SAM reader: it answers command frames with the response frames a reader
 * would send, for the card currently on it. Transports (simulated, HID-level test devices)
 * put this behind their own timing and framing.
 *
 * Modelled hardware behaviour:
 * - find → select → read, in that order; select without a find fails (81), read without a
 *   select fails (41);
 * - after a successful read the card is halted: find answers 80 until the card is lifted and
 *   put back (WS notes this about real readers);
 * - `30 03` (appended address) on a card still in the field answers 91 "item empty"; once the
 *   card has left it fails with 41. The reader uses this to notice a lift after a read, as the
 *   Routon SDK does with its appended-address read (JingLunReader `ReaderTask.java`);
 * - bad checksum, bad length and unknown commands get the documented 10, 11 and 21 replies;
 * - any command can be made to fail with any SW3 (`failNext`), for status-word tests.
 */
import { decodeCommandFrame, encodeResponseFrame } from './frame-codec';
import {
  DEFAULT_SAM_COMMANDS,
  SAM_COMMAND_NAMES,
  type SamCommandName,
  type SamCommandSet,
} from './sam-commands';
import { encodeSamId } from './sam-id';
import { encodeReadData, type SimulatedCard } from './card-builder';

type CardState = 'idle' | 'found' | 'selected' | 'halted';

export interface SamSimulatorOptions {
  readonly commands?: SamCommandSet;
  readonly samId?: Uint8Array;
}

export const SIMULATED_SAM_ID = encodeSamId({ major: 5, minor: 1, a: 20250101, b: 1234, c: 56789 });

export class SamSimulator {
  private card: SimulatedCard | undefined;
  private state: CardState = 'idle';
  private readonly failures: Array<{ command: SamCommandName; sw3: number }> = [];
  private readonly commands: SamCommandSet;
  private readonly samId: Uint8Array;
  /** Commands received, for tests that check the host's sequence. */
  readonly log: SamCommandName[] = [];

  constructor(options: SamSimulatorOptions = {}) {
    this.commands = options.commands ?? DEFAULT_SAM_COMMANDS;
    this.samId = options.samId ?? SIMULATED_SAM_ID;
  }

  placeCard(card: SimulatedCard): void {
    this.card = card;
    this.state = 'idle';
  }

  liftCard(): void {
    this.card = undefined;
    this.state = 'idle';
  }

  get cardOnReader(): SimulatedCard | undefined {
    return this.card;
  }

  /** The next `command` answers with `sw3` and no data (queued, one per call). */
  failNext(command: SamCommandName, sw3: number): void {
    this.failures.push({ command, sw3 });
  }

  /** One command frame in, one response frame out. */
  handle(frame: Uint8Array): Uint8Array {
    const decoded = decodeCommandFrame(frame);
    if (!decoded.ok) {
      return encodeResponseFrame(decoded.error.kind === 'badChecksum' ? 0x10 : 0x11);
    }
    const command = this.identify(decoded.value);
    if (command === undefined) return encodeResponseFrame(0x21);
    this.log.push(command);

    const failure = this.failures.findIndex((f) => f.command === command);
    if (failure >= 0) {
      const sw3 = this.failures[failure]!.sw3;
      this.failures.splice(failure, 1);
      return encodeResponseFrame(sw3);
    }
    return this.answer(command);
  }

  private identify(code: Uint8Array): SamCommandName | undefined {
    return SAM_COMMAND_NAMES.find((name) => {
      const expected = this.commands[name];
      return expected.length === code.length && expected.every((b, i) => code[i] === b);
    });
  }

  private answer(command: SamCommandName): Uint8Array {
    const card = this.card;
    switch (command) {
      case 'resetSam':
      case 'samStatus':
        return encodeResponseFrame(0x90);
      case 'samId':
        return encodeResponseFrame(0x90, this.samId);
      case 'findCard':
        if (card === undefined || this.state === 'halted') return encodeResponseFrame(0x80);
        this.state = 'found';
        return encodeResponseFrame(0x9f, new Uint8Array(4));
      case 'selectCard':
        if (card === undefined || (this.state !== 'found' && this.state !== 'selected')) {
          return encodeResponseFrame(0x81);
        }
        this.state = 'selected';
        return encodeResponseFrame(0x90, new Uint8Array(8));
      case 'readText':
      case 'readTextFingerprint':
        if (card === undefined || this.state !== 'selected') return encodeResponseFrame(0x41);
        this.state = 'halted';
        return encodeResponseFrame(
          0x90,
          encodeReadData(card, command === 'readText' ? 'text' : 'textFingerprint'),
        );
      case 'readAppendedAddress':
        if (card === undefined || (this.state !== 'selected' && this.state !== 'halted')) {
          return encodeResponseFrame(0x41);
        }
        return encodeResponseFrame(0x91);
    }
  }
}
