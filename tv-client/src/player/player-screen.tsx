/**
 * A program playing: from the box's copy when downloaded, else streamed from the server's media
 * route. OK and the media keys play and pause, left/right (rewind/fast-forward) jump 10 s, Back
 * leaves (the app's default); the position is saved for continue-watching. A content update
 * while it plays does not touch the element: the source is chosen once, when the screen opens.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, useLanguage } from '@pls/shared/ui';
import { pickText, type Content } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import type { TranslationKey } from '@pls/shared/i18n';
import type { MediaLibrary, PlaySource } from '../media/media-library';
import { pickMedia, type MediaRef } from '../media/media-plan';
import { useScreenCommands } from '../ui/remote';
import { Tile } from '../ui/tile';

const PIN_KEY = 'player:pin';
import { useCollection } from '../ui/use-collection';
import { resumeAt, type Position } from './positions';

const JUMP_SECONDS = 10;

type State = 'loading' | 'playing' | 'paused' | 'ended' | 'failed';

export function canPlayHere(type: string): boolean {
  return document.createElement('video').canPlayType(type) !== '';
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function PlayerScreen({
  db,
  library,
  contentId,
  saved,
  onPosition,
  onOpened,
  pinned,
  onPin,
}: {
  readonly db: LocalDatabase;
  readonly library: MediaLibrary;
  readonly contentId: string;
  readonly saved: Position | undefined;
  readonly onPosition: (id: string, at: number, duration: number) => void;
  readonly onOpened: (id: string) => void;
  /** Kept on this box whatever the storage budget needs (Down, then OK on the pin button). */
  readonly pinned: boolean;
  readonly onPin: (id: string) => void;
}) {
  const { language } = useLanguage();
  const content = useCollection(db, 'content') as Content[];
  const item = content.find((c) => c.id === contentId);
  // Chosen once: a sync that changes the item must not restart what is playing.
  const [media, setMedia] = useState<MediaRef | undefined>(undefined);
  const [problem, setProblem] = useState<TranslationKey | undefined>(undefined);
  const [source, setSource] = useState<PlaySource | undefined>(undefined);
  const [state, setState] = useState<State>('loading');
  const [at, setAt] = useState(0);
  const [duration, setDuration] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const lastSaved = useRef(0);
  // Where playback is, kept outside the element: React clears the ref before the cleanup runs.
  const now = useRef<{ at: number; duration: number } | undefined>(undefined);

  useEffect(() => {
    if (!item || media || problem) return;
    onOpened(item.id);
    const pick = pickMedia(item, language, canPlayHere);
    if (!pick.ok)
      setProblem(pick.reason === 'unavailable' ? 'tv:player.unavailable' : 'tv:player.cannotPlay');
    else setMedia(pick.media);
  }, [item, media, problem, language, onOpened]);

  useEffect(() => {
    if (!media) return;
    let live = true;
    let chosen: PlaySource | undefined;
    void library.source(media.file).then((s) => {
      if (!live) return s.release();
      chosen = s;
      if (s.kind === 'stream' && !navigator.onLine) setProblem('tv:player.offline');
      setSource(s);
    });
    library.setPlaying(media.file);
    return () => {
      live = false;
      library.setPlaying(undefined);
      chosen?.release();
    };
  }, [library, media]);

  // Save where the viewer stopped when leaving.
  useEffect(
    () => () => {
      const last = now.current;
      if (last && Number.isFinite(last.duration)) onPosition(contentId, last.at, last.duration);
    },
    [contentId, onPosition],
  );

  const toggle = () => {
    const el = video.current;
    if (!el) return;
    if (el.paused) void el.play().catch(() => setState('failed'));
    else el.pause();
  };

  useScreenCommands((command) => {
    const el = video.current;
    if (command.kind !== 'command' || !el) return false;
    switch (command.command) {
      case 'ok':
        // OK on the pin button is that button's; anywhere else it plays and pauses.
        if ((document.activeElement as HTMLElement | null)?.dataset['focusKey'] === PIN_KEY)
          return false;
        toggle();
        return true;
      case 'playPause':
        toggle();
        return true;
      case 'play':
        void el.play().catch(() => setState('failed'));
        return true;
      case 'pause':
        el.pause();
        return true;
      case 'left':
      case 'rewind':
        el.currentTime = Math.max(0, el.currentTime - JUMP_SECONDS);
        return true;
      case 'right':
      case 'fastForward':
        el.currentTime = Math.min(el.duration || 0, el.currentTime + JUMP_SECONDS);
        return true;
      // The app's keys (Back, colours) and arrows the player has no use for.
      case 'up':
      case 'down':
      case 'stop':
      case 'back':
      case 'red':
      case 'green':
      case 'yellow':
      case 'blue':
        return false;
    }
  });

  const title = item ? pickText(item.title, language) : undefined;
  const stateKey: TranslationKey = state === 'playing' ? 'tv:player.playing' : 'tv:player.paused';
  return (
    <div className="tv-player" data-testid="player" data-state={state} data-source={source?.kind}>
      <div
        className="tv-player__frame"
        tabIndex={0}
        // A label needs a role (axe: aria-prohibited-attr on a plain div).
        role="group"
        data-focus-key="player:video"
        aria-label={title?.text}
      >
        {source && !problem ? (
          <video
            ref={video}
            className="tv-player__video"
            src={source.url}
            autoPlay
            playsInline
            onLoadedMetadata={(e) => {
              const el = e.currentTarget;
              setDuration(el.duration);
              const start = resumeAt(saved);
              if (start > 0 && start < el.duration) el.currentTime = start;
            }}
            onPlaying={() => setState('playing')}
            onPause={() => setState('paused')}
            onEnded={() => {
              setState('ended');
              onPosition(contentId, duration, duration);
            }}
            onError={() => {
              setState('failed');
              setProblem(source.kind === 'stream' ? 'tv:player.offline' : 'tv:player.cannotPlay');
            }}
            onTimeUpdate={(e) => {
              const el = e.currentTarget;
              setAt(el.currentTime);
              now.current = { at: el.currentTime, duration: el.duration };
              if (Math.abs(el.currentTime - lastSaved.current) >= 5) {
                lastSaved.current = el.currentTime;
                onPosition(contentId, el.currentTime, el.duration);
              }
            }}
          />
        ) : null}
        {problem ? <Text k={problem} as="p" className="tv-notice" /> : null}
      </div>
      <div className="tv-player__bar">
        {/* First in the bar, so it is never cut off by a long title. */}
        <Tile
          focusKey={PIN_KEY}
          className="tv-tile--action"
          pressed={pinned}
          onOk={() => onPin(contentId)}
        >
          <Text k={pinned ? 'tv:player.unpin' : 'tv:player.pin'} />
        </Tile>
        {pinned ? <Text k="tv:player.pinned" className="tv-player__pinned" /> : null}
        {title ? <Text text={item!.title} as="h2" className="tv-player__title" /> : null}
        <Text k={stateKey} className="tv-player__state" />
        {source ? (
          <Text
            k={source.kind === 'local' ? 'tv:player.local' : 'tv:player.streaming'}
            className="tv-quiet"
          />
        ) : null}
        <Text
          k="tv:player.position"
          values={{ at: clock(at), total: clock(duration) }}
          className="tv-player__time"
        />
        <Text k="tv:player.hint" className="tv-quiet" />
        {item?.sample ? <Text k="tv:read.sample" className="tv-quiet" /> : null}
      </div>
    </div>
  );
}
