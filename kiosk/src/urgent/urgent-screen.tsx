/**
 * Urgent help, one tap from Home: danger first (110), the 12348 hotline, station staff, and
 * for the three situations that cannot wait (domestic violence, a detained relative, wages
 * near the arbitration deadline) what to do now with the article it rests on. The texts are in
 * the locales (services:urgent.*); their articles are listed in URGENT_SITUATIONS for review.
 */
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, Text } from '@pls/shared/ui';
import { RatingPanel } from '../rating/rating-panel';
import '../calculators/calculators.css'; // the services' screens share one stylesheet

export interface UrgentSituation {
  readonly id: 'violence' | 'detention' | 'wages';
  readonly title: TranslationKey;
  readonly now: TranslationKey;
  readonly basis: TranslationKey;
  /**
   * Articles the advice rests on. Unverified against an official page (recalled from the
   * texts): 反家庭暴力法第二十三条 (protection order) and 第二十八条 (72 h, urgent 24 h);
   * 刑事诉讼法第八十五条第二款 (family told within 24 h of detention); 劳动争议调解仲裁法
   * 第二十七条 (one year; unpaid wages not time-barred while employed).
   */
  readonly articles: readonly string[];
}

const URGENT_SITUATIONS: readonly UrgentSituation[] = [
  {
    id: 'violence',
    title: 'services:urgent.violence.title',
    now: 'services:urgent.violence.now',
    basis: 'services:urgent.violence.basis',
    articles: ['反家庭暴力法第二十三条', '反家庭暴力法第二十八条'],
  },
  {
    id: 'detention',
    title: 'services:urgent.detention.title',
    now: 'services:urgent.detention.now',
    basis: 'services:urgent.detention.basis',
    articles: ['刑事诉讼法第八十五条'],
  },
  {
    id: 'wages',
    title: 'services:urgent.wages.title',
    now: 'services:urgent.wages.now',
    basis: 'services:urgent.wages.basis',
    articles: ['劳动争议调解仲裁法第二十七条'],
  },
];

export function UrgentScreen({
  onCallStaff,
  staffCalled,
}: {
  onCallStaff: () => void;
  staffCalled: boolean;
}) {
  return (
    <section className="k-svc" data-testid="urgent" aria-labelledby="urgent-title">
      <Text as="h2" k="services:urgent.title" id="urgent-title" className="k-svc__title" />
      <Text as="p" k="services:urgent.prompt" />
      <div className="k-svc__row">
        <Text as="p" k="services:urgent.danger" className="k-svc__alert" />
        <Text as="p" k="services:urgent.hotline" className="k-svc__strong" />
        <BigButton
          label={staffCalled ? 'services:urgent.staffCalled' : 'services:urgent.staff'}
          icon="staff"
          variant="alert"
          pressed={staffCalled}
          onPress={onCallStaff}
        />
      </div>
      <div className="k-svc__cards">
        {URGENT_SITUATIONS.map((s) => (
          <article key={s.id} className="k-svc__card" data-situation={s.id}>
            <Text as="h3" k={s.title} />
            <Text as="p" k={s.now} />
            <Text as="p" k={s.basis} className="k-svc__cite" />
          </article>
        ))}
      </div>
      <RatingPanel service="urgent" />
    </section>
  );
}
