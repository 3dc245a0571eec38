/**
 * Watches for touches and keys; near the timeout it shows and speaks a warning with a
 * countdown, then calls onReset (the app clears the screen and its in-memory form state).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVoice } from '../voice/voice-context';
import { BigButton } from './big-button';
import { createIdleTimer, type IdlePhase, type Scheduler } from './idle-timer';
import { Text } from './text';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleGuardProps {
  readonly timeoutSeconds: number;
  readonly warningSeconds: number;
  readonly onReset: () => void;
  readonly scheduler?: Scheduler;
  /** Where activity is watched; the document by default. */
  readonly target?: EventTarget;
}

export function IdleGuard({
  timeoutSeconds,
  warningSeconds,
  onReset,
  scheduler,
  target,
}: IdleGuardProps) {
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const voice = useVoice();
  const onResetRef = useRef(onReset);
  useLayoutEffect(() => {
    onResetRef.current = onReset;
  }, [onReset]);
  const timerRef = useRef<ReturnType<typeof createIdleTimer> | undefined>(undefined);

  useEffect(() => {
    const timer = createIdleTimer({
      timeoutMs: timeoutSeconds * 1000,
      warningMs: warningSeconds * 1000,
      ...(scheduler ? { scheduler } : {}),
      onPhase: setPhase,
      onReset: () => {
        voice.stop();
        onResetRef.current();
      },
    });
    timerRef.current = timer;
    const watched = target ?? document;
    const onActivity = () => timer.activity();
    for (const type of ACTIVITY_EVENTS)
      watched.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) watched.removeEventListener(type, onActivity);
      timer.dispose();
    };
  }, [timeoutSeconds, warningSeconds, scheduler, target, voice]);

  const warning = phase.kind === 'warning';
  useEffect(() => {
    if (warning) void voice.speak('common:idle.warning');
    else voice.stop();
  }, [warning, voice]);

  if (phase.kind !== 'warning') return null;
  return (
    <div className="pls-idle" role="alertdialog" aria-modal="true" aria-labelledby="pls-idle-title">
      <div className="pls-idle__panel">
        <Text as="h2" k="common:idle.title" id="pls-idle-title" className="pls-idle__title" />
        <Text k="common:idle.warning" className="pls-idle__message" />
        <div className="pls-idle__countdown" aria-live="assertive">
          <Text k="common:idle.remaining" className="pls-idle__remaining" />
          <span className="pls-idle__seconds">{phase.remainingSeconds}</span>
        </div>
        <BigButton
          label="common:idle.continue"
          icon="check"
          onPress={() => timerRef.current?.activity()}
        />
      </div>
    </div>
  );
}
