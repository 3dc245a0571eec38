/**
 * Staff unlock the kiosk with the station PIN from the center's device_config (checked offline,
 * see staff/staff-pin.ts). The PIN is shown as dots; five wrong tries lock it for a minute.
 */
import { useState } from 'react';
import { BigButton, ErrorNotice, Text } from '@pls/shared/ui';
import type { StaffPurpose } from '../session/session-reducer';
import { isPinShaped, verifyStaffPin } from './staff-pin';
import { PinPad } from '../ui/code-keypad';
import { useDeviceSettings, useRuntime } from '../ui/runtime';
import { StepFrame } from '../ui/step-frame';

export function StaffPinScreen({
  purpose,
  onUnlocked,
  onCancel,
}: {
  purpose: StaffPurpose;
  onUnlocked: () => void;
  onCancel: () => void;
}) {
  const { pinThrottle } = useRuntime();
  const settings = useDeviceSettings();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<'wrong' | 'throttled' | undefined>(undefined);
  const [retryIn, setRetryIn] = useState(0);
  const record = settings.staffPin;

  const unlock = async () => {
    if (record === undefined || checking) return;
    const verdict = pinThrottle.check(Date.now());
    if (!verdict.allowed) {
      setRetryIn(verdict.retryInSeconds);
      setProblem('throttled');
      return;
    }
    setChecking(true);
    const valid = await verifyStaffPin(pin, record);
    setChecking(false);
    setPin('');
    if (valid) {
      pinThrottle.succeeded();
      onUnlocked();
    } else {
      pinThrottle.failed(Date.now());
      setProblem('wrong');
    }
  };

  return (
    <StepFrame
      testId="staff-pin"
      title={purpose === 'help' ? 'kiosk:staff.pin.titleHelp' : 'kiosk:staff.pin.title'}
      prompt="kiosk:staff.pin.prompt"
      actions={
        <>
          <BigButton
            label={checking ? 'kiosk:staff.pin.checking' : 'kiosk:staff.pin.unlock'}
            className="k-act--unlock"
            icon="check"
            disabled={record === undefined || !isPinShaped(pin) || checking}
            onPress={() => void unlock()}
          />
          <BigButton
            label="kiosk:staff.pin.cancel"
            className="k-act--pin-cancel"
            variant="secondary"
            onPress={onCancel}
          />
        </>
      }
    >
      {record === undefined ? <ErrorNotice message="kiosk:staff.pin.notSet" /> : null}
      {problem === 'wrong' ? <ErrorNotice message="kiosk:staff.pin.wrong" /> : null}
      {problem === 'throttled' ? (
        <div className="pls-error-notice" role="alert">
          <Text k="kiosk:staff.pin.throttled" values={{ seconds: retryIn }} />
        </div>
      ) : null}
      <PinPad label="kiosk:staff.pin.label" value={pin} onChange={setPin} maxLength={8} masked />
    </StepFrame>
  );
}
