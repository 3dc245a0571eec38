/**
 * First step: the personal-information notice, read aloud, agreed to before the card is read
 * (reading the card and keeping the draft are already processing, PIPL 第十三/十四条). The
 * version of the text agreed to is recorded with the application (not shown: residents have no
 * use for an internal identifier). Accept is enabled only once the whole notice has been on
 * screen, paged or scrolled to its end, at any font size (PIPL 第十七条: the notice must be
 * made known before consent; an Accept next to an unread notice is not that).
 */
import { useState, type Dispatch } from 'react';
import { BigButton, ReadingView, Text, useLanguage } from '@pls/shared/ui';
import type { ApplyAction } from './apply-flow';
import { CONSENT_PARAGRAPHS, CONSENT_TEXT_VERSION } from './consent';
import { StepFrame } from '../ui/step-frame';

export function ConsentStep({
  dispatch,
  onDecline,
  progress,
}: {
  dispatch: Dispatch<ApplyAction>;
  onDecline: () => void;
  progress: { n: number; total: number };
}) {
  const { language } = useLanguage();
  const [readToEnd, setReadToEnd] = useState(false);
  return (
    <StepFrame
      testId="step-consent"
      title="kiosk:consent.title"
      prompt="kiosk:consent.prompt"
      progress={progress}
      actions={
        <>
          <BigButton
            label="kiosk:consent.accept"
            className="k-act--accept"
            icon="check"
            disabled={!readToEnd}
            onPress={() =>
              dispatch({
                type: 'consentAccepted',
                consent: {
                  textVersion: CONSENT_TEXT_VERSION,
                  acceptedAt: new Date().toISOString(),
                  language,
                },
              })
            }
          />
          <BigButton
            label="kiosk:consent.decline"
            className="k-act--decline"
            variant="secondary"
            onPress={onDecline}
          />
        </>
      }
    >
      <ReadingView label="kiosk:consent.title" onReadToEnd={() => setReadToEnd(true)}>
        {CONSENT_PARAGRAPHS.map((key) => (
          <Text key={key} as="p" k={key} className="k-consent__paragraph" />
        ))}
      </ReadingView>
      {readToEnd ? null : (
        <Text as="p" k="kiosk:consent.readFirst" className="k-consent__read-first" />
      )}
    </StepFrame>
  );
}
