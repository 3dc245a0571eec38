/**
 * Types of the ID card reader: decoded card data, reader status and events, the transport a
 * reader drives, and the clock it waits on. Everything that crosses IPC or a WebSocket is a
 * plain serializable object; the photo is the one exception and is left out unless asked for.
 */
import type { Result } from '../domain/result';
import type { Sex } from '../domain/id-number';
import type { FrameError } from './frame-codec';
import type { CardDecodeError } from './card-text';
import type { SamStatusInfo } from './sam-status';
import type { SamCommandName, SamCommandSet } from './sam-commands';

export type { Sex };

/** `' '` resident card, `'J'` HK/Macau/Taiwan residence permit, `'I'`/`'Y'` foreigner cards. */
export type CardType = 'resident' | 'hmt-permit' | 'foreign-2017' | 'foreign-2023';

/** YYYY-MM-DD, or `long-term` for 长期 (valid-to only). */
export type CardDate = string;

/** Raw WLT photo bytes as read from the chip. Decoding needs a licensed vendor library. */
export interface CardPhoto {
  readonly format: 'wlt';
  readonly bytes: Uint8Array;
}

interface CardCommon {
  /** Chinese name; for a foreigner's card without one, the English name. */
  readonly name: string;
  readonly sex: Sex;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly idNumber: string;
  /**
   * 18-character numbers: GB 11643 check digit, real birth date agreeing with the card, known
   * region. The 15-character 2017 foreigner permit number has no published check digit, so
   * for it only the structure (3 letters = nationality, 12 digits) is checked.
   */
  readonly idNumberValid: boolean;
  /** YYYY-MM-DD */
  readonly validFrom: CardDate;
  /** YYYY-MM-DD or `long-term` */
  readonly validTo: CardDate;
  /** Present only when the reader was asked to keep it (`includePhoto`). */
  readonly photo?: CardPhoto;
}

export interface ResidentCard extends CardCommon {
  readonly cardType: 'resident';
  /** 民族: two-digit GB 3304 code; `name` is null for a code outside the table. */
  readonly nation: { readonly code: string; readonly name: string | null };
  readonly address: string;
  readonly issuer: string;
}

export interface HmtPermitCard extends CardCommon {
  readonly cardType: 'hmt-permit';
  readonly address: string;
  readonly issuer: string;
  /** 通行证号码 */
  readonly passNumber: string;
  /** 签发次数 */
  readonly issueCount: string;
}

export interface Foreign2017Card extends CardCommon {
  readonly cardType: 'foreign-2017';
  readonly englishName: string;
  /** Three-letter GB/T 2659 code. */
  readonly nationality: string;
  /** The 4-character code of the issuing authority stored on the chip. */
  readonly issuer: string;
  readonly cardVersion: string;
}

export interface Foreign2023Card extends CardCommon {
  readonly cardType: 'foreign-2023';
  readonly englishName: string;
  /** Three-letter GB/T 2659 code. */
  readonly nationality: string;
  /** 换证次数 */
  readonly renewalCount: string;
}

export type IdCardData = ResidentCard | HmtPermitCard | Foreign2017Card | Foreign2023Card;

/** Why the transport failed. `message` is for logs and technicians, not for residents. */
export type TransportError =
  | { readonly kind: 'moduleUnavailable'; readonly module: string; readonly message: string }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'openFailed'; readonly message: string }
  | { readonly kind: 'writeFailed'; readonly message: string }
  | { readonly kind: 'disconnected'; readonly message: string }
  | { readonly kind: 'unsupported'; readonly message: string }
  /** The device-profile configuration could not be loaded. */
  | { readonly kind: 'config'; readonly message: string };

/** Non-fatal problems below the SAM frame (a corrupt HID report); the link stays up. */
export type TransportWarning = { readonly kind: 'envelope'; readonly message: string };

export type TransportEvent =
  | { readonly type: 'data'; readonly bytes: Uint8Array }
  | { readonly type: 'warning'; readonly warning: TransportWarning }
  | { readonly type: 'closed'; readonly error: TransportError };

/**
 * A byte link to a SAM reader. `write` takes one complete SAM command frame; `data` events
 * carry SAM response bytes in whatever pieces the link delivers them (envelopes, report IDs
 * and padding already removed). The reader reassembles frames itself.
 */
export interface Transport {
  /** Human-readable identity for logs and `idcard list`, e.g. `hid 10c4:0007 /dev/hidraw3`. */
  readonly label: string;
  open(): Promise<Result<void, TransportError>>;
  write(frame: Uint8Array): Promise<Result<void, TransportError>>;
  subscribe(listener: (event: TransportEvent) => void): () => void;
  close(): Promise<void>;
  /**
   * What the device profile of the opened reader asks of the state machine (vendor command
   * codes, how to notice a lift). Read after each successful `open`.
   */
  linkOptions?(): LinkOptions;
}

export interface LinkOptions {
  readonly commands?: Partial<SamCommandSet>;
  readonly presenceProbe?: PresenceProbe;
}

/**
 * How the reader notices that a read card was lifted: `appendedAddress` probes with `30 03`
 * (a card still in the field answers), `none` waits for the next successful find.
 */
export type PresenceProbe = 'appendedAddress' | 'none';

/** Timers the reader waits on; injected so tests drive time instead of waiting for it. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; the returned function cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

/** Why reading failed or the reader is unusable. Serializable; `code` keys UI messages. */
export type ReaderError =
  | { readonly code: 'transport'; readonly transport: TransportError }
  | { readonly code: 'timeout'; readonly command: SamCommandName; readonly afterMs: number }
  | { readonly code: 'frame'; readonly command: SamCommandName; readonly frame: FrameError }
  | {
      readonly code: 'samStatus';
      readonly command: SamCommandName;
      readonly status: SamStatusInfo;
    }
  | { readonly code: 'card'; readonly card: CardDecodeError };

export type ReaderStatus =
  | { readonly kind: 'disconnected'; readonly reason?: ReaderError }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'waitingForCard' }
  | { readonly kind: 'reading' }
  /** Read done; the card must be lifted before the next read. */
  | { readonly kind: 'cardPresent' }
  | { readonly kind: 'error'; readonly error: ReaderError };

export type ReaderEvent =
  | { readonly type: 'statusChanged'; readonly status: ReaderStatus }
  | { readonly type: 'cardPlaced' }
  | { readonly type: 'cardRead'; readonly card: IdCardData }
  | { readonly type: 'readFailed'; readonly error: ReaderError }
  | { readonly type: 'cardRemoved' };

export interface IdCardReader {
  /** Starts polling in the background; idempotent. */
  start(): void;
  /** Stops polling and closes the link; resolves when the link is closed. */
  stop(): Promise<void>;
  getStatus(): ReaderStatus;
  /** Events are pushed, never polled. Returns the unsubscribe function. */
  subscribe(listener: (event: ReaderEvent) => void): () => void;
}
