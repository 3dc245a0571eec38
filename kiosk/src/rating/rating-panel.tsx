/**
 * "How was this service?" after a service: five faces and a few tags, no typing. Sending
 * stores a `feedback` document locally (it syncs by itself); nothing of the person is in it.
 */
import { useState } from 'react';
import { FEEDBACK_TAGS } from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import { BigButton, ErrorNotice, Text, useLanguage, useT } from '@pls/shared/ui';
import { useRuntime } from '../ui/runtime';
import { buildFeedback, RATINGS, type FeedbackTag, type Rating } from './build-feedback';

/** Drawn faces (no emoji font on the station PCs): the mouth goes from frown to smile. */
const FACES: Readonly<Record<Rating, { mouth: string; label: TranslationKey }>> = {
  1: { mouth: 'M8 17.5q4-4.5 8 0', label: 'services:rating.face.1' },
  2: { mouth: 'M8.5 16.5q3.5-2 7 0', label: 'services:rating.face.2' },
  3: { mouth: 'M8.5 15.5h7', label: 'services:rating.face.3' },
  4: { mouth: 'M8.5 14.5q3.5 2 7 0', label: 'services:rating.face.4' },
  5: { mouth: 'M8 14q4 4.5 8 0', label: 'services:rating.face.5' },
};

type Sent = 'idle' | 'sending' | 'sent' | 'failed';

export function RatingPanel({ service }: { service: string }) {
  const { db, enrollment } = useRuntime();
  const { language } = useLanguage();
  const { t } = useT();
  const [rating, setRating] = useState<Rating | undefined>(undefined);
  const [tags, setTags] = useState<readonly FeedbackTag[]>([]);
  const [sent, setSent] = useState<Sent>('idle');

  const send = async () => {
    if (rating === undefined) return;
    setSent('sending');
    const built = buildFeedback(
      { rating, tags, service, language },
      { deviceId: enrollment.deviceId, stationId: enrollment.stationId, now: new Date() },
    );
    if (!built.ok) {
      console.error('feedback not valid', built.error);
      setSent('failed');
      return;
    }
    // A kiosk database always has it (DEVICE_COLLECTIONS); its absence is a bug.
    const feedback = db.feedback;
    if (!feedback) throw new Error('the kiosk database has no feedback collection');
    try {
      await feedback.insert(built.value);
      setSent('sent');
    } catch (error) {
      console.error('feedback not stored', error);
      setSent('failed');
    }
  };

  if (sent === 'sent') {
    return (
      <div className="k-rating" data-testid="rating-sent" role="status">
        <Text as="p" k="services:rating.thanks" />
      </div>
    );
  }
  return (
    <div className="k-rating" data-testid="rating">
      <Text as="h3" k="services:rating.title" />
      <div className="k-rating__faces" role="group" aria-label={t('services:rating.title')}>
        {RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            className="pls-button pls-button--secondary k-rating__face"
            data-rating={value}
            aria-pressed={rating === value}
            onClick={() => setRating(value)}
          >
            <svg
              viewBox="0 0 24 24"
              className="k-rating__icon"
              aria-hidden="true"
              focusable="false"
            >
              <circle cx="12" cy="12" r="9.5" />
              <path d="M9 9.5v.5 M15 9.5v.5" />
              <path d={FACES[value].mouth} />
            </svg>
            <Text k={FACES[value].label} className="pls-button__label" />
          </button>
        ))}
      </div>
      <div className="k-rating__tags" role="group" aria-label={t('services:rating.tags')}>
        {FEEDBACK_TAGS.map((tag) => (
          <BigButton
            key={tag}
            label={familyKey('domain:feedbackTag', tag)}
            variant={tags.includes(tag) ? 'primary' : 'secondary'}
            pressed={tags.includes(tag)}
            className={`k-rating__tag k-rating__tag--${tag}`}
            onPress={() =>
              setTags((now) => (now.includes(tag) ? now.filter((x) => x !== tag) : [...now, tag]))
            }
          />
        ))}
      </div>
      {sent === 'failed' ? <ErrorNotice message="services:rating.failed" /> : null}
      <BigButton
        label="services:rating.send"
        icon="check"
        className="k-rating__send"
        disabled={rating === undefined || sent === 'sending'}
        onPress={() => void send()}
      />
    </div>
  );
}
