/** My questions: each with its state; an answer opens full size and green reads it aloud. */
import { useEffect, useState } from 'react';
import { Text } from '@pls/shared/ui';
import type { CaseUpdate, Question } from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import type { LocalDatabase } from '@pls/shared/db';
import { Tile } from '../ui/tile';
import { useScreenCommands, useTvNav } from '../ui/remote';
import { useCollection } from '../ui/use-collection';
import { readAloud, stopReading, type ReadAloudOutcome } from '../ui/read-aloud';
import { buildThreads, type Thread } from './my-questions';

const STATE_KEY: Readonly<Record<Thread['state'], TranslationKey>> = {
  waiting: 'tv:mine.waiting',
  received: 'tv:mine.received',
  answered: 'tv:mine.answered',
};

const OUTCOME_KEY: Readonly<Record<ReadAloudOutcome, TranslationKey>> = {
  speaking: 'tv:read.speaking',
  noVoice: 'tv:read.noVoice',
  noMongolianVoice: 'tv:read.noMongolianVoice',
};

export function MyQuestionsScreen({
  db,
  onSeen,
}: {
  readonly db: LocalDatabase;
  readonly onSeen: (answerIds: string[]) => void;
}) {
  const nav = useTvNav();
  const questions = useCollection(db, 'questions') as Question[];
  const updates = useCollection(db, 'case_updates') as CaseUpdate[];
  const threads = buildThreads(questions, updates);
  const [open, setOpen] = useState<Thread | undefined>(undefined);
  const [outcome, setOutcome] = useState<ReadAloudOutcome | undefined>(undefined);
  const answerIds = threads.flatMap((t) => (t.answer ? [t.answer.id] : [])).join(',');

  useEffect(() => {
    if (answerIds !== '') onSeen(answerIds.split(','));
  }, [answerIds, onSeen]);
  useEffect(() => () => stopReading(), []);

  const speak = (thread: Thread | undefined) => {
    if (thread?.answer) setOutcome(readAloud(thread.answer.text, thread.answer.language));
  };
  useScreenCommands((command) => {
    if (command.kind === 'command' && command.command === 'green' && open) {
      speak(open);
      return true;
    }
    // Back from an open answer closes it: one level up.
    if (command.kind === 'command' && command.command === 'back' && open) {
      setOpen(undefined);
      return true;
    }
    return false;
  });

  if (open?.answer) {
    return (
      <div className="tv-page">
        <Text k="tv:mine.answerTitle" as="h2" className="tv-page__title" />
        <div className="tv-answer" tabIndex={0} data-focus-key="mine:answer">
          <Text k={familyKey('domain:caseCategory', open.question.category)} as="strong" />
          <Text lang={open.answer.language} as="p" className="tv-answer__text">
            {open.answer.text}
          </Text>
        </div>
        <div className="tv-hub">
          <Tile focusKey="mine:read" onOk={() => speak(open)}>
            <Text k="tv:legend.green" />
          </Tile>
          <Tile focusKey="mine:close" onOk={() => setOpen(undefined)}>
            <Text k="tv:common.back" />
          </Tile>
        </div>
        {outcome ? <Text k={OUTCOME_KEY[outcome]} className="tv-quiet" /> : null}
      </div>
    );
  }

  return (
    <div className="tv-page">
      <Text k="tv:home.myQuestions" as="h2" className="tv-page__title" />
      {threads.length === 0 ? <Text k="tv:mine.none" as="p" className="tv-notice" /> : null}
      <div className="tv-grid">
        {threads.map((thread) => (
          <Tile
            key={thread.question.id}
            focusKey={`mine:${thread.question.id}`}
            className={`tv-tile--question tv-state--${thread.state}`}
            onOk={() => (thread.answer ? setOpen(thread) : undefined)}
          >
            <Text k={familyKey('domain:caseCategory', thread.question.category)} as="strong" />
            <Text k={STATE_KEY[thread.state]} />
            <Text
              k="tv:mine.code"
              values={{ code: thread.question.trackingCode }}
              className="tv-quiet"
            />
          </Tile>
        ))}
      </div>
      <Tile focusKey="mine:ask" onOk={() => nav.push({ id: 'askForm' })}>
        <Text k="tv:ask.new" />
      </Tile>
    </div>
  );
}
