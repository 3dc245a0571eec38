/**
 * One resident's visit: everything of theirs in memory lives here (the session, the form, the
 * photos, the keyboards' buffers in the mounted screens). The visit ends on idle reset, on
 * "finish" after submitting, and on leaving a form; the app then mounts a new one, so nothing
 * of the last person can show up for the next (see App).
 */
import { lazy, Suspense, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Application } from '@pls/shared/domain';
import { isStorageFull, type Draft } from '@pls/shared/db';
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, IdleGuard, PageFrame, Text, useInputGuard } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import { applyReducer, backLeavesFlow, INITIAL_APPLY_STATE } from '../apply/apply-flow';
import { decodeDraft } from '../apply/draft-codec';
import { createDraftKeeper, type DraftKeeper } from '../apply/draft-keeper';
import type { PhotoBytes } from '../apply/submit-application';
import { INITIAL_SESSION, sessionReducer, type Screen } from '../session/session-reducer';
import { AskScreen } from '../ask/ask-screen';
import { CalculatorsScreen } from '../calculators/calculators-screen';
import { UrgentScreen } from '../urgent/urgent-screen';
import { ApplyScreen } from '../apply/apply-screen';
import { HomeScreen } from './home-screen';
import { LeaveScreen } from './leave-screen';
import { badgeStatus, useDeviceSettings, useRuntime, useSyncStatus } from './runtime';
import { StaffPinScreen } from '../staff/staff-pin-screen';
import { StaffScreen } from '../staff/staff-screen';
import { TrackScreen } from '../track/track-screen';

// Loaded when first opened, so the home screen's JavaScript stays small.
const BookingScreen = lazy(() =>
  import('../booking/booking-screen').then((m) => ({ default: m.BookingScreen })),
);
const TemplatesScreen = lazy(() =>
  import('../templates/templates-screen').then((m) => ({ default: m.TemplatesScreen })),
);

const TITLES: Readonly<Record<Screen['kind'], TranslationKey>> = {
  home: 'common:app.title',
  apply: 'kiosk:apply.frameTitle',
  track: 'kiosk:track.title',
  ask: 'services:ask.title',
  urgent: 'services:urgent.title',
  calculators: 'services:calculators.title',
  book: 'services:booking.title',
  templates: 'services:templates.title',
  staffPin: 'kiosk:staff.title',
  staff: 'kiosk:staff.title',
  leave: 'kiosk:apply.frameTitle',
};

export type VisitEnd = 'idle' | 'finished' | 'left';

const UNTOUCHED_TIMEOUT_SECONDS = 86_400;

