/**
 * Staff mode, after the PIN: help the resident at the kiosk (take over their application, then
 * hand it back), the station's applications and their sync state, reprints, forms interrupted
 * by a power cut, device health and calls for staff.
 */
import { useEffect } from 'react';
import type { Draft } from '@pls/shared/db';
import { BigButton, Text } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import { useRuntime } from '../ui/runtime';
import { StepLayout } from '../ui/step-frame';
import { ApplicationsPanel } from './applications-panel';
import { StaffCallsPanel } from './calls-panel';
import { DraftsPanel } from './drafts-panel';
import { HealthPanel } from './health-panel';
import { Panel } from './panel';
import { RefusedPanel } from './refused-panel';
import { SimulatorPanel } from './simulator-panel';

export interface StaffScreenProps {
  readonly applyActive: boolean;
  readonly currentDraftId: string | undefined;
  readonly onTakeOver: () => void;
  readonly onExit: () => void;
  readonly onResumeDraft: (draft: Draft) => void;
}

export function StaffScreen({
  applyActive,
  currentDraftId,
  onTakeOver,
  onExit,
  onResumeDraft,
}: StaffScreenProps) {
  const { host } = useRuntime();
  const voice = useVoice();
  // What was being said to the resident (the step they were on) is not for this screen.
  useEffect(() => voice.stop(), [voice]);
  return (
    <StepLayout
      testId="staff-screen"
      labelledBy="staff-title"
      className="k-staff"
      actions={
        <BigButton
          label="kiosk:staff.exit"
          className="k-act--staff-exit"
          icon="back"
          variant="alert"
          onPress={onExit}
        />
      }
    >
      <Text as="h2" k="kiosk:staff.title" id="staff-title" className="k-step__title" />
      <Panel title="kiosk:staff.session.title" testId="panel-session">
        <Text as="p" k={applyActive ? 'kiosk:staff.session.active' : 'kiosk:staff.session.none'} />
        {applyActive ? (
          <BigButton
            label="kiosk:staff.session.takeOver"
            className="k-act--take-over"
            icon="staff"
            onPress={onTakeOver}
          />
        ) : null}
      </Panel>
      <StaffCallsPanel />
      <ApplicationsPanel />
      <RefusedPanel />
      <DraftsPanel
        currentDraftId={currentDraftId}
        canResume={!applyActive}
        onResume={onResumeDraft}
      />
      <HealthPanel />
      {host.simulator ? <SimulatorPanel /> : null}
    </StepLayout>
  );
}
