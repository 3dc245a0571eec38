/**
 * Optional photos of the resident's materials (a wage slip, a contract, a court paper), taken
 * with the kiosk's camera. The bytes stay in memory until submission, then go to the encrypted
 * attachment store and up to the center after the application.
 */
import { useEffect, useMemo, useState, type Dispatch } from 'react';
import { newDocumentId } from '@pls/shared/domain';
import { BigButton, ErrorNotice, Text } from '@pls/shared/ui';
import { MAX_PHOTOS, type ApplyAction, type ApplyState } from './apply-flow';
import type { PhotoBytes } from './submit-application';
import { CameraCapture, type CapturedImage } from '../ui/camera-capture';
import { StepFrame } from '../ui/step-frame';
import { distinctMessages } from './field-messages';

const MAX_PHOTO_BYTES = 5_000_000;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PhotosStepProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly photoBytes: Map<string, PhotoBytes>;
  readonly staffUnlocked: boolean;
  readonly progress: { n: number; total: number };
}

function Thumbnail({ bytes, mimeType }: PhotoBytes) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType })),
    [bytes, mimeType],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="k-photos__thumb" src={url} alt="" />;
}

export function PhotosStep({
  state,
  dispatch,
  photoBytes,
  staffUnlocked,
  progress,
}: PhotosStepProps) {
  const [tooLarge, setTooLarge] = useState(false);
  const photos = state.draft.photos;

  const add = async (image: CapturedImage) => {
    if (image.bytes.byteLength === 0 || image.bytes.byteLength > MAX_PHOTO_BYTES) {
      setTooLarge(true);
      return;
    }
    setTooLarge(false);
    const id = newDocumentId();
    photoBytes.set(id, { mimeType: image.mimeType, bytes: image.bytes });
    dispatch({
      type: 'photoAdded',
      photo: {
        id,
        mimeType: image.mimeType,
        bytes: image.bytes.byteLength,
        sha256: await sha256Hex(image.bytes),
        capturedAt: new Date().toISOString(),
      },
    });
  };

  return (
    <StepFrame
      testId="step-photos"
      title="kiosk:photos.title"
      prompt="kiosk:photos.prompt"
      progress={progress}
      actions={
        <BigButton
          label={photos.length === 0 ? 'kiosk:photos.skip' : 'kiosk:apply.next'}
          className="k-act--next"
          icon="right"
          onPress={() => dispatch({ type: 'photosDone' })}
        />
      }
    >
      {distinctMessages(state.errors).map((key) => (
        <ErrorNotice key={key} message={key} />
      ))}
      {tooLarge ? <ErrorNotice message="kiosk:photos.tooLarge" /> : null}
      {photos.length < MAX_PHOTOS ? (
        <CameraCapture
          captureLabel="kiosk:photos.capture"
          allowFile={staffUnlocked}
          onCapture={(image) => void add(image)}
        />
      ) : (
        <Text as="p" k="kiosk:photos.full" values={{ max: MAX_PHOTOS }} />
      )}
      <Text as="p" k="kiosk:photos.count" values={{ n: photos.length, max: MAX_PHOTOS }} />
      <ul className="k-photos" data-testid="photo-list">
        {photos.map((photo, index) => {
          const file = photoBytes.get(photo.id);
          return (
            <li key={photo.id} className="k-photos__item">
              {file ? <Thumbnail bytes={file.bytes} mimeType={file.mimeType} /> : null}
              <BigButton
                label="kiosk:photos.remove"
                className="k-act--remove-photo"
                labelValues={{ n: index + 1 }}
                variant="secondary"
                icon="clear"
                onPress={() => {
                  photoBytes.delete(photo.id);
                  dispatch({ type: 'photoRemoved', id: photo.id });
                }}
              />
            </li>
          );
        })}
      </ul>
    </StepFrame>
  );
}
