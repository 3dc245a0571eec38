/**
 * The kiosk's camera (getUserMedia in the renderer): a live preview and a big "take photo"
 * button; the frame becomes a JPEG. When there is no camera, or it is refused, the resident is
 * told so and staff get a "choose image file" button instead (a scanner's output, a phone
 * photo). The stream is stopped as soon as the component leaves the screen.
 */
import { useEffect, useRef, useState } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, ErrorNotice, Text } from '@pls/shared/ui';

export interface CapturedImage {
  readonly mimeType: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
}

export interface CameraCaptureProps {
  readonly onCapture: (image: CapturedImage) => void;
  readonly captureLabel: TranslationKey;
  /** Staff may pick an image file instead of using the camera. */
  readonly allowFile: boolean;
  readonly busy?: boolean;
}

type CameraState = 'starting' | 'live' | 'unavailable';

const MAX_SIDE = 1600;

async function frameToJpeg(video: HTMLVideoElement): Promise<Uint8Array> {
  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d canvas context');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', 0.9),
  );
  if (blob === null) throw new Error('the frame could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

export function CameraCapture({
  onCapture,
  captureLabel,
  allowFile,
  busy = false,
}: CameraCaptureProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let live = true;
    const media = navigator.mediaDevices;
    if (media === undefined || typeof media.getUserMedia !== 'function') {
      setState('unavailable');
      return;
    }
    media
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (opened) => {
        if (!live) {
          for (const track of opened.getTracks()) track.stop();
          return;
        }
        stream = opened;
        const element = video.current;
        if (element === null) return;
        element.srcObject = opened;
        await element.play().catch(() => undefined);
        setState('live');
      })
      .catch(() => {
        if (live) setState('unavailable');
      });
    return () => {
      live = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const capture = async () => {
    const element = video.current;
    if (element === null || element.videoWidth === 0) return;
    try {
      setFailed(false);
      onCapture({ mimeType: 'image/jpeg', bytes: await frameToJpeg(element) });
    } catch {
      setFailed(true);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (file === undefined) return;
    const mimeType =
      file.type === 'image/png'
        ? 'image/png'
        : file.type === 'image/jpeg'
          ? 'image/jpeg'
          : undefined;
    if (mimeType === undefined) {
      setFailed(true);
      return;
    }
    setFailed(false);
    onCapture({ mimeType, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  return (
    <div className="k-camera">
      <div className="k-camera__frame" data-state={state}>
        <video ref={video} className="k-camera__video" muted playsInline aria-hidden="true" />
        {state === 'starting' ? (
          <Text k="kiosk:camera.starting" className="k-camera__overlay" />
        ) : null}
        {state === 'unavailable' ? (
          <Text k="kiosk:camera.unavailable" className="k-camera__overlay" />
        ) : null}
      </div>
      <div className="k-camera__actions">
        <BigButton
          label={busy ? 'kiosk:camera.working' : captureLabel}
          className="k-act--capture"
          icon="check"
          onPress={() => void capture()}
          disabled={state !== 'live' || busy}
        />
        {allowFile ? (
          <label className="pls-button pls-button--secondary k-file-button">
            <Text k="kiosk:camera.chooseFile" className="pls-button__label" />
            <input
              type="file"
              accept="image/jpeg,image/png"
              className="k-visually-hidden"
              data-testid="image-file"
              disabled={busy}
              onChange={(event) => void chooseFile(event.target.files?.[0])}
            />
          </label>
        ) : null}
      </div>
      {failed ? <ErrorNotice message="kiosk:camera.failed" /> : null}
    </div>
  );
}
