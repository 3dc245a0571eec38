/**
 * Ask the law: pick a topic or type a few words (pinyin or the Mongolian keyboard), and the
 * kiosk answers from its own knowledge base (offline), each answer with the article it rests
 * on. "This did not answer me" leaves a question for a lawyer (leave-question-panel); "see my
 * answer" finds a question left earlier and shows the center's answer (find-question-panel).
 */
import { useEffect, useMemo, useState } from 'react';
import { chineseArticleLabel, mongolianArticleLabel } from '@pls/shared/content';
import { CASE_CATEGORIES, type CaseCategory, type Content } from '@pls/shared/domain';
import { familyKey } from '@pls/shared/i18n';
import { BigButton, OnScreenKeyboard, Text, useLanguage } from '@pls/shared/ui';
import { useRuntime } from '../ui/runtime';
import { FindQuestionPanel } from './find-question-panel';
import { createKnowledgeBase, type KnowledgeAnswer, type KnowledgeBase } from './knowledge-answers';
import { LeaveQuestionPanel } from './leave-question-panel';
import '../calculators/calculators.css';
import '../booking/services.css';

const TOPICS = CASE_CATEGORIES.filter((c) => c !== 'other');

function useKnowledgeBase(): KnowledgeBase | undefined {
  const { db } = useRuntime();
  const [kb, setKb] = useState<KnowledgeBase | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void db.content
      ?.find()
      .exec()
      .then((docs) => {
        // RxDB documents → plain objects; the replicated schema already validated them.
        if (live) setKb(createKnowledgeBase(docs.map((d) => d.toJSON() as Content)));
      });
    return () => {
      live = false;
    };
  }, [db]);
  return kb;
}

function AnswerCard({ answer }: { answer: KnowledgeAnswer }) {
  const { language } = useLanguage();
  const mn = language === 'mn-Mong';
  return (
    <article className="k-svc__card" data-testid="kb-answer">
      <Text as="h3">{answer.title}</Text>
      <Text as="p">{answer.text}</Text>
      {answer.citation ? (
        <Text
          as="p"
          k="services:ask.cite"
          values={{
            law: answer.citation.lawName,
            article: mn
              ? mongolianArticleLabel(answer.citation.article)
              : chineseArticleLabel(answer.citation.article),
          }}
          className="k-svc__cite"
        />
      ) : null}
      {answer.citation && !answer.citation.verified ? (
        <Text as="p" k="services:ask.unverified" className="k-svc__cite" />
      ) : null}
    </article>
  );
}

export function AskScreen() {
  const { language } = useLanguage();
  const kb = useKnowledgeBase();
  const [words, setWords] = useState('');
  const [asked, setAsked] = useState<{ query: string; topic?: CaseCategory } | undefined>();
  const [mode, setMode] = useState<'search' | 'leave' | 'find'>('search');
  const answers = useMemo(
    () => (kb && asked ? kb.answer(asked.query, language, asked.topic) : []),
    [kb, asked, language],
  );
  if (mode !== 'search') {
    return (
      <section className="k-svc" data-testid="ask" aria-labelledby="ask-title">
        <Text as="h2" k="services:ask.title" id="ask-title" className="k-svc__title" />
        {mode === 'leave' ? (
          <LeaveQuestionPanel
            topic={asked?.topic}
            words={asked?.query ?? words}
            relatedContentId={answers[0]?.id}
          />
        ) : (
          <FindQuestionPanel />
        )}
      </section>
    );
  }
  return (
    <section className="k-svc" data-testid="ask" aria-labelledby="ask-title">
      <Text as="h2" k="services:ask.title" id="ask-title" className="k-svc__title" />
      <BigButton
        label="services:question.findMine"
        variant="secondary"
        className="k-act--find-mine"
        onPress={() => setMode('find')}
      />
      <Text as="p" k="services:ask.prompt" />
      <div className="k-svc__row" role="group" data-testid="ask-topics">
        {TOPICS.map((topic) => (
          <BigButton
            key={topic}
            label={familyKey('domain:caseCategory', topic)}
            variant={asked?.topic === topic ? 'primary' : 'secondary'}
            className={`k-ask__topic k-ask__topic--${topic}`}
            onPress={() => setAsked({ query: '', topic })}
          />
        ))}
      </div>
      <OnScreenKeyboard
        value={words}
        onChange={setWords}
        modes={language === 'mn-Mong' ? ['mongolian', 'pinyin'] : ['pinyin', 'mongolian']}
        label="services:ask.words"
        onEnter={() => setAsked({ query: words })}
      />
      <BigButton
        label="services:ask.search"
        icon="check"
        className="k-ask__search"
        disabled={words.trim() === ''}
        onPress={() => setAsked({ query: words })}
      />
      {kb === undefined ? <Text as="p" k="services:ask.loading" /> : null}
      {asked && kb ? (
        answers.length > 0 ? (
          <div className="k-svc__cards" data-testid="kb-answers" aria-live="polite">
            {answers.map((answer) => (
              <AnswerCard key={answer.id} answer={answer} />
            ))}
          </div>
        ) : (
          <Text as="p" k="services:ask.none" className="k-svc__strong" />
        )
      ) : null}
      {asked && kb ? (
        <BigButton
          label="services:question.leave"
          icon="right"
          className="k-act--leave-question"
          onPress={() => setMode('leave')}
        />
      ) : null}
    </section>
  );
}
