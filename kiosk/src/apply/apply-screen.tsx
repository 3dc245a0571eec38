/**
 * The legal-aid application, step by step, over the flow's reducer (apply/apply-flow.ts): the
 * state lives in the visit (so it survives a trip to the staff screen and is gone at idle
 * reset); this component shows the current step and runs the one side-effecting moment,
 * submission: store, then print the receipt. A full disk calls staff (the form stays, as
 * does its draft) and says so to the resident.
 */
import { useState, type Dispatch } from 'react';
import type { Application } from '@pls/shared/domain';
import { useLanguage } from '@pls/shared/ui';
import { APPLY_STEPS, missingForSubmission, type ApplyAction, type ApplyState } from './apply-flow';
import { submitApplication, type PhotoBytes } from './submit-application';
import { formSpec, printSpec, receiptSpec, type PrintOutcome } from '../printing/print-documents';
import { useDeviceSettings, useRuntime, useStationName } from '../ui/runtime';
import { StepVisibleContext } from '../ui/step-frame';
import { ConsentStep } from './consent-step';
import { DoneStep } from './done-step';
import { CategoryStep, DescriptionStep, HardshipStep, PhoneStep } from './form-steps';
import { IdentityStep } from './identity-step';
import { PhotosStep } from './photos-step';
import { ReviewStep } from './review-step';

export interface ApplyScreenProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly visible: boolean;
  readonly staffUnlocked: boolean;
  readonly onStaffHelp: () => void;
  readonly photoBytes: Map<string, PhotoBytes>;
  readonly onDecline: () => void;
  readonly onSubmitted: (application: Application) => void;
  readonly onHome: () => void;
  /** The id of the form's draft, which the application takes (submit-application.ts). */
  readonly draftId: () => string | undefined;
}

const COUNTED_STEPS = APPLY_STEPS.filter((s) => s !== 'done');

export function ApplyScreen(props: ApplyScreenProps) {
  const { state, dispatch, visible, staffUnlocked, onStaffHelp, photoBytes } = props;
  const { db, kiosk, enrollment, staffCalls } = useRuntime();
  const settings = useDeviceSettings();
  const stationName = useStationName().name;
  const { language } = useLanguage();
  const [submitting, setSubmitting] = useState(false);
  const [submitFailed, setSubmitFailed] = useState<'storageFull' | 'other' | undefined>();
  const [application, setApplication] = useState<Application | undefined>(undefined);
  const [receipt, setReceipt] = useState<PrintOutcome | 'printing'>('printing');
  const [form, setForm] = useState<PrintOutcome | 'printing' | undefined>(undefined);

  const progress = {
    n: COUNTED_STEPS.indexOf(state.step as (typeof COUNTED_STEPS)[number]) + 1,
    total: COUNTED_STEPS.length,
  };

  const submit = async () => {
    if (submitting) return;
    if (missingForSubmission(state.draft).length > 0) {
      dispatch({ type: 'submitted' }); // shows what is missing
      return;
    }
    setSubmitting(true);
    setSubmitFailed(undefined);
    const draftId = props.draftId();
    const result = await submitApplication(db, {
      draft: state.draft,
      photoBytes,
      enrollment,
      language,
      ...(draftId === undefined ? {} : { draftId }),
    });
    setSubmitting(false);
    if (!result.ok) {
      const storageFull = result.error.kind === 'storageFull';
      setSubmitFailed(storageFull ? 'storageFull' : 'other');
      if (storageFull)
        staffCalls.raise({ screen: 'apply', step: 'review', problem: 'storageFull' });
      return;
    }
    setApplication(result.value);
    dispatch({ type: 'submitted' });
    props.onSubmitted(result.value);
    setReceipt('printing');
    setReceipt(
      await printSpec(
        kiosk.print,
        receiptSpec(result.value, stationName, settings.printers),
        settings.printers,
      ),
    );
  };

  const printForm = async () => {
    if (!application) return;
    setForm('printing');
    setForm(
      await printSpec(
        kiosk.print,
        formSpec(application, stationName, settings.printers),
        settings.printers,
      ),
    );
  };

  // Kept mounted (hidden) while staff use their screens, so a half-typed identity survives.
  return (
    <div className="k-apply" hidden={!visible}>
      <StepVisibleContext.Provider value={visible}>{stepContent()}</StepVisibleContext.Provider>
    </div>
  );

  function stepContent() {
    switch (state.step) {
      case 'consent':
        return <ConsentStep dispatch={dispatch} onDecline={props.onDecline} progress={progress} />;
      case 'identity':
        return (
          <IdentityStep
            state={state}
            dispatch={dispatch}
            staffUnlocked={staffUnlocked}
            onStaffHelp={onStaffHelp}
            active={visible}
            progress={progress}
          />
        );
      case 'phone':
        return <PhoneStep state={state} dispatch={dispatch} progress={progress} />;
      case 'category':
        return <CategoryStep state={state} dispatch={dispatch} progress={progress} />;
      case 'hardship':
        return <HardshipStep state={state} dispatch={dispatch} progress={progress} />;
      case 'description':
        return <DescriptionStep state={state} dispatch={dispatch} progress={progress} />;
      case 'photos':
        return (
          <PhotosStep
            state={state}
            dispatch={dispatch}
            photoBytes={photoBytes}
            staffUnlocked={staffUnlocked}
            progress={progress}
          />
        );
      case 'review':
        return (
          <ReviewStep
            state={state}
            dispatch={dispatch}
            onSubmit={() => void submit()}
            submitting={submitting}
            submitFailed={submitFailed}
            progress={progress}
          />
        );
      case 'done':
        return application ? (
          <DoneStep
            application={application}
            receipt={receipt}
            form={form}
            formAvailable={formSpec(application, stationName, settings.printers) !== undefined}
            onPrintForm={() => void printForm()}
            onHome={props.onHome}
          />
        ) : null;
    }
  }
}
