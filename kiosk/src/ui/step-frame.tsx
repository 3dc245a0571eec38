/**
 * One step of a service: its title and spoken prompt (said when the step appears and again
 * with the replay button), its content, and its actions. In Chinese the parts stack; in
 * Mongolian they stand side by side as vertical columns, left to right.
 *
 * The content scrolls inside its own area (down in Chinese, sideways in Mongolian, with a "there
 * is more" hint); the actions sit beside that area, never over it, so the primary action is
 * always whole on screen and covers nothing, however long the step.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import { ReplayButton, ScrollArea, Text, useLanguage } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';

/**
 * False while a step stays mounted under staff screens (the form is kept for when staff hand
 * back): it says nothing then, and says its prompt again when it shows.
 */
export const StepVisibleContext = createContext(true);

export interface StepLayoutProps {
  readonly testId: string;
  /** Id of the element naming the step (its title). */
  readonly labelledBy: string;
  readonly className?: string;
  /** What scrolls. */
  readonly children: ReactNode;
  /** What never scrolls away: the step's buttons, primary first. */
  readonly actions?: ReactNode;
}

export function StepLayout({ testId, labelledBy, className, children, actions }: StepLayoutProps) {
  return (
    <section
      className={['k-step', className ?? ''].filter(Boolean).join(' ')}
      data-testid={testId}
      aria-labelledby={labelledBy}
    >
      <ScrollArea className="k-step__scroll">
        <div className="k-step__content">{children}</div>
      </ScrollArea>
      {actions !== undefined ? <div className="k-step__actions">{actions}</div> : null}
    </section>
  );
}

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
  const visible = useContext(StepVisibleContext);
  useEffect(() => {
    if (speakPrompt && visible) void voice.speak(prompt);
  }, [speakPrompt, prompt, language, voice, visible]);
  return (
    <StepLayout testId={testId} labelledBy={`${testId}-title`} actions={actions}>
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
    </StepLayout>
  );
}
