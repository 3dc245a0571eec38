/**
 * Track my case: the tracking code (typed on a keypad that only has the code's characters, or
 * found by tapping the ID card) and the last four of the ID number, then the status history.
 * Works offline from this kiosk's data. A wrong code and a wrong last four get the same answer,
 * and repeated failures slow guessing down.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  formatTrackingCode,
  idNumberLast4,
  parseTrackingCode,
  TRACKING_CODE_LENGTH,
  type TrackingCode,
} from '@pls/shared/domain';
import type { BridgeReaderEvent } from '@pls/shared/protocol';
import { familyKey, formatDateTime } from '@pls/shared/i18n';
import {
  BigButton,
  ErrorNotice,
  ScriptText,
  Text,
  useInputGuard,
  useLanguage,
} from '@pls/shared/ui';
import { findByIdNumber, lookupCase, type CaseView } from './case-lookup';
import { CodeKeypad, PinPad } from '../ui/code-keypad';
import { useReaderEvents, useRuntime } from '../ui/runtime';
import { StepFrame } from '../ui/step-frame';
import { CaseResult } from './case-result';

type Phase =
  | { readonly kind: 'code' }
  | { readonly kind: 'last4'; readonly code: TrackingCode }
  | { readonly kind: 'result'; readonly view: CaseView }
  | { readonly kind: 'list'; readonly views: readonly CaseView[] };

type Problem = 'badCode' | 'notFound' | 'noCaseForCard' | 'throttled' | undefined;

export interface TrackScreenProps {
  /** Back from the first phase leaves the service. */
  readonly onLeave: () => void;
  /** Counts presses of the frame's Back button; each one goes back one phase. */
  readonly backPresses: number;
}