export function Visit({ onEnded }: { onEnded: (why: VisitEnd) => void }) {
  const { db, staffCalls } = useRuntime();
  const settings = useDeviceSettings();
  const syncStatus = useSyncStatus();
  const voice = useVoice();
  const [session, dispatchSession] = useReducer(sessionReducer, INITIAL_SESSION);
  const [apply, dispatchApply] = useReducer(applyReducer, INITIAL_APPLY_STATE);
  const keeper = useRef<DraftKeeper | undefined>(undefined);
  const photoBytes = useRef(new Map<string, PhotoBytes>()).current;
  const [trackBack, setTrackBack] = useState(0);
  const [dirty, setDirty] = useState(false);
  const ended = useRef(false);
  const storageCallRaised = useRef(false);

  // Keep the form as a draft after every change (consent first: nothing is stored before it).
  useEffect(() => {
    if (!apply.draft.consent || apply.step === 'done' || ended.current) return;
    keeper.current ??= createDraftKeeper(db, {
      onError: (e) => {
        console.error('draft not saved', e);
        // A full disk: the form stays on screen, but staff must free space before submitting.
        if (isStorageFull(e) && !storageCallRaised.current) {
          storageCallRaised.current = true;
          staffCalls.raise({ screen: 'apply', problem: 'storageFull' });
        }
      },
    });
    void keeper.current.save(apply);
  }, [apply, db, staffCalls]);

  const consentGiven = apply.draft.consent !== undefined;
  useEffect(() => {
    if (consentGiven) dispatchSession({ type: 'applyStarted' });
  }, [consentGiven]);

  // Staff at the kiosk answer any call raised during this visit.
  useEffect(() => {
    if (session.staffUnlocked) dispatchSession({ type: 'staffCallAnswered' });
  }, [session.staffUnlocked]);

  const end = useCallback(
    (why: VisitEnd) => {
      if (ended.current) return;
      ended.current = true;
      voice.stop();
      photoBytes.clear();
      // A deliberate end discards the draft; only a crash leaves one for staff to find.
      void keeper.current?.discard();
      onEnded(why);
    },
    [onEnded, photoBytes, voice],
  );

  const onSubmitted = useCallback(
    (_application: Application) => {
      photoBytes.clear();
      void keeper.current?.discard();
      keeper.current = undefined;
      dispatchSession({ type: 'applyEnded' });
    },
    [photoBytes],
  );

  const resumeDraft = (draft: Draft) => {
    const restored = decodeDraft(draft.data);
    if (restored === undefined) return;
    keeper.current = createDraftKeeper(db, { id: draft.id });
    dispatchApply({ type: 'restored', state: restored });
    dispatchSession({ type: 'applyStarted' });
    dispatchSession({ type: 'takeOver' });
  };

  const screen = session.screen;
  const onHome = () => {
    if (screen.kind === 'apply' && apply.step === 'done') end('finished');
    else dispatchSession({ type: 'home' });
  };

  let onBack: (() => void) | undefined;
  switch (screen.kind) {
    case 'apply':
      if (apply.step !== 'done') {
        onBack = backLeavesFlow(apply)
          ? () => dispatchSession({ type: 'home' })
          : () => dispatchApply({ type: 'back' });
      }
      break;
    case 'track':
      onBack = () => setTrackBack((n) => n + 1);
      break;
    case 'staffPin':
      onBack = () => dispatchSession({ type: 'staffPinCancelled' });
      break;
    case 'staff':
      onBack = () => dispatchSession({ type: 'handBack' });
      break;
    case 'leave':
      onBack = () => dispatchSession({ type: 'leaveCancelled' });
      break;
    case 'ask':
    case 'urgent':
    case 'calculators':
    case 'book':
    case 'templates':
      onBack = () => dispatchSession({ type: 'home' });
      break;
    case 'home':
      break;
  }

  const callStaff = () => {
    if (!session.staffCalled) {
      staffCalls.raise(
        screen.kind === 'apply'
          ? { screen: screen.kind, step: apply.step }
          : { screen: screen.kind },
      );
    }
    dispatchSession({ type: 'callStaff' });
    void voice.speak('common:nav.callStaffSent');
  };

  // Tap safety: the second tap of a double tap does not act on the screen the first opened.
  useInputGuard(screen.kind === 'apply' ? `apply:${apply.step}` : screen.kind);

  const applyMounted = screen.kind === 'apply' || session.applyActive || apply.step === 'done';
  return (
    <div
      className="k-visit"
      onPointerDownCapture={() => setDirty(true)}
      onKeyDownCapture={() => setDirty(true)}
    >
      {/*
        Always mounted, and first: mounting it later (or after the screens) stops the voice
        (the guard silences speech when it is not warning) and the caption's disappearance
        moves the screen under the finger that is tapping. An untouched home screen has
        nothing to reset, so its timeout is a day until someone touches the kiosk.
      */}
      <IdleGuard
        timeoutSeconds={
          dirty || screen.kind !== 'home' ? settings.idleTimeoutSeconds : UNTOUCHED_TIMEOUT_SECONDS
        }
        warningSeconds={settings.idleWarningSeconds}
        onReset={() => end('idle')}
      />
      <PageFrame
        title={TITLES[screen.kind]}
        onHome={onHome}
        {...(onBack ? { onBack } : {})}
        onCallStaff={callStaff}
        staffCalled={session.staffCalled}
        syncStatus={badgeStatus(syncStatus)}
      >
        {session.staffCalled ? (
          <div className="k-banner k-banner--call" role="status" data-testid="staff-called">
            <Text k="kiosk:call.banner" />
          </div>
        ) : null}
        {session.staffUnlocked && screen.kind === 'apply' ? (
          <div className="k-banner k-banner--staff" role="status" data-testid="staff-helping">
            <Text k="kiosk:staff.helping" />
            <BigButton
              label="kiosk:staff.handBack"
              className="k-act--hand-back"
              icon="check"
              onPress={() => dispatchSession({ type: 'handBack' })}
            />
            <BigButton
              label="kiosk:staff.open"
              className="k-act--staff-open"
              variant="secondary"
              icon="staff"
              onPress={() => dispatchSession({ type: 'staffRequested', purpose: 'dashboard' })}
            />
          </div>
        ) : null}
        {applyMounted ? (
          <ApplyScreen
            state={apply}
            dispatch={dispatchApply}
            visible={screen.kind === 'apply'}
            staffUnlocked={session.staffUnlocked}
            onStaffHelp={() => dispatchSession({ type: 'staffRequested', purpose: 'help' })}
            photoBytes={photoBytes}
            onDecline={() => end('left')}
            onSubmitted={onSubmitted}
            draftId={() => keeper.current?.id}
            onHome={() => end('finished')}
          />
        ) : null}
        {screen.kind === 'home' ? (
          <HomeScreen
            onOpen={(service) => dispatchSession({ type: 'open', service })}
            onStaff={() => dispatchSession({ type: 'staffRequested', purpose: 'dashboard' })}
          />
        ) : null}
        {screen.kind === 'track' ? (
          <TrackScreen onLeave={() => dispatchSession({ type: 'home' })} backPresses={trackBack} />
        ) : null}
        {screen.kind === 'urgent' ? (
          <UrgentScreen onCallStaff={callStaff} staffCalled={session.staffCalled} />
        ) : null}
        {screen.kind === 'calculators' ? <CalculatorsScreen /> : null}
        {screen.kind === 'ask' ? <AskScreen /> : null}
        {screen.kind === 'book' || screen.kind === 'templates' ? (
          <Suspense fallback={<Text as="p" k="services:loading" />}>
            {screen.kind === 'book' ? <BookingScreen /> : <TemplatesScreen />}
          </Suspense>
        ) : null}
        {screen.kind === 'staffPin' ? (
          <StaffPinScreen
            purpose={screen.purpose}
            onUnlocked={() => dispatchSession({ type: 'staffUnlocked', purpose: screen.purpose })}
            onCancel={() => dispatchSession({ type: 'staffPinCancelled' })}
          />
        ) : null}
        {screen.kind === 'staff' ? (
          <StaffScreen
            applyActive={session.applyActive}
            currentDraftId={keeper.current?.id}
            onTakeOver={() => dispatchSession({ type: 'takeOver' })}
            onExit={() => dispatchSession({ type: 'handBack' })}
            onResumeDraft={resumeDraft}
          />
        ) : null}
        {screen.kind === 'leave' ? (
          <LeaveScreen
            onLeave={() => end('left')}
            onStay={() => dispatchSession({ type: 'leaveCancelled' })}
          />
        ) : null}
      </PageFrame>
    </div>
  );
}
