/**
 * The review page: everything the resident entered, each part with its own "change" button,
 * read aloud on request (category, grounds and phone number are spoken; the name is not, a
 * synthetic voice gets names wrong), then Submit.
 */
import type { Dispatch, ReactNode } from 'react';
import { maskIdNumber } from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import { BigButton, ErrorNotice, Text } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { ApplyAction, ApplyState, ApplyStep } from './apply-flow';
import { spellKeys } from '../ui/spell';
import { StepFrame } from '../ui/step-frame';
import { distinctMessages } from './field-messages';

export interface ReviewStepProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly onSubmit: () => void;
  readonly submitting: boolean;
  /** Why the last submission failed: the disk is full, or anything else. */
  readonly submitFailed: 'storageFull' | 'other' | undefined;
  readonly progress: { n: number; total: number };
}

function Row({
  label,
  step,
  dispatch,
  children,
}: {
  label: TranslationKey;
  step: ApplyStep;
  dispatch: Dispatch<ApplyAction>;
  children: ReactNode;
}) {
  return (
    <div className="k-review__row" data-section={step}>
      <dt>
        <Text k={label} />
      </dt>
      <dd>{children}</dd>
      <dd className="k-review__change">
        <BigButton
          label="kiosk:review.change"
          className="k-act--change"
          variant="secondary"
          onPress={() => dispatch({ type: 'goTo', step })}
        />
      </dd>
    </div>
  );
}

/** What "read aloud" says, as keys (the voice guide plays clips or speaks per key). */
function reviewSpeech(state: ApplyState): TranslationKey[] {
  const { draft } = state;
  const keys: TranslationKey[] = ['kiosk:review.readIntro'];
  if (draft.caseCategory)
    keys.push('kiosk:review.category', familyKey('domain:caseCategory', draft.caseCategory));
  if (draft.hardshipBases.length > 0) {
    keys.push(
      'kiosk:review.hardship',
      ...draft.hardshipBases.map((b) => familyKey('domain:hardshipBasis', b)),
    );
  }
  if (draft.phone) keys.push('kiosk:review.phone', ...spellKeys(draft.phone));
  keys.push(
    draft.descriptionByStaff ? 'kiosk:review.descriptionByStaff' : 'kiosk:review.descriptionTyped',
  );
  keys.push('kiosk:review.submitPrompt');
  return keys;
}

export function ReviewStep({
  state,
  dispatch,
  onSubmit,
  submitting,
  submitFailed,
  progress,
}: ReviewStepProps) {
  const voice = useVoice();
  const { draft } = state;
  const identity = draft.identity;
  return (
    <StepFrame
      testId="step-review"
      title="kiosk:review.title"
      prompt="kiosk:review.prompt"
      progress={progress}
      actions={
        <>
          <BigButton
            label={submitting ? 'kiosk:review.submitting' : 'kiosk:review.submit'}
            className="k-act--submit"
            icon="check"
            disabled={submitting}
            onPress={onSubmit}
          />
          <BigButton
            label="kiosk:review.readAloud"
            className="k-act--read-aloud"
            icon="speaker"
            variant="secondary"
            onPress={() => void voice.speakSequence(reviewSpeech(state))}
          />
        </>
      }
    >
      {distinctMessages(state.errors).map((key) => (
        <ErrorNotice key={key} message={key} />
      ))}
      {submitFailed ? (
        <ErrorNotice
          message={
            submitFailed === 'storageFull'
              ? 'kiosk:review.storageFull'
              : 'kiosk:review.submitFailed'
          }
        />
      ) : null}
      <dl className="k-review">
        <Row label="kiosk:review.identity" step="identity" dispatch={dispatch}>
          {identity ? (
            <>
              <span lang="zh-Hans-CN" className="k-review__name">
                {identity.name}
              </span>{' '}
              <Text k={familyKey('domain:sex', identity.sex)} vertical={false} />{' '}
              <span className="k-mono">{maskIdNumber(identity.idNumber)}</span>{' '}
              <Text k={familyKey('domain:identitySource', identity.source)} vertical={false} />
            </>
          ) : (
            '—'
          )}
        </Row>
        <Row label="kiosk:review.phoneLabel" step="phone" dispatch={dispatch}>
          <span className="k-mono">{draft.phone || '—'}</span>
        </Row>
        <Row label="kiosk:review.categoryLabel" step="category" dispatch={dispatch}>
          {draft.caseCategory ? (
            <Text k={familyKey('domain:caseCategory', draft.caseCategory)} />
          ) : (
            '—'
          )}
        </Row>
        <Row label="kiosk:review.hardshipLabel" step="hardship" dispatch={dispatch}>
          <ul className="k-review__list">
            {draft.hardshipBases.map((basis) => (
              <li key={basis}>
                <Text k={familyKey('domain:hardshipBasis', basis)} />
              </li>
            ))}
          </ul>
        </Row>
        <Row label="kiosk:review.descriptionLabel" step="description" dispatch={dispatch}>
          {draft.descriptionByStaff ? <Text k="kiosk:review.descriptionByStaffShort" /> : null}
          {draft.description ? (
            <span className="k-review__description" lang={undefined}>
              {draft.description}
            </span>
          ) : null}
        </Row>
        <Row label="kiosk:review.photosLabel" step="photos" dispatch={dispatch}>
          <Text k="kiosk:review.photoCount" values={{ n: draft.photos.length }} />
        </Row>
      </dl>
    </StepFrame>
  );
}