export function TrackScreen({ onLeave, backPresses }: TrackScreenProps) {
  const { db, lookupThrottle } = useRuntime();
  const [phase, setPhase] = useState<Phase>({ kind: 'code' });
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [problem, setProblem] = useState<Problem>(undefined);
  const [retryIn, setRetryIn] = useState(0);
  const [busy, setBusy] = useState(false);
  useInputGuard(`track:${phase.kind}`);

  const lookUp = async (trackingCode: TrackingCode, lastFour: string) => {
    const verdict = lookupThrottle.check(Date.now());
    if (!verdict.allowed) {
      setRetryIn(verdict.retryInSeconds);
      setProblem('throttled');
      return;
    }
    setBusy(true);
    const result = await lookupCase(db, trackingCode, lastFour);
    setBusy(false);
    if (result.kind === 'found') {
      lookupThrottle.succeeded();
      setProblem(undefined);
      setPhase({ kind: 'result', view: result.view });
      return;
    }
    lookupThrottle.failed(Date.now());
    setLast4('');
    setProblem('notFound');
  };

  const confirmCode = () => {
    const parsed = parseTrackingCode(code);
    if (!parsed.ok) {
      setProblem('badCode');
      return;
    }
    setProblem(undefined);
    // The card already gave the last four: straight to the answer.
    if (last4.length === 4) void lookUp(parsed.value, last4);
    else setPhase({ kind: 'last4', code: parsed.value });
  };

  const onReader = useCallback(
    (event: BridgeReaderEvent) => {
      if (event.type !== 'cardRead') return;
      void (async () => {
        const views = await findByIdNumber(db, event.card.idNumber);
        if (views.length === 1) setPhase({ kind: 'result', view: views[0]! });
        else if (views.length > 1) setPhase({ kind: 'list', views });
        else {
          setLast4(idNumberLast4(event.card.idNumber));
          setProblem('noCaseForCard');
        }
      })();
    },
    [db],
  );
  useReaderEvents(phase.kind === 'code' ? onReader : noReader);

  const back = () => {
    setProblem(undefined);
    if (phase.kind === 'code') onLeave();
    else {
      setPhase({ kind: 'code' });
      setLast4('');
    }
  };

  const backRef = useRef(back);
  useEffect(() => {
    backRef.current = back;
  });
  const seenPresses = useRef(backPresses);
  useEffect(() => {
    if (backPresses === seenPresses.current) return;
    seenPresses.current = backPresses;
    backRef.current();
  }, [backPresses]);

  const problems = {
    badCode: 'kiosk:track.error.badCode',
    notFound: 'kiosk:track.error.notFound',
    noCaseForCard: 'kiosk:track.error.noCaseForCard',
    throttled: 'kiosk:track.error.throttled',
  } as const;

  const notice =
    problem === 'throttled' ? (
      <div className="pls-error-notice" role="alert">
        <Text k={problems.throttled} values={{ seconds: retryIn }} />
      </div>
    ) : problem ? (
      <ErrorNotice message={problems[problem]} />
    ) : null;

  switch (phase.kind) {
    case 'code':
      return (
        <StepFrame
          testId="track-code"
          title="kiosk:track.title"
          prompt="kiosk:track.codePrompt"
          actions={
            <BigButton
              label="kiosk:apply.next"
              className="k-act--next"
              icon="right"
              disabled={code.length !== TRACKING_CODE_LENGTH || busy}
              onPress={confirmCode}
            />
          }
        >
          {notice}
          <CodeKeypad
            label="kiosk:track.codeLabel"
            value={code}
            onChange={(value) => {
              setProblem(undefined);
              setCode(value);
            }}
            length={TRACKING_CODE_LENGTH}
            format={formatTrackingCode}
          />
          <Text as="p" k="kiosk:track.orCard" className="k-hint" />
        </StepFrame>
      );
    case 'last4':
      return (
        <StepFrame
          testId="track-last4"
          title="kiosk:track.title"
          prompt="kiosk:track.last4Prompt"
          actions={
            <BigButton
              label="kiosk:track.lookUp"
              className="k-act--lookup"
              icon="check"
              disabled={last4.length !== 4 || busy}
              onPress={() => void lookUp(phase.code, last4)}
            />
          }
        >
          {notice}
          <PinPad
            label="kiosk:track.last4Label"
            value={last4}
            onChange={setLast4}
            maxLength={4}
            withX
          />
        </StepFrame>
      );
    case 'result':
      return (
        <StepFrame
          testId="track-result"
          title="kiosk:track.title"
          prompt="kiosk:track.resultPrompt"
          speakPrompt={false}
          actions={
            <BigButton
              label="kiosk:track.another"
              className="k-act--another"
              variant="secondary"
              onPress={back}
            />
          }
        >
          <CaseResult view={phase.view} />
        </StepFrame>
      );
    case 'list':
      return (
        <StepFrame
          testId="track-list"
          title="kiosk:track.title"
          prompt="kiosk:track.listPrompt"
          actions={
            <BigButton
              label="kiosk:track.another"
              className="k-act--another"
              variant="secondary"
              onPress={back}
            />
          }
        >
          <ul className="k-case-list">
            {phase.views.map((view) => (
              <li key={view.trackingCode}>
                <button
                  type="button"
                  className="pls-button pls-button--secondary k-case-list__item"
                  data-testid="track-list-item"
                  data-status={view.status}
                  onClick={() => setPhase({ kind: 'result', view })}
                >
                  <CaseSummary view={view} />
                </button>
              </li>
            ))}
          </ul>
        </StepFrame>
      );
  }
}

/**
 * One of several cases of a card: when it was submitted, what it is about and where it stands
 * (codes that differ in their last characters alone do not tell a resident which is which).
 */
function CaseSummary({ view }: { view: CaseView }) {
  const { language } = useLanguage();
  return (
    <span className="k-case-list__summary">
      <ScriptText
        text={formatDateTime(view.submittedAt, language)}
        language={language}
        className="k-case-list__when"
      />
      <Text
        k={familyKey('domain:caseCategory', view.caseCategory)}
        className="k-case-list__category"
      />
      <Text
        k={familyKey('domain:status.applications', view.status)}
        className="k-case-list__status"
      />
      <span className="k-mono k-case-list__code">{formatTrackingCode(view.trackingCode)}</span>
    </span>
  );
}

function noReader() {}
