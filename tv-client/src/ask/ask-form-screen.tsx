/**
 * Asking a question (or a callback): pick the topic with arrows and OK, type a phone number
 * with the number keys, send. It is stored at once in the local `questions` collection and
 * syncs when a link appears; the viewer gets the tracking code and the answer comes to
 * "my questions".
 */
import { useState } from 'react';
import { Text, useLanguage, useT } from '@pls/shared/ui';
import { CASE_CATEGORIES, type CaseCategory } from '@pls/shared/domain';
import { nextTrackingCode, type LocalDatabase } from '@pls/shared/db';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import { Tile } from '../ui/tile';
import { useScreenCommands, useTvNav } from '../ui/remote';
import type { TvEnrollment } from '../boot/tv-enrollment';
import { buildQuestion, type AskError } from './question';

const MAX_PHONE = 12;

function errorKey(error: AskError): TranslationKey {
  if (error.kind === 'invalid') return 'tv:ask.failed';
  return error.error.kind === 'empty' ? 'tv:ask.phoneEmpty' : 'tv:ask.phoneInvalid';
}

export function AskFormScreen({
  db,
  enrollment,
  category: given,
  relatedContentId,
}: {
  readonly db: LocalDatabase;
  readonly enrollment: TvEnrollment;
  readonly category?: CaseCategory | undefined;
  readonly relatedContentId?: string | undefined;
}) {
  const nav = useTvNav();
  const { t } = useT();
  const { language } = useLanguage();
  const [category, setCategory] = useState<CaseCategory | undefined>(given);
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<TranslationKey | undefined>(undefined);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);

  useScreenCommands((command) => {
    if (command.kind !== 'digit' || category === undefined || sent !== undefined) return false;
    setPhone((p) => (p.length < MAX_PHONE ? p + String(command.digit) : p));
    setProblem(undefined);
    return true;
  });

  const send = async () => {
    if (category === undefined || sending) return;
    setSending(true);
    const trackingCode = await nextTrackingCode(db, enrollment.deviceTag);
    const built = await buildQuestion({
      deviceId: enrollment.deviceId,
      householdId: enrollment.householdId,
      trackingCode,
      language,
      category,
      text: '',
      fallbackText: t('tv:ask.callbackText', {
        topic: t(familyKey('domain:caseCategory', category), { lng: language }),
        lng: language,
      }),
      phone,
      ...(relatedContentId ? { relatedContentId } : {}),
      now: new Date(),
    });
    if (!built.ok) {
      setProblem(errorKey(built.error));
      setSending(false);
      return;
    }
    await db.collections.questions?.insert(built.value);
    setSent(trackingCode);
    setSending(false);
  };

  if (sent !== undefined) {
    return (
      <div className="tv-page">
        <Text k="tv:ask.sentTitle" as="h2" className="tv-page__title" />
        <Text k="tv:ask.sentCode" values={{ code: sent }} className="tv-code" />
        <Text k="tv:ask.sentNext" as="p" />
        <div className="tv-hub">
          <Tile focusKey="askForm:mine" onOk={() => nav.push({ id: 'myQuestions' })}>
            <Text k="tv:home.myQuestions" />
          </Tile>
          <Tile focusKey="askForm:home" onOk={() => nav.home()}>
            <Text k="tv:legend.yellow" />
          </Tile>
        </div>
      </div>
    );
  }

  if (category === undefined) {
    return (
      <div className="tv-page">
        <Text k="tv:ask.pickTopic" as="h2" className="tv-page__title" />
        <div className="tv-grid">
          {CASE_CATEGORIES.map((c) => (
            <Tile key={c} focusKey={`askForm:topic:${c}`} onOk={() => setCategory(c)}>
              <Text k={familyKey('domain:caseCategory', c)} />
            </Tile>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div className="tv-page">
      <Text k="tv:ask.phoneTitle" as="h2" className="tv-page__title" />
      <div className="tv-form">
        <Tile
          focusKey="askForm:topic"
          onOk={() => setCategory(undefined)}
          className="tv-tile--choice"
        >
          <Text k="tv:ask.topic" />
          <Text k={familyKey('domain:caseCategory', category)} as="strong" />
        </Tile>
        <div className="tv-phone" role="status" aria-live="polite">
          <Text k="tv:ask.phoneLabel" />
          <span className="tv-phone__digits" lang="zh-Hans-CN">
            {phone === '' ? '—' : phone}
          </span>
        </div>
        <Tile focusKey="askForm:erase" onOk={() => setPhone((p) => p.slice(0, -1))}>
          <Text k="tv:ask.erase" />
        </Tile>
        <Tile focusKey="askForm:send" onOk={() => void send()} className="tv-tile--primary">
          <Text k="tv:ask.send" as="strong" />
        </Tile>
      </div>
      <Text k="tv:ask.phoneHint" as="p" className="tv-quiet" />
      {problem ? <Text k={problem} as="p" className="tv-problem" /> : null}
    </div>
  );
}
