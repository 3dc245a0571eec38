/**
 * Second step: who is applying. The card reader first (spoken prompt, reader state shown and
 * spoken); when no reader works, a photo of the card read by OCR (kiosk.ocr), or staff type it.
 * OCR is trusted without staff only when the check digit validates, the name was read and
 * nothing contradicts them, and the resident confirms both on screen; otherwise staff check it.
 */
import { useCallback, useState, type Dispatch } from 'react';
import type { OcrIdCardResult } from '@pls/shared/protocol';
import { BigButton, ErrorNotice, Text } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { ApplyAction, ApplyState } from './apply-flow';
import { CameraCapture, type CapturedImage } from '../ui/camera-capture';
import { useRuntime } from '../ui/runtime';
import { StepFrame } from '../ui/step-frame';
import { distinctMessages } from './field-messages';
import { ReaderPanel } from './reader-panel';
import { TypedIdentityForm } from './typed-identity-form';

type Mode =
  | { readonly kind: 'reader' }
  | { readonly kind: 'camera' }
  | { readonly kind: 'ocrResult'; readonly result: OcrIdCardResult }
  | { readonly kind: 'typed'; readonly from?: OcrIdCardResult };

export interface IdentityStepProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly staffUnlocked: boolean;
  /** Ask for the staff PIN (the flow stays where it is). */
  readonly onStaffHelp: () => void;
  /** False while staff screens cover the form: the card reader is not listened to then. */
  readonly active: boolean;
  readonly progress: { n: number; total: number };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** What OCR read, trusted without staff only if nothing about it is in doubt. */
export function ocrVerified(result: OcrIdCardResult): boolean {
  const number = result.idNumber;
  return (
    number.status === 'accepted' &&
    result.name !== null &&
    result.name.trim() !== '' &&
    (result.printedBirthDate === null || result.printedBirthDate === number.birthDate)
  );
}

