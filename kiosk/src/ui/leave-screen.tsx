/**
 * Asked when Home is pressed in the middle of an application: leaving deletes what was entered
 * (on purpose: the next person must not find it). A page of its own, not a pop-up.
 */
import { useEffect } from 'react';
import { BigButton } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import { StepFrame } from './step-frame';

export function LeaveScreen({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const voice = useVoice();
  useEffect(() => () => voice.stop(), [voice]);
  return (
    <StepFrame
      testId="leave"
      title="kiosk:leave.title"
      prompt="kiosk:leave.prompt"
      actions={
        <>
          <BigButton
            label="kiosk:leave.stay"
            className="k-act--stay"
            icon="back"
            onPress={onStay}
          />
          <BigButton
            label="kiosk:leave.confirm"
            className="k-act--leave"
            icon="home"
            variant="alert"
            onPress={onLeave}
          />
        </>
      }
    />
  );
}
