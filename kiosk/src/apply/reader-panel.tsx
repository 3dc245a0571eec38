/**
 * The ID card reader as the resident sees it: where to put the card, what the reader is doing,
 * and what went wrong, in words and aloud. Messages follow the reader's own mapping
 * (@pls/shared/idcard reader-messages) so every status has exactly one instruction.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  readerErrorMessage,
  readerStatusMessage,
  type ReaderMessageKey,
  type ReaderStatus,
} from '@pls/shared/idcard';
import type { TranslationKey } from '@pls/shared/i18n';
import type { BridgeIdCard, BridgeReaderEvent } from '@pls/shared/protocol';
import { Icon, Text } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import { useReaderEvents, useReaderStatus } from '../ui/runtime';

export const READER_MESSAGES: Readonly<Record<ReaderMessageKey, TranslationKey>> = {
  'status.disconnected': 'kiosk:reader.status.disconnected',
  'status.connecting': 'kiosk:reader.status.connecting',
  'status.waitingForCard': 'kiosk:reader.status.waitingForCard',
  'status.reading': 'kiosk:reader.status.reading',
  'status.cardPresent': 'kiosk:reader.status.cardPresent',
  'status.error': 'kiosk:reader.status.error',
  'event.cardPlaced': 'kiosk:reader.event.cardPlaced',
  'event.cardRead': 'kiosk:reader.event.cardRead',
  'event.cardRemoved': 'kiosk:reader.event.cardRemoved',
  'error.tryAgain': 'kiosk:reader.error.tryAgain',
  'error.unknownCard': 'kiosk:reader.error.unknownCard',
  'error.cardData': 'kiosk:reader.error.cardData',
  'error.readerFault': 'kiosk:reader.error.readerFault',
  'error.disconnected': 'kiosk:reader.error.disconnected',
  'error.notResponding': 'kiosk:reader.error.notResponding',
};

/** Whether the reader can read a card now or soon (else: offer the other ways). */
function readerUsable(status: ReaderStatus | undefined): boolean {
  return status !== undefined && status.kind !== 'disconnected' && status.kind !== 'error';
}

export function ReaderPanel({ onCard }: { onCard: (card: BridgeIdCard) => void }) {
  const status = useReaderStatus();
  const voice = useVoice();
  const [problem, setProblem] = useState<TranslationKey | undefined>(undefined);
  const onCardRef = useRef(onCard);
  useEffect(() => {
    onCardRef.current = onCard;
  }, [onCard]);

  const listener = useCallback(
    (event: BridgeReaderEvent) => {
      if (event.type === 'cardRead') {
        setProblem(undefined);
        onCardRef.current(event.card);
        return;
      }
      if (event.type === 'readFailed') {
        const key = READER_MESSAGES[readerErrorMessage(event.error)];
        setProblem(key);
        void voice.speak(key);
        return;
      }
      if (event.type === 'statusChanged') {
        // Say what changed when it needs the resident (or staff): not "connecting" chatter.
        if (event.status.kind === 'disconnected' || event.status.kind === 'error') {
          void voice.speak(READER_MESSAGES[readerStatusMessage(event.status)]);
        }
        if (event.status.kind === 'waitingForCard') setProblem(undefined);
      }
    },
    [voice],
  );
  useReaderEvents(listener);

  const statusKey =
    status === undefined
      ? 'kiosk:reader.status.connecting'
      : READER_MESSAGES[readerStatusMessage(status)];
  return (
    <div className="k-reader" data-reader={status?.kind ?? 'unknown'} data-testid="reader-panel">
      <div className="k-reader__card" aria-hidden="true">
        <svg viewBox="0 0 120 76" className="k-reader__art">
          <rect
            x="2"
            y="2"
            width="116"
            height="72"
            rx="8"
            fill="#e8eef6"
            stroke="#0b4f9c"
            strokeWidth="3"
          />
          <rect x="80" y="14" width="26" height="32" rx="2" fill="#c9d3da" />
          <path d="M12 20h52M12 32h40M12 44h52M12 60h94" stroke="#0b4f9c" strokeWidth="4" />
        </svg>
      </div>
      <div className="k-reader__status" role="status" aria-live="polite">
        <Icon name={readerUsable(status) ? 'synced' : 'syncError'} />
        <Text k={statusKey} />
      </div>
      {problem ? (
        <div className="k-reader__problem" role="alert">
          <Icon name="syncError" />
          <Text k={problem} />
        </div>
      ) : null}
    </div>
  );
}
