/**
 * One step of a service: its title and spoken prompt (said when the step appears and again
 * with the replay button), its content, and its actions. In Chinese the parts stack; in
 * Mongolian they stand side by side as vertical columns, left to right.
 */
import { useEffect, type ReactNode } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import { ReplayButton, Text, useLanguage } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';

export interface StepFrameProps {
  readonly title: TranslationKey;
  readonly prompt: TranslationKey;
  /** e.g. "Step 3 of 8". */
  readonly progress?: { readonly n: number; readonly total: number };
  readonly children?: ReactNode;
  readonly actions?: ReactNode;
  /** Say the prompt when the step appears (off where the step says something itself). */
  readonly speakPrompt?: boolean;
  readonly testId: string;
}

export function StepFrame({
  title,
  prompt,
  progress,
  children,
  actions,
  speakPrompt = true,
  testId,
}: StepFrameProps) {
  const voice = useVoice();
  const { language } = useLanguage();
  useEffect(() => {
    if (speakPrompt) void voice.speak(prompt);
  }, [speakPrompt, prompt, language, voice]);
  return (
    <section className="k-step" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <div className="k-step__head">
        {progress ? (
          <Text
            k="kiosk:apply.progress"
            values={{ n: progress.n, total: progress.total }}
            className="k-step__progress"
          />
        ) : null}
        <Text as="h2" k={title} id={`${testId}-title`} className="k-step__title" />
        <Text as="p" k={prompt} className="k-step__prompt" />
        <ReplayButton prompt={prompt} />
      </div>
      {children !== undefined ? <div className="k-step__body">{children}</div> : null}
      {actions !== undefined ? <div className="k-step__actions">{actions}</div> : null}
    </section>
  );
}
