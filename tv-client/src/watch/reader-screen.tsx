/**
 * One item as text: title, summary, body and the articles it rests on. Green reads it aloud.
 * Arrows scroll the text (sideways in vertical Mongolian, down in Chinese) until its end, then
 * move focus to the buttons.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, useLanguage } from '@pls/shared/ui';
import { pickText, type Content } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import type { TranslationKey } from '@pls/shared/i18n';
import { Tile } from '../ui/tile';
import { useScreenCommands, useTvNav } from '../ui/remote';
import { useCollection } from '../ui/use-collection';
import { readAloud, stopReading, type ReadAloudOutcome } from '../ui/read-aloud';
import { kindKey } from './topic-keys';

const OUTCOME_KEY: Readonly<Record<ReadAloudOutcome, TranslationKey>> = {
  speaking: 'tv:read.speaking',
  noVoice: 'tv:read.noVoice',
  noMongolianVoice: 'tv:read.noMongolianVoice',
};

function readableText(
  item: Content,
  language: 'zh-Hans' | 'mn-Mong',
): { text: string; language: 'zh-Hans' | 'mn-Mong' } {
  const parts = [item.title, item.summary, item.body].map((t) => pickText(t, language));
  return { text: parts.map((p) => p.text).join('\n'), language: parts[2]!.language };
}

export function ReaderScreen({
  db,
  contentId,
  onOpened,
}: {
  db: LocalDatabase;
  contentId: string;
  onOpened: (id: string) => void;
}) {
  const nav = useTvNav();
  const { language } = useLanguage();
  const content = useCollection(db, 'content') as Content[];
  const item = content.find((c) => c.id === contentId);
  const basis = item ? content.filter((c) => item.basis.includes(c.id)) : [];
  const bodyRef = useRef<HTMLDivElement>(null);
  const [outcome, setOutcome] = useState<ReadAloudOutcome | undefined>(undefined);

  useEffect(() => {
    if (item) onOpened(item.id);
  }, [item, onOpened]);
  useEffect(() => () => stopReading(), []);
  useEffect(() => {
    nav.setReadAloudText(item ? readableText(item, language) : undefined);
    return () => nav.setReadAloudText(undefined);
  }, [nav, item, language]);

  useScreenCommands((command) => {
    if (command.kind !== 'command') return false;
    if (command.command === 'green' && item) {
      const { text, language: lang } = readableText(item, language);
      setOutcome(readAloud(text, lang));
      return true;
    }
    const body = bodyRef.current;
    if (!body || !body.contains(document.activeElement)) return false;
    const vertical = language === 'mn-Mong';
    const forward = vertical ? 'right' : 'down';
    const backward = vertical ? 'left' : 'up';
    if (command.command !== forward && command.command !== backward) return false;
    const sign = command.command === forward ? 1 : -1;
    const before = vertical ? body.scrollLeft : body.scrollTop;
    const step = (vertical ? body.clientWidth : body.clientHeight) * 0.8;
    body.scrollBy(vertical ? { left: sign * step } : { top: sign * step });
    const after = vertical ? body.scrollLeft : body.scrollTop;
    // At the end the arrow moves focus on (to the buttons), as everywhere else.
    return Math.abs(after - before) >= 1 || (sign < 0 && before > 0);
  });

  if (!item) {
    return (
      <div className="tv-page">
        <Text k="tv:read.missing" className="tv-notice" />
        <Tile focusKey="reader:back" onOk={() => nav.back()}>
          <Text k="tv:common.back" />
        </Tile>
      </div>
    );
  }
  const category = item.categories[0];
  return (
    <div className="tv-reader">
      <div className="tv-reader__actions">
        <Tile
          focusKey="reader:readAloud"
          onOk={() => {
            const { text, language: lang } = readableText(item, language);
            setOutcome(readAloud(text, lang));
          }}
        >
          <span className="tv-key-dot tv-key-dot--green" aria-hidden="true">
            G
          </span>
          <Text k="tv:legend.green" />
        </Tile>
        <Tile
          focusKey="reader:ask"
          onOk={() =>
            nav.push({
              id: 'askForm',
              ...(category ? { category } : {}),
              relatedContentId: item.id,
            })
          }
        >
          <Text k="tv:read.askAbout" />
        </Tile>
        {outcome ? <Text k={OUTCOME_KEY[outcome]} className="tv-quiet" /> : null}
      </div>
      <div
        className="tv-reader__body"
        ref={bodyRef}
        tabIndex={0}
        data-focus-key="reader:body"
        aria-label={pickText(item.title, language).text}
      >
        <Text k={kindKey(item.kind)} className="tv-tile__kind" />
        <Text text={item.title} as="h2" className="tv-reader__title" />
        <Text text={item.summary} as="p" className="tv-reader__summary" />
        <Text text={item.body} as="p" className="tv-reader__text" />
        {basis.length > 0 ? (
          <div className="tv-reader__basis">
            <Text k="tv:read.basis" as="strong" />
            {basis.map((b) => (
              <Text key={b.id} text={b.title} as="p" />
            ))}
          </div>
        ) : null}
        {item.sample ? <Text k="tv:read.sample" className="tv-quiet" /> : null}
      </div>
    </div>
  );
}
