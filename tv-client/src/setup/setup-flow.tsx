/**
 * First run: choose the language (both shown together), then type the household's enrollment
 * code with the number keys (each key cycles through its digit and letters, like a phone),
 * and enroll. Arrows, OK and Back work here as everywhere; Back from the code goes back to the
 * language choice.
 */
import { useEffect, useRef, useState } from 'react';
import { BilingualText, Text, useLanguage } from '@pls/shared/ui';
import type { TranslationKey, Language } from '@pls/shared/i18n';
import type { LocalDatabase } from '@pls/shared/db';
import { ENROLL_CODE_LENGTH } from '@pls/shared/protocol';
import { resolveKey } from '../keys/key-map';
import { commitPending, erase, keyCycle, pressDigit, type MultitapState } from '../keys/multitap';
import { enrollTv, type TvEnrolled, type TvEnrollError } from '../boot/tv-enrollment';
import type { TvHost } from '../boot/tv-host';
import { navigateByDefault, restoreFocus } from '../ui/focus';
import { LANGUAGE_KEY } from '../ui/tv-app';

function problemKey(error: TvEnrollError): TranslationKey {
  switch (error.kind) {
    case 'unreachable':
      return 'tv:setup.unreachable';
    case 'refused':
      return error.code === 'enroll_code_expired' || error.code === 'enroll_code_used'
        ? 'tv:setup.codeUsed'
        : error.code === 'enroll_code_unknown'
          ? 'tv:setup.codeUnknown'
          : 'tv:setup.refused';
    case 'notTv':
      return 'tv:setup.notTv';
    case 'protocol':
    case 'store':
      return 'tv:setup.failed';
  }
}

export function SetupFlow({
  db,
  host,
  serverUrl,
  onEnrolled,
}: {
  readonly db: LocalDatabase;
  readonly host: TvHost;
  /** undefined: no server address configured (a technician must set one). */
  readonly serverUrl: string | undefined;
  readonly onEnrolled: (enrolled: TvEnrolled) => void;
}) {
  const { setLanguage } = useLanguage();
  const [step, setStep] = useState<'language' | 'code'>('language');
  const [code, setCode] = useState<MultitapState>({ text: '' });
  const [problem, setProblem] = useState<TranslationKey | undefined>(
    serverUrl === undefined ? 'tv:setup.noServer' : undefined,
  );
  const [busy, setBusy] = useState(false);
  const submit = useRef<() => void>(() => undefined);

  submit.current = () => {
    if (busy || serverUrl === undefined) return;
    const typed = commitPending(code).text;
    if (typed.length !== ENROLL_CODE_LENGTH) {
      setProblem('tv:setup.codeLength');
      return;
    }
    setBusy(true);
    void enrollTv(db, host, { serverUrl, code: typed, name: 'TV' }).then((result) => {
      setBusy(false);
      if (result.ok) onEnrolled(result.value);
      else setProblem(problemKey(result.error));
    });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = resolveKey(event);
      if (command === undefined) return;
      event.preventDefault();
      if (command.kind === 'digit') {
        if (step === 'code') {
          setCode((c) => pressDigit(c, command.digit, Date.now(), ENROLL_CODE_LENGTH));
          setProblem(undefined);
        }
        return;
      }
      // Any other key ends a letter still cycling (so A then B on key 2 is "2, 2, →, 2, 2, 2").
      setCode((c) => commitPending(c));
      if (navigateByDefault(command)) return;
      if (command.command === 'back' && step === 'code') setStep('language');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [step]);

  useEffect(() => restoreFocus(undefined), [step]);

  const choose = (language: Language) => {
    host.settings.setItem(LANGUAGE_KEY, language);
    setLanguage(language);
    setStep('code');
  };

  if (step === 'language') {
    return (
      <div className="tv-safe tv-setup" data-screen-root data-screen="language">
        <BilingualText k="tv:setup.welcome" as="h1" className="tv-setup__title" />
        <div className="tv-hub">
          <button
            type="button"
            className="tv-tile tv-tile--section"
            data-focus-key="lang:mn"
            onClick={() => choose('mn-Mong')}
          >
            <Text k="tv:setup.languageName" lang="mn-Mong" as="strong" />
          </button>
          <button
            type="button"
            className="tv-tile tv-tile--section"
            data-focus-key="lang:zh"
            onClick={() => choose('zh-Hans')}
          >
            <Text k="tv:setup.languageName" lang="zh-Hans" as="strong" />
          </button>
        </div>
        <BilingualText k="tv:setup.languageHint" className="tv-quiet" />
      </div>
    );
  }

  const shown = code.text.padEnd(ENROLL_CODE_LENGTH, '·');
  return (
    <div className="tv-safe tv-setup" data-screen-root data-screen="enroll">
      <Text k="tv:setup.codeTitle" as="h1" className="tv-setup__title" />
      <div
        className="tv-code"
        role="status"
        aria-live="polite"
        data-testid="enroll-code"
        lang="zh-Hans-CN"
      >
        {`${shown.slice(0, 4)}-${shown.slice(4)}`}
      </div>
      <Text k="tv:setup.codeHint" as="p" />
      <div className="tv-keypad-hint" lang="zh-Hans-CN" aria-hidden="true">
        {[2, 3, 4, 5, 6, 7, 8, 9].map((d) => (
          <span key={d}>{keyCycle(d)}</span>
        ))}
      </div>
      <div className="tv-hub">
        <button
          type="button"
          className="tv-tile"
          data-focus-key="enroll:erase"
          onClick={() => setCode((c) => erase(c))}
        >
          <Text k="tv:ask.erase" />
        </button>
        <button
          type="button"
          className="tv-tile tv-tile--primary"
          data-focus-key="enroll:submit"
          onClick={() => submit.current()}
          disabled={busy}
        >
          <Text k={busy ? 'tv:setup.enrolling' : 'tv:setup.enroll'} as="strong" />
        </button>
      </div>
      {problem ? <Text k={problem} as="p" className="tv-problem" /> : null}
    </div>
  );
}