export function IdentityStep({
  state,
  dispatch,
  staffUnlocked,
  onStaffHelp,
  active,
  progress,
}: IdentityStepProps) {
  const { kiosk } = useRuntime();
  const voice = useVoice();
  const [mode, setMode] = useState<Mode>({ kind: 'reader' });
  const [busy, setBusy] = useState(false);
  const [ocrProblem, setOcrProblem] = useState(false);

  const onCard = useCallback(
    (card: Parameters<Parameters<typeof ReaderPanel>[0]['onCard']>[0]) => {
      void voice.speak('kiosk:reader.event.cardRead');
      dispatch({
        type: 'identityFromCard',
        today: new Date(),
        card: {
          name: card.name,
          sex: card.sex,
          birthDate: card.birthDate,
          idNumber: card.idNumber,
          ...('nation' in card ? { nation: { code: card.nation.code } } : {}),
          ...('address' in card ? { address: card.address } : {}),
        },
      });
    },
    [dispatch, voice],
  );

  const readImage = async (image: CapturedImage) => {
    setBusy(true);
    setOcrProblem(false);
    try {
      const result = await kiosk.ocr.readIdCard({
        image: { mimeType: image.mimeType, dataBase64: base64(image.bytes) },
        mode: 'card',
      });
      if (!result.ok) {
        setOcrProblem(true);
        return;
      }
      setMode({ kind: 'ocrResult', result: result.value });
      void voice.speak(
        ocrVerified(result.value) ? 'kiosk:ocr.checkPrompt' : 'kiosk:ocr.needsStaff',
      );
    } finally {
      setBusy(false);
    }
  };

  const errors = distinctMessages(state.errors);

  let body;
  switch (mode.kind) {
    case 'reader':
      body = active ? <ReaderPanel onCard={onCard} /> : null;
      break;
    case 'camera':
      body = (
        <>
          <Text as="p" k="kiosk:ocr.howTo" />
          <CameraCapture
            captureLabel="kiosk:ocr.capture"
            allowFile={staffUnlocked}
            busy={busy}
            onCapture={(image) => void readImage(image)}
          />
          {ocrProblem ? <ErrorNotice message="kiosk:ocr.failed" /> : null}
        </>
      );
      break;
    case 'ocrResult': {
      const { result } = mode;
      const verified = ocrVerified(result);
      const number =
        result.idNumber.status === 'accepted' ? result.idNumber.idNumber : result.idNumber.text;
      body = (
        <div className="k-ocr" data-testid="ocr-result" data-verified={verified}>
          <dl className="k-summary">
            <div>
              <dt>
                <Text k="kiosk:identity.typed.name" />
              </dt>
              <dd lang="zh-Hans-CN">{result.name ?? '—'}</dd>
            </div>
            <div>
              <dt>
                <Text k="kiosk:identity.typed.idNumber" />
              </dt>
              <dd className="k-mono">{number === '' ? '—' : number}</dd>
            </div>
          </dl>
          <Text as="p" k={verified ? 'kiosk:ocr.checkPrompt' : 'kiosk:ocr.needsStaff'} />
          <div className="k-actions">
            {verified && result.idNumber.status === 'accepted' ? (
              <BigButton
                label="kiosk:ocr.correct"
                className="k-act--ocr-correct"
                icon="check"
                onPress={() =>
                  dispatch({
                    type: 'identityFromOcr',
                    name: result.name ?? '',
                    idNumber: number,
                    address: '',
                    verified: true,
                    today: new Date(),
                  })
                }
              />
            ) : null}
            <BigButton
              label="kiosk:ocr.staffCheck"
              className="k-act--ocr-staff"
              variant={verified ? 'secondary' : 'primary'}
              onPress={() => {
                setMode({ kind: 'typed', from: result });
                if (!staffUnlocked) onStaffHelp();
              }}
            />
            <BigButton
              label="kiosk:ocr.retake"
              className="k-act--ocr-retake"
              variant="secondary"
              onPress={() => setMode({ kind: 'camera' })}
            />
          </div>
        </div>
      );
      break;
    }
    case 'typed':
      body = staffUnlocked ? (
        <TypedIdentityForm
          state={state}
          dispatch={dispatch}
          source={mode.from ? 'ocr' : 'manual_staff'}
          initial={{
            name: mode.from?.name ?? '',
            idNumber: mode.from
              ? mode.from.idNumber.status === 'accepted'
                ? mode.from.idNumber.idNumber
                : mode.from.idNumber.text
              : '',
            address: '',
            sex: 'unknown',
          }}
          onCancel={() => setMode({ kind: 'reader' })}
        />
      ) : (
        <Text as="p" k="kiosk:identity.waitingForStaff" />
      );
      break;
  }

  return (
    <StepFrame
      testId="step-identity"
      title="kiosk:identity.title"
      prompt={mode.kind === 'camera' ? 'kiosk:ocr.howTo' : 'kiosk:identity.prompt'}
      progress={progress}
      speakPrompt={mode.kind === 'reader' || mode.kind === 'camera'}
      actions={
        mode.kind === 'typed' ? undefined : (
          <>
            {mode.kind !== 'reader' ? (
              <BigButton
                label="kiosk:identity.useReader"
                className="k-act--use-reader"
                variant="secondary"
                onPress={() => setMode({ kind: 'reader' })}
              />
            ) : null}
            {mode.kind !== 'camera' ? (
              <BigButton
                label="kiosk:identity.usePhoto"
                className="k-act--use-photo"
                variant="secondary"
                onPress={() => setMode({ kind: 'camera' })}
              />
            ) : null}
            <BigButton
              label="kiosk:identity.staffTypes"
              className="k-act--staff-types"
              variant="secondary"
              icon="staff"
              onPress={() => {
                setMode({ kind: 'typed' });
                if (!staffUnlocked) onStaffHelp();
              }}
            />
          </>
        )
      }
    >
      {mode.kind !== 'typed' && errors.length > 0
        ? errors.map((key) => <ErrorNotice key={key} message={key} />)
        : null}
      {body}
    </StepFrame>
  );
}
