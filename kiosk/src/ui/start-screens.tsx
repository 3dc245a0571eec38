/**
 * Screens before the kiosk can serve anyone: starting, a start failure (for staff, with the
 * technical detail), and setup, where staff enroll a kiosk that has no enrollment yet with the
 * one-time code from the center (npm start does this by itself on a demo machine).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessageKey, isErrorCodeOf, type TranslationKey } from '@pls/shared/i18n';
import type { ApiErrorCode } from '@pls/shared/protocol';
import { BigButton, ErrorNotice, LanguageSwitch, Text } from '@pls/shared/ui';
import { enrollKiosk, type Enrolled, type EnrollError } from '../boot/enrollment';
import type { Opened, StartFailure } from '../boot/start-kiosk';
import type { RuntimeConfig } from '../boot/runtime-config';
import { CodeKeypad } from './code-keypad';
import './start-screens.css';

function Frame({ title, children }: { title: TranslationKey; children?: ReactNode }) {
  return (
    <main className="k-start" data-testid="start-screen">
      <Text as="h1" k="common:app.title" className="k-start__app" />
      <Text as="h2" k={title} className="k-start__title" />
      {children}
    </main>
  );
}

export function StartingScreen() {
  return <Frame title="kiosk:start.starting" />;
}

const FAILURES: Readonly<Record<StartFailure['kind'], TranslationKey>> = {
  bridge: 'kiosk:start.failed.bridge',
  databaseKey: 'kiosk:start.failed.databaseKey',
  database: 'kiosk:start.failed.database',
  secretStore: 'kiosk:start.failed.secretStore',
};

export function FailedScreen({ failure }: { failure: StartFailure }) {
  // The technical detail is often a library's English: it goes to the device log for the
  // technician, and the screen says so in the reader's language (issue 11: no English on screen).
  useEffect(() => {
    console.error(`kiosk start failed (${failure.kind}): ${failure.detail}`);
  }, [failure]);
  return (
    <Frame title="kiosk:start.failed.title">
      <ErrorNotice message={FAILURES[failure.kind]} />
      <Text as="p" k="kiosk:start.failed.logged" className="k-start__logged" />
      <BigButton
        label="kiosk:start.retry"
        icon="syncing"
        onPress={() => window.location.reload()}
      />
    </Frame>
  );
}

/** The enrollment refusals the setup screen words for itself. */
const ENROLL_CODE_PROBLEMS: Partial<Record<ApiErrorCode, TranslationKey>> = {
  enroll_code_used: 'kiosk:setup.problem.codeUsed',
  enroll_code_expired: 'kiosk:setup.problem.codeExpired',
  enroll_code_unknown: 'kiosk:setup.problem.codeUnknown',
};

function enrollProblemMessage(problem: EnrollError): TranslationKey {
  switch (problem.kind) {
    case 'unreachable':
      return 'kiosk:setup.problem.unreachable';
    case 'refused':
      // Any other code the server can send (rate limit, wrong kind, outage) has its own
      // message; one this build does not know is a plain refusal. Never the server's text.
      return (
        ENROLL_CODE_PROBLEMS[problem.code] ??
        (isErrorCodeOf('server', problem.code)
          ? errorMessageKey('server', problem.code)
          : 'kiosk:setup.problem.refused')
      );
    case 'notKiosk':
      return 'kiosk:setup.problem.notKiosk';
    case 'protocol':
      return 'kiosk:setup.problem.protocol';
    case 'secretStore':
      return 'kiosk:setup.problem.secretStore';
  }
}

export interface SetupScreenProps {
  readonly opened: Opened;
  readonly config: RuntimeConfig | undefined;
  readonly configProblem: string | undefined;
  readonly problem: EnrollError | undefined;
  readonly onEnrolled: (enrolled: Enrolled) => void;
}

export function SetupScreen({
  opened,
  config,
  configProblem,
  problem,
  onEnrolled,
}: SetupScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<EnrollError | undefined>(problem);
  const enroll = async () => {
    if (!config) return;
    setBusy(true);
    const result = await enrollKiosk(opened.db, opened.kiosk.secrets, {
      serverUrl: config.syncServerUrl,
      code,
      deviceName: config.deviceName,
    });
    setBusy(false);
    if (result.ok) onEnrolled(result.value);
    else {
      // The technical detail (often the server's English) is for the technician's console,
      // never for the screen: staff read the message in their language.
      console.warn('enrollment failed:', result.error);
      setCurrent(result.error);
    }
  };
  if (configProblem !== undefined) console.warn('kiosk configuration:', configProblem);
  return (
    <main className="k-start k-setup" data-testid="start-screen">
      <div className="k-setup__text">
        <Text as="h1" k="common:app.title" className="k-start__app" />
        <Text as="h2" k="kiosk:setup.title" className="k-start__title" />
        <Text as="p" k="kiosk:setup.explain" />
        {configProblem !== undefined ? <ErrorNotice message="kiosk:setup.problem.config" /> : null}
        {current ? (
          <div data-testid="setup-problem">
            <ErrorNotice message={enrollProblemMessage(current)} />
          </div>
        ) : null}
      </div>
      <div className="k-setup__entry">
        <LanguageSwitch />
        {config ? (
          <p className="k-mono k-setup__server" data-testid="setup-server">
            {config.syncServerUrl}
          </p>
        ) : null}
        <CodeKeypad
          label="kiosk:setup.codeLabel"
          value={code}
          onChange={setCode}
          length={8}
          format={(value) => (value.length > 4 ? `${value.slice(0, 4)}-${value.slice(4)}` : value)}
        />
        <BigButton
          label={busy ? 'kiosk:setup.enrolling' : 'kiosk:setup.enroll'}
          className="k-act--enroll"
          icon="check"
          disabled={config === undefined || code.length !== 8 || busy}
          onPress={() => void enroll()}
        />
      </div>
    </main>
  );
}
